/**
 * One register sheet to a RegisterTable: find the header, match columns, coerce every cell,
 * and report structure and cell findings on the way. Never throws on any grid.
 */
import { a1 } from "../a1";
import {
  cellAt,
  displayCell,
  formatAt,
  isBlankCell,
  showsDates,
  type CellValue,
  type SheetGrid,
} from "../grid";
import type { ColumnSpec, RagScaleEntry, RegisterName, RegisterSpec, Standard } from "../standard/schema";
import { FindingSink } from "../validate/finding";
import { coerceCell, isPercentFormat, ragEntryFor, type CoerceContext, type TypedValue } from "./coerce";
import { detectHeaderRow, headerIndex, matchHeaders, type HeaderMatch } from "./header";
import { headerCodes, headerHint, saysPercent, type HeaderHint } from "./header-hints";
import { chooseScale, productScale } from "./scales";
import { rankedLevels } from "./ranked-levels";
import { twoRowHeader } from "./two-row-header";
import { legendAbove } from "./legend";
import { questionAnswers, statusQuestion } from "./question-header";
import { cleanText, isTypoOf, matchKey, wordCount } from "./normalize";
import { parseTextNumber } from "./parse-number";
import { saysClosed, type RegisterColumn, type RegisterRow, type RegisterTable } from "./register-table";
import { DATE_SERIALS } from "./columns-by-values";

/** A dash written for "none". */
function isDash(value: CellValue): boolean {
  return typeof value === "string" && /^\s*[-–—]+\s*$/.test(value);
}

/**
 * Numbers from here up are Unix times in milliseconds (2001-09-09), when a date column holds
 * them; ten-digit numbers are more often amounts (IDR, KRW) than Unix seconds.
 */
const UNIX_MILLISECONDS_MIN = 1e12;

function lastDataRow(grid: SheetGrid, from: number, cols: readonly number[]): number {
  for (let r = grid.rows.length - 1; r >= from; r--) {
    if (cols.some((c) => !isBlankCell(cellAt(grid, r, c)))) return r;
  }
  return from - 1;
}

/**
 * Plain numbers in a percent column are fractions (0.45) or points (45): the column decides,
 * by the majority of its non-zero values, so one 1.4 (140 %) among fractions stays 140 %.
 * Cells formatted as % are always fractions and text with a % sign is always points.
 */
function percentScale(grid: SheetGrid, col: number, first: number, last: number): "fraction" | "points" {
  let upToOne = 0;
  let aboveOne = 0;
  for (let r = first; r <= last; r++) {
    const v = cellAt(grid, r, col);
    let n: number | null = null;
    if (typeof v === "number") n = isPercentFormat(formatAt(grid, r, col)) ? null : v;
    else if (typeof v === "string") {
      const parsed = parseTextNumber(v, false);
      n = parsed && !parsed.percent ? parsed.value : null;
    }
    if (n === null || n === 0) continue;
    if (Math.abs(n) <= 1) upToOne++;
    else aboveOne++;
  }
  return upToOne > aboveOne ? "fraction" : "points";
}

/** Headers down the first column instead of across a row: a layout we refuse rather than misread. */
function looksTransposed(grid: SheetGrid, spec: RegisterSpec): boolean {
  const index = headerIndex(spec);
  const found = new Set<string>();
  for (let r = 0; r < Math.min(grid.rows.length, 60); r++) {
    const v = cellAt(grid, r, 0);
    if (typeof v === "string") for (const col of index.get(matchKey(v)) ?? []) found.add(col.field);
  }
  return found.size >= Math.min(3, spec.columns.length);
}

export interface ReadRegisterOptions {
  readonly standard: Standard;
  readonly date1904: boolean;
  readonly sink: FindingSink;
  /** The header row, when the caller found it already (locating registers by content does). */
  readonly headerRow?: number;
  /** Only these sheet rows (0-based, grid-relative) are this register's: a combined RAID sheet's split. */
  readonly include?: (row: number) => boolean;
  /** Values of columns the sheet lacks, given by the workbook (its one project's ID). */
  readonly implied?: Readonly<Record<string, TypedValue>>;
  /** Columns not to report as unknown (a combined sheet's Type column, the other registers' columns). */
  readonly known?: (col: number) => boolean;
  /** A combined sheet's Type column: the register's own type column (Threat/Opportunity) reads it. */
  readonly typeColumn?: number;
  /** The keys (as match keys) of a register already read, for reference columns no header names. */
  readonly referenceKeys?: (register: string) => ReadonlySet<string> | undefined;
  /**
   * The names (as match keys) of a register already read, each to its key: a reference column
   * may name the project rather than give its ID ("Portfolio Epic", "Impacted Project").
   */
  readonly referenceNames?: (register: string) => ReadonlyMap<string, string> | undefined;
}

/**
 * On a combined sheet the Type column says which register a row is; the register's own enum
 * column named "Type" (a risk's Threat or Opportunity) reads it, and nothing else does.
 */
function readTypeColumn(match: HeaderMatch, spec: RegisterSpec, col: number, text: string): void {
  const own = spec.columns.find(
    (c) => c.type === "enum" && [c.header, ...c.synonyms].some((h) => matchKey(h) === "type"),
  );
  for (const [field, cell] of match.columns)
    if (cell.col === col && field !== own?.field) match.columns.delete(field);
  if (own) match.columns.set(own.field, { col, text });
}

/** What a header says its values stand for: a legend of codes, or a question's answers. */
function valueCodes(header: string): ReadonlyMap<string, string> | null {
  const question = statusQuestion(header);
  return headerCodes(header) ?? (question ? questionAnswers(question) : null);
}

/** Most words a value of a PMO's own list has ("Stage 4 - Technical Design"); more is a sentence. */
const LABEL_WORDS = 6;
const OWN_LABEL_FIT = 0.5;
/** A value a list left open may hold: a short label with letters, not a sentence or a number. */
function isLabel(value: CellValue): boolean {
  return (
    typeof value === "string" &&
    /\p{L}/u.test(value) &&
    wordCount(value) <= LABEL_WORDS &&
    !/[.!?]\s*$/.test(value)
  );
}

const FLAG_WORDS = new Set(["yes", "no", "y", "n", "true", "false"]);
function isFlag(value: CellValue): boolean {
  return (
    typeof value === "boolean" || (typeof value === "string" && FLAG_WORDS.has(value.trim().toLowerCase()))
  );
}

/**
 * Rows below the header that repeat it: at least two of their cells, and half of the header's,
 * say the same as the header cell above them.
 */
function repeatedHeaderRows(grid: SheetGrid, headerRow: number): Set<number> {
  // Exact text, not match keys: this looks at every cell of the sheet.
  const header = (grid.rows[headerRow] ?? []).map((v) => (typeof v === "string" ? v.trim() : ""));
  const named = header.filter((h) => h !== "").length;
  const out = new Set<number>();
  if (named < 2) return out;
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    let same = 0;
    for (let c = 0; c < header.length && c < row.length; c++) {
      const v = row[c];
      // Lengths first: most cells are not the header, and trimming every one is the cost.
      if (header[c] === "" || typeof v !== "string" || v.length < header[c].length) continue;
      if (v.length - header[c].length <= 4 && v.trim() === header[c]) same++;
    }
    if (same >= 2 && same * 2 >= named) out.add(r);
  }
  // Humanitarian exports (HDX, IFRC GO) put a row of HXL hashtags ("#date+start") under the header.
  if (isHashtagRow(grid.rows[headerRow + 1] ?? [])) out.add(headerRow + 1);
  return out;
}

const HASHTAG = /^#[a-z][a-z0-9_]*(?:\s*[+][a-z0-9_]+)*$/i;

/** A row whose values are all HXL hashtags, at least two: labels for machines, not data. */
function isHashtagRow(row: readonly CellValue[]): boolean {
  let tags = 0;
  for (const v of row) {
    if (isBlankCell(v)) continue;
    if (typeof v !== "string" || !HASHTAG.test(v.trim())) return false;
    tags++;
  }
  return tags >= 2;
}

/**
 * A note written across a register ("Carried forward from Phase 1"): the row's one value, a
 * sentence of three or more words, in a column read as a date, number or rating. Not a record.
 */
function isNoteRow(grid: SheetGrid, r: number, readCols: readonly number[], typedCols: ReadonlySet<number>) {
  let only: number | null = null;
  for (const c of readCols) {
    if (isBlankCell(cellAt(grid, r, c))) continue;
    if (only !== null) return false;
    only = c;
  }
  if (only === null || !typedCols.has(only)) return false;
  const v = cellAt(grid, r, only);
  return typeof v === "string" && wordCount(v) >= 3;
}

/** How many values below the header a column's fit and scale are judged on. */
const SAMPLE_ROWS = 200;

function columnSamples(grid: SheetGrid, col: number, first: number, include?: (row: number) => boolean) {
  const out: CellValue[] = [];
  for (let r = first; r < grid.rows.length && out.length < SAMPLE_ROWS; r++) {
    if (include && !include(r)) continue;
    const v = cellAt(grid, r, col);
    if (!isBlankCell(v)) out.push(v);
  }
  return out;
}

/** The column as this sheet has it: its header's unit and currency where the standard gives none. */
function effectiveSpec(col: ColumnSpec, hint: HeaderHint | undefined): ColumnSpec {
  if (!hint || col.type !== "money") return col;
  const unit = col.unit ?? hint.unit;
  const currency = col.currency ?? hint.currency;
  return unit === col.unit && currency === col.currency ? col : { ...col, unit, currency };
}

export function readRegister(
  kind: RegisterName,
  spec: RegisterSpec,
  sheetGrid: SheetGrid,
  {
    standard,
    date1904,
    sink,
    include: includeRow,
    implied,
    known,
    typeColumn,
    referenceKeys,
    referenceNames,
    ...options
  }: ReadRegisterOptions,
): RegisterTable | null {
  const found = options.headerRow ?? detectHeaderRow(sheetGrid, spec, standard.headerSearchRows);
  // A two-row header is read as one, at its lower row (two-row-header.ts).
  const { grid, headerRow } =
    found === null ? { grid: sheetGrid, headerRow: null } : twoRowHeader(sheetGrid, found, spec);
  const origin = grid.origin ?? { row: 0, col: 0 };
  const at = (row: number, col: number) => ({
    sheet: grid.name,
    row: row + origin.row,
    col: col + origin.col,
  });

  if (headerRow === null) {
    const expected = spec.columns
      .filter((c) => c.presence === "required")
      .map((c) => c.header)
      .join(", ");
    if (looksTransposed(grid, spec)) {
      sink.add(
        "header-not-found",
        { ...at(0, 0), column: null },
        `'${grid.name}' has its headers down column A, with projects as columns (a transposed layout); PMO Rollup reads one project per row. Transpose it (Paste Special > Transpose) into a new sheet.`,
      );
      return null;
    }
    sink.add(
      "header-not-found",
      { ...at(0, 0), column: null },
      `No header row found in the first ${standard.headerSearchRows} rows of '${grid.name}'. Add a header row with the columns ${expected}.`,
    );
    return null;
  }
  // An export that repeats the header above each group (monday.com) has rows that are headers, not data.
  const repeats = repeatedHeaderRows(grid, headerRow);
  const include = (r: number) => (!includeRow || includeRow(r)) && !repeats.has(r);

  const fitContext = (): CoerceContext => ({
    date1904,
    dateOrder: standard.dateOrder,
    yearCutoff: standard.twoDigitYearCutoff,
    ragScale: standard.ragScale,
    percentScale: "points",
  });
  const fit = (col: number, column: ColumnSpec): number | null => {
    // A combined sheet's Type column ("RAID Code") is a type, never an ID or a title.
    if (col === typeColumn && column.type !== "enum") return 0;
    const samples = columnSamples(grid, col, headerRow + 1, include);
    if (samples.length === 0) return null;
    // A column of Yes/No flags (MS Project's "Milestone") is never a name, title or owner.
    if (column.type === "text" && samples.every(isFlag)) return 0;
    // Nor is a column of sentences a register's key ("Key Issue" holding each issue's words).
    if (
      column.field === spec.key &&
      samples.filter((v) => wordCount(displayCell(v)) > LABEL_WORDS).length * 2 > samples.length
    )
      return 0;
    // Nor is a column of RAG ratings ("Resources": G / A / R, "-" where none) a name or an owner.
    if (
      column.type === "text" &&
      samples.every((v) => ragEntryFor(displayCell(v), standard.ragScale) !== null || isDash(v))
    )
      return 0;
    const scale = chooseScale(standard, column, undefined, samples);
    const header = displayCell(cellAt(grid, headerRow, col));
    // A header that says its values are percentages holds no amounts or dates ("Physical Actual (%)").
    if ((column.type === "money" || column.type === "date") && saysPercent(header)) return 0;
    // Numbers shown as dates are dates, never an amount ("Actual Exit" is when, not what was spent).
    if (column.type === "money" && showsDates(grid, col, headerRow + 1, include)) return 0;
    const levels = column.ranked ? rankedLevels(column, header, headerHint(header), samples) : null;
    const codes = column.type === "enum" ? valueCodes(header) : null;
    const ctx = { ...fitContext(), scale, levels, codes };
    let good = 0;
    // A label a list left open may hold fits by half: a column of listed values fits better.
    for (const v of samples) {
      // A small number is a count or a share, not a day of 1900 ("Completion Rate" of 45); a large
      // one is an amount, not a day after 2120 ("Revised contract $" of 2,084,400), unless it is
      // a Unix time in milliseconds (1743346800000, as ClickUp exports).
      if (
        column.type === "date" &&
        typeof v === "number" &&
        (v < DATE_SERIALS.min || (v > DATE_SERIALS.max && v < UNIX_MILLISECONDS_MIN))
      )
        continue;
      if (coerceCell(v, null, column, ctx).ok) good++;
      else if (column.openValues && isLabel(v)) good += OWN_LABEL_FIT;
    }
    return good / samples.length;
  };
  // The share of a column's values that are keys of the register a column references (or,
  // with `byName`, keys or names).
  const referenceShare = (col: number, column: ColumnSpec, byName: boolean): number | null => {
    const keys = column.references ? referenceKeys?.(column.references) : undefined;
    if (!keys || keys.size === 0) return null;
    const samples = columnSamples(grid, col, headerRow + 1, include);
    if (samples.length === 0) return null;
    const names = byName && column.references ? referenceNames?.(column.references) : undefined;
    const isKey = (text: string) => keys.has(matchKey(text) || text) || (names?.has(matchKey(text)) ?? false);
    const share = samples.filter((v) => isKey(displayCell(v))).length / samples.length;
    // Small numbers could be any count or rank; a key is trusted as text ("ST-1042") or as
    // numbers of four digits or more that are the keys (a funding body's investment numbers):
    // numbers that are not say nothing (a tool's own project numbers).
    const rankLike = (v: unknown) => typeof v === "number" && !(Number.isInteger(v) && v >= 1000);
    if (samples.every((v) => typeof v === "number") && (samples.some(rankLike) || share === 0)) return null;
    return share;
  };
  const referenceFit = (col: number, column: ColumnSpec) => referenceShare(col, column, false);
  const referenceNameFit = (col: number, column: ColumnSpec) => referenceShare(col, column, true);
  // A reference that names the project rather than giving its ID is read as its ID, so the
  // rollup joins it to its project; a name two projects share is left as written.
  const referenceByName = (register: string, value: TypedValue | null): TypedValue | null => {
    if (typeof value !== "string") return value;
    const key = matchKey(value) || value;
    if (referenceKeys?.(register)?.has(key)) return value;
    return referenceNames?.(register)?.get(matchKey(value)) ?? value;
  };
  const match = matchHeaders(grid, headerRow, spec, fit, referenceFit, referenceNameFit);
  if (typeColumn !== undefined)
    readTypeColumn(match, spec, typeColumn, displayCell(cellAt(grid, headerRow, typeColumn)));
  // A column missing from this register but with a fallback present reads the fallback instead
  // (a register without IDs keyed by its project names, say).
  for (const col of spec.columns) {
    const fallbacks = match.fallbacks.get(col.field);
    if (match.columns.has(col.field) || !fallbacks || fallbacks.length === 0) continue;
    match.columns.set(col.field, fallbacks[0]);
    match.fallbacks.set(col.field, fallbacks.slice(1));
  }
  const mappedCols = [...match.columns.values()].map((h) => h.col);
  const allCols = Array.from({ length: grid.rows[headerRow]?.length ?? 0 }, (_, c) => c);
  let last = lastDataRow(grid, headerRow + 1, allCols.length > 0 ? allCols : mappedCols);
  // Data further right than the header row reaches still counts for blank-header detection.
  const widest = grid.rows.slice(headerRow + 1, last + 1).reduce((w, r) => Math.max(w, r.length), 0);
  for (let c = allCols.length; c < widest; c++) match.blanks.push(c);
  last = lastDataRow(grid, headerRow + 1, [...allCols, ...match.blanks]);

  for (const { cell, spec: col, first } of match.duplicates) {
    sink.add(
      "duplicate-header",
      { ...at(headerRow, cell.col), column: cell.text, value: cell.text },
      `"${cell.text}" is a second ${col.header} column (the first is "${first.text}" in ${a1(headerRow + origin.row, first.col + origin.col)}); remove or rename one. Only the first is read.`,
    );
  }
  for (const c of match.blanks) {
    const hasData = grid.rows.slice(headerRow + 1, last + 1).some((r) => !isBlankCell(r[c] ?? null));
    if (hasData)
      sink.add(
        "blank-header",
        { ...at(headerRow, c), column: null, value: "" },
        `Column ${a1(headerRow + origin.row, c + origin.col).replace(/\d+$/, "")} holds data but has no header; give it a header or remove the data.`,
      );
  }
  for (const { cell, spec: col, chosen } of match.passedOver) {
    sink.add(
      "ambiguous-column",
      { ...at(headerRow, cell.col), column: cell.text, value: cell.text },
      `"${cell.text}" and "${chosen.text}" (${a1(headerRow + origin.row, chosen.col + origin.col)}) could both be the ${spec.sheet} register's ${col.header}; "${chosen.text}" was read, since its values fit. Rename "${cell.text}" or name the column in the PMO Standard sheet if that is wrong.`,
    );
  }
  const misfitCols = new Set(match.misfits.map((m) => m.cell.col));
  for (const { cell, spec: col } of match.misfits) {
    if (known?.(cell.col)) continue;
    const shown = sampleValues(grid, headerRow + 1, last, cell.col, include)
      .map((v) => `"${v}"`)
      .join(", ");
    sink.add(
      "misfit-column",
      { ...at(headerRow, cell.col), column: cell.text, value: cell.text },
      `"${cell.text}" is named like the ${spec.sheet} register's ${col.header}, but its values (${shown}) are not ${col.header} values; it is kept but not read as ${col.header}. If it is, name it in the PMO Standard sheet.`,
    );
  }
  for (const cell of match.unknown) {
    if (known?.(cell.col) || misfitCols.has(cell.col)) continue;
    sink.add(
      "unknown-column",
      { ...at(headerRow, cell.col), column: cell.text, value: cell.text },
      `"${cell.text}" is not a column of the standard's ${spec.sheet} register; it is kept but not checked.`,
    );
  }
  const missingAt = at(headerRow, 0);
  for (const col of spec.columns) {
    if (match.columns.has(col.field) || col.presence === "optional" || implied?.[col.field] !== undefined)
      continue;
    sink.add(
      "missing-column",
      { ...missingAt, column: col.header },
      `The ${spec.sheet} register has no "${col.header}" column${col.presence === "recommended" ? " (recommended)" : ""}; add it to the header row${col.synonyms.length ? ` (also accepted: ${col.synonyms.slice(0, 3).join(", ")})` : ""}.`,
      col.presence === "recommended" ? "warning" : undefined,
    );
  }

  const columns = new Map<string, RegisterColumn>();
  for (const col of spec.columns) {
    const h = match.columns.get(col.field);
    if (h)
      columns.set(col.field, { spec: effectiveSpec(col, h.hint), col: h.col + origin.col, header: h.text });
  }
  const colList = [...columns.values()];
  const gridCols = colList.map((c) => c.col - origin.col);
  const fallbackCols = colList.map((c) => (match.fallbacks.get(c.spec.field) ?? []).map((h) => h.col));
  const contexts: CoerceContext[] = colList.map((c, k) => ({
    date1904,
    dateOrder: standard.dateOrder,
    yearCutoff: standard.twoDigitYearCutoff,
    ragScale: standard.ragScale,
    percentScale: c.spec.type === "percent" ? percentScale(grid, gridCols[k], headerRow + 1, last) : "points",
    scale: c.spec.scales
      ? chooseScale(
          standard,
          c.spec,
          match.columns.get(c.spec.field)?.hint,
          columnSamples(grid, gridCols[k], headerRow + 1, include),
        )
      : null,
    levels: c.spec.ranked
      ? rankedLevels(
          c.spec,
          c.header,
          match.columns.get(c.spec.field)?.hint,
          columnSamples(grid, gridCols[k], headerRow + 1),
        )
      : null,
    codes: c.spec.type === "enum" ? valueCodes(c.header) : null,
    memo: new Map(),
  }));
  readScoreAsItsRatings(colList, contexts, (k) => {
    const spec = colList[k].spec;
    const beyond = (v: CellValue) => typeof v === "number" && spec.max !== undefined && v > spec.max;
    return (
      match.columns.get(spec.field)?.hint?.range === undefined &&
      columnSamples(grid, gridCols[k], headerRow + 1, include).some(beyond)
    );
  });
  colList.forEach((c, k) => {
    const scale = contexts[k].scale;
    if (scale) columns.set(c.spec.field, { ...c, scale: scale.name });
  });
  const readCols = [
    ...colList.map((c) => c.col - origin.col),
    ...match.unknown.map((u) => u.col),
    ...[...match.fallbacks.values()].flat().map((h) => h.col),
  ];

  // Columns read as dates, numbers or ratings: a sentence alone in one of them is a note.
  const typedCols = new Set(colList.filter((c) => c.spec.type !== "text").map((c) => c.col - origin.col));
  const rows: RegisterRow[] = [];
  let blankRun: number | null = null;
  const impliedFields = Object.entries(implied ?? {}).filter(([field]) => !columns.has(field));
  // Stages of the PMO's own lifecycle, for the columns whose list is open.
  const unlisted = new Map<number, Set<string>>();
  colList.forEach((c, k) => {
    if (!c.spec.openValues) return;
    const own = ownValues(grid, headerRow + 1, last, gridCols[k], c.spec, contexts[k], include);
    if (own) unlisted.set(k, own);
  });
  // A project's state written where its rating goes ("Complete", "On Hold"): not rated, noted once.
  const unratedKeys = new Set(standard.ragUnrated.map(matchKey));
  const legend = legendAbove(grid, headerRow);
  // What each distinct text in a RAG column says, worked out once (a column of "On Hold" is long).
  const ragRead = new Map<string, RagScaleEntry | null>();
  const unrated = new Map<number, Set<string>>();
  for (let r = headerRow + 1; r <= last; r++) {
    if (!include(r) || isNoteRow(grid, r, readCols, typedCols)) continue;
    const blank = readCols.every((c) => isBlankCell(cellAt(grid, r, c)));
    if (blank) {
      if (blankRun === null) blankRun = r;
      continue;
    }
    if (blankRun !== null) {
      const count = r - blankRun;
      sink.add(
        "blank-row",
        { ...at(blankRun, 0), column: null, value: "" },
        count === 1
          ? `Row ${blankRun + origin.row + 1} is blank inside the register; delete it (the rows below it are still read).`
          : `Rows ${blankRun + origin.row + 1}-${r + origin.row} are blank inside the register; delete them (the rows below are still read).`,
      );
      blankRun = null;
    }
    const cells = grid.rows[r] ?? [];
    const values: Record<string, TypedValue | null> = {};
    const row: RegisterRow = { row: r + origin.row, values, cells, errors: 0 };
    for (const [field, value] of impliedFields) values[field] = value;
    for (let k = 0; k < colList.length; k++) {
      const c = colList[k];
      let gridCol = gridCols[k];
      let raw = cells[gridCol] ?? null;
      if (isBlankCell(raw)) {
        // The first non-empty of the standard's fallback columns (e.g. the SRO's rating where the IPA gave none).
        for (const f of fallbackCols[k]) {
          if (!isBlankCell(cells[f] ?? null)) {
            gridCol = f;
            raw = cells[f] ?? null;
            break;
          }
        }
      }
      const result = coerceCell(raw, formatAt(grid, r, gridCol), c.spec, contexts[k]);
      if (result.ok) {
        values[c.spec.field] = c.spec.references
          ? referenceByName(c.spec.references, result.value)
          : result.value;
        if (result.value === null && c.spec.required) {
          const where = { ...at(r, gridCol), column: c.header, value: displayCell(raw) };
          const f = sink.add("required-missing", where, `${c.header} is required; enter a value.`);
          if (f.severity === "error") row.errors++;
        }
        continue;
      }
      // A stage of the PMO's own lifecycle ("Realisation"): read as written, noted once below.
      const own = cleanText(displayCell(raw));
      if (result.code === "enum-error" && unlisted.get(k)?.has(own)) {
        values[c.spec.field] = own;
        continue;
      }
      if (c.spec.type === "rag") {
        // A letter the legend above explains ("C = completed / closed"): what it stands for.
        const meant = legend.get(own.toLowerCase()) ?? own;
        let entry = ragRead.get(meant);
        if (entry === undefined) ragRead.set(meant, (entry = ragEntryFor(meant, standard.ragScale)));
        if (entry) {
          values[c.spec.field] = entry.label;
          continue;
        }
        if (unratedKeys.has(matchKey(meant))) {
          values[c.spec.field] = null;
          unrated.set(k, (unrated.get(k) ?? new Set()).add(meant === own ? own : `${own}: ${meant}`));
          continue;
        }
      }
      values[c.spec.field] = result.usable ?? null;
      const where = { ...at(r, gridCol), column: c.header, value: displayCell(raw) };
      if (sink.add(result.code, where, `${c.header}: ${result.message}`).severity === "error") row.errors++;
    }
    rows.push(row);
  }
  for (const [k, texts] of unlisted) {
    const c = colList[k];
    const shown = [...texts].slice(0, 5).map((t) => `"${t}"`);
    const more = texts.size > 5 ? ` and ${texts.size - 5} more` : "";
    sink.add(
      "unlisted-values",
      { ...at(headerRow, gridCols[k]), column: c.header, value: c.header },
      `${c.header} holds values the standard's ${c.spec.header} list does not name (${shown.join(", ")}${more}); they are read as written, ${closedSaying(texts, c.spec)}. To map them, add them as aliases in the PMO Standard sheet.`,
    );
  }
  for (const [k, texts] of unrated) {
    const c = colList[k];
    const shown = [...texts].map((t) => `"${t}"`).join(", ");
    sink.add(
      "unlisted-values",
      { ...at(headerRow, gridCols[k]), column: c.header, value: c.header },
      `${c.header} holds states, not ratings (${shown}); those rows are read as not rated. To rate them, write a rating (${standard.ragScale.map((e) => e.label).join(", ")}).`,
    );
  }
  const width = Math.max(1, grid.rows[headerRow]?.length ?? 1);
  const range = `${a1(headerRow + origin.row, origin.col)}:${a1(Math.max(last, headerRow) + origin.row, width - 1 + origin.col)}`;
  return {
    kind,
    spec,
    sheet: grid.name,
    headerRow: headerRow + origin.row,
    originCol: origin.col,
    columns,
    rows,
    range,
  };
}

/** Which of a column's own values count as closed: those that say a closed value of the list. */
function closedSaying(texts: ReadonlySet<string>, spec: ColumnSpec): string {
  const closed = [...texts].filter((t) => saysClosed(t, spec)).map((t) => `"${t}"`);
  if (closed.length === 0) return "and none counts as closed";
  if (closed.length === texts.size) return "and each counts as closed (each says so)";
  return `and only ${closed.slice(0, 5).join(", ")}${closed.length > 5 ? "..." : ""} count${closed.length === 1 ? "s" : ""} as closed (${closed.length === 1 ? "it says" : "they say"} so)`;
}

/** A few distinct values of a column, shortened, to show what it holds. */
function sampleValues(
  grid: SheetGrid,
  from: number,
  to: number,
  col: number,
  include: (row: number) => boolean,
  count = 3,
): string[] {
  const seen: string[] = [];
  for (let r = from; r <= to && seen.length < count; r++) {
    if (!include(r)) continue;
    const v = grid.rows[r]?.[col] ?? null;
    if (isBlankCell(v)) continue;
    const text = displayCell(v).trim();
    const short = text.length > 30 ? `${text.slice(0, 29)}…` : text;
    if (!seen.includes(short)) seen.push(short);
  }
  return seen;
}

/**
 * The values of an open-listed column that are a vocabulary of its own: what the list does not
 * name and is no slip from it ("Realisation", "Deferred", "Design Development"), or null when
 * there are none. One such value is enough: across the held-out registers a lone unlisted status
 * was the register's word ("On hold", "Waiting"), and slips ("Exectue", "Executing phase",
 * "Plan & Execute") are still reported in their cells.
 */
function ownValues(
  grid: SheetGrid,
  from: number,
  to: number,
  col: number,
  spec: ColumnSpec,
  ctx: CoerceContext,
  include: (row: number) => boolean,
): Set<string> | null {
  const listed = (spec.values ?? []).flatMap((v) => [v.value, ...v.aliases]).map(matchKey);
  const own = new Set<string>();
  // A stage column holds few distinct values: each is judged once.
  const judged = new Set<string>();
  for (let r = from; r <= to; r++) {
    const raw = include(r) ? (grid.rows[r]?.[col] ?? null) : null;
    if (isBlankCell(raw)) continue;
    const text = cleanText(displayCell(raw));
    if (judged.has(text)) continue;
    judged.add(text);
    // A number or a code of symbols ("3", "46082") is no word of a vocabulary: a mistake in its cell.
    if (/\p{L}/u.test(text) && !coerceCell(raw, null, spec, ctx).ok && !isTypoOf(text, listed)) own.add(text);
  }
  return own.size > 0 ? own : null;
}

/**
 * A risk's score, when its probability and impact are read in proportion from a longer scale
 * (1-10 as half), is read the same way: 56 of 7 x 8 is 14, not a score above 25. Only a score
 * that goes beyond the standard's (`longer`), whose header names no range of its own.
 */
function readScoreAsItsRatings(
  colList: readonly RegisterColumn[],
  contexts: CoerceContext[],
  longer: (k: number) => boolean,
): void {
  const at = (field: string) => colList.findIndex((c) => c.spec.field === field);
  const [p, i, score] = [at("probability"), at("impact"), at("score")];
  if (p < 0 || i < 0 || score < 0 || contexts[score].scale || !longer(score)) return;
  const top = colList[p].spec.max;
  if (top === undefined || colList[i].spec.max !== top) return;
  const scale = productScale(contexts[p].scale ?? null, contexts[i].scale ?? null, top);
  if (scale) contexts[score] = { ...contexts[score], scale };
}
