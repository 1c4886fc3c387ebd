/**
 * Columns found by their values when no header names them. Only values that say what the
 * column is qualify:
 * - a column of Red/Amber/Green ratings under a header such as "Overall" or "Wk 12" is the
 *   register's RAG when the register has none and exactly one such column is there (several RAG
 *   columns, "Schedule", "Cost", "Scope", name none: which is overall is not for us to guess);
 * - a column whose values are the keys of the register a field references ("CIP #" holding the
 *   Project IDs of the Projects sheet, in a risk log) is that field, when nothing else claimed
 *   the column and exactly one column qualifies.
 */
import type { ColumnSpec, RegisterSpec } from "../standard/schema";
import { cellAt, displayCell, formatAt, isBlankCell, isDateFormat, type SheetGrid } from "../grid";
import type { HeaderCell, ValueFit } from "./header";
import { entryNameColumn } from "../standard/entry-columns";
import { nameMentions, namesAnId, namesAnotherEntry, timeQualifier } from "./concept-words";
import { committedMoney, headerHint, headerWords, saysPercent } from "./header-hints";
import { matchKey, singularKey, wordCount } from "./normalize";

/**
 * The fields a date or money column is, by whether its header says baseline, forecast or actual
 * (the engine's field names: metrics read them). The first the register has is taken.
 */
const QUALIFIED: Readonly<Record<"date" | "money", Readonly<Record<string, readonly string[]>>>> = {
  date: {
    baseline: ["baselineFinish", "baselineDate"],
    forecast: ["forecastFinish", "forecastDate"],
    actual: ["actualFinish", "actualDate"],
  },
  money: { baseline: ["bac"], forecast: ["forecastCost"], actual: ["ac"] },
};
/**
 * A change's figures as it leaves them: the date a "Revised Go-Live", "New delivery date" or
 * "Proposed Completion" moves the finish to, and the budget or cost a change brings.
 */
const CHANGED_TO: Readonly<Record<"date" | "money", string>> = {
  date: "newBaselineFinish",
  money: "newBudget",
};
/**
 * Words saying a figure is what a change makes it ("Revised Go-Live", "New delivery date",
 * "Proposed Completion"). Not "Estimated" or "Latest": a change log's estimates are of its effort
 * and its reviews; nor "Additional" or "Extra": a change in cost is not the budget after it.
 */
const CHANGED_WORDS: ReadonlySet<string> = new Set([
  "new",
  "revised",
  "proposed",
  "requested",
  "amended",
  "adjusted",
  "moved",
  "rescheduled",
  "extended",
]);
/** Words that say when, not what: "Proposed On" and "Proposed Date" are when a change was asked. */
const WHEN_WORDS: ReadonlySet<string> = new Set(["on", "by", "at", "date"]);
/** A change log's dates that are no finish: when its work starts, is reviewed, or it was raised. */
const NOT_A_FINISH: ReadonlySet<string> = new Set([
  "start",
  "begin",
  "commence",
  "commencement",
  "kickoff",
  "review",
  "raised",
  "logged",
  "submitted",
]);
/** An amount a change leaves is a budget, a total or a contract's sum, not its own cost ("Requested Amount"). */
const BUDGET_WORDS = /\b(?:budget|bac|total|sum|contract|tpc|tdc)\b/i;
/** A cost revised or new is the cost after the change ("Revised Project Cost"); a requested cost may be the change's. */
const COST_AFTER = /\b(?:revised|new)\b.*\bcost\b/i;

/** Whether a header says a figure is what a change makes it ("Revised Budget", "New Cost"). */
export function isChangedFigure(text: string): boolean {
  return headerWords(text).some((w) => CHANGED_WORDS.has(w));
}

/** The field of the changes register a header names by a changed word, if its words say which figure. */
function changedTo(text: string, type: "date" | "money"): string | null {
  const words = headerWords(text);
  if (!words.some((w) => CHANGED_WORDS.has(w))) return null;
  // Something must name the figure besides the change and when ("Proposed On" names none).
  if (words.every((w) => CHANGED_WORDS.has(w) || WHEN_WORDS.has(w))) return null;
  const figure =
    type === "date"
      ? !words.some((w) => NOT_A_FINISH.has(w))
      : headerHint(text).currency !== undefined || BUDGET_WORDS.test(text) || COST_AFTER.test(text);
  return figure ? CHANGED_TO[type] : null;
}
/** Share of a column's values that must fit a type for its qualifier alone to name its field. */
const QUALIFIED_VALUES_FIT = 0.8;

/**
 * A header no word of the standard names, but which says baseline, forecast or actual ("PC –
 * Approved", "Handover to OC – Forecast", "Approved TDC £m"), is that figure of the register
 * when its values are dates or money: the baseline finish, the forecast cost... Only a field
 * still open, and only when one such column qualifies for it.
 */
export function claimQualified(
  spec: RegisterSpec,
  grid: SheetGrid,
  headerRow: number,
  columns: Map<string, HeaderCell>,
  unknown: HeaderCell[],
  fit: ValueFit | undefined,
): void {
  if (!fit) return;
  const claims = new Map<string, HeaderCell[]>();
  for (const cell of unknown) {
    const target = qualifiedColumn(spec, grid, headerRow, cell.col, cell.text);
    if (!target || columns.has(target.field)) continue;
    if ((fit(cell.col, target) ?? 0) < QUALIFIED_VALUES_FIT) continue;
    claims.set(target.field, [...(claims.get(target.field) ?? []), cell]);
  }
  for (const [field, cells] of claims) {
    if (cells.length !== 1) continue;
    columns.set(field, withHint(cells[0]));
    unknown.splice(unknown.indexOf(cells[0]), 1);
  }
}

/** A header cell claimed by its values, with its unit and currency ("£m") read with it. */
export function withHint(cell: HeaderCell): HeaderCell {
  const hint = headerHint(cell.text);
  return hint.base !== cell.text ? { ...cell, hint } : cell;
}

/**
 * The date or money column of the register a header's baseline / forecast / actual names, by
 * what the header says it holds (a percentage is neither; "£m" is money), then by its values:
 * whole numbers in the range of this era's dates are dates, other numbers money. Null when the
 * header names no such qualifier or the register has no such column.
 */
export function qualifiedColumn(
  spec: RegisterSpec,
  grid: SheetGrid,
  headerRow: number,
  col: number,
  text: string,
): ColumnSpec | null {
  const qualifier = timeQualifier(text);
  const changed = isChangedFigure(text);
  if (!qualifier && !changed) return null;
  const hint = headerHint(text);
  if (saysPercent(text)) return null;
  const type = hint.unit || hint.currency ? "money" : holdsDates(grid, headerRow, col) ? "date" : "money";
  const change = changed ? changedTo(text, type) : null;
  const commitments = type === "money" && committedMoney(text);
  const fields = [
    ...(qualifier && !commitments ? QUALIFIED[type][qualifier] : []),
    ...(change ? [change] : []),
  ];
  return (
    fields
      .map((field) => spec.columns.find((c) => c.field === field))
      .find((c) => c !== undefined && c.type === type) ?? null
  );
}

/** Words a prose value has at least: "Weekly calls with vendor", not "Mitigate". */
const PROSE_WORDS = 3;

/** The share of a column's text values that are sentences (1 when it holds no text). */
export function proseShare(grid: SheetGrid, headerRow: number, col: number): number {
  let texts = 0;
  let prose = 0;
  const end = Math.min(grid.rows.length, headerRow + 1 + SCAN_ROWS);
  for (let r = headerRow + 1; r < end; r++) {
    const v = cellAt(grid, r, col);
    if (typeof v !== "string" || isBlankCell(v)) continue;
    texts++;
    if (wordCount(v) >= PROSE_WORDS) prose++;
  }
  return texts === 0 ? 1 : prose / texts;
}

/** Excel serials of 1 Jan 1970 and 31 Dec 2120: a whole day between them may be a date. */
export const DATE_SERIALS = { min: 25569, max: 80721 } as const;
/** Values a look at a column judges it by. */
const SAMPLE_VALUES = 50;
/**
 * Rows below the header any look at a column's values visits at most: a sparse column of a
 * 100,000-row sheet is judged by its first rows, not scanned to the end for each header cell.
 */
const SCAN_ROWS = 200;

/**
 * Whether a column's numbers are dates: formatted as dates where the sheet says how cells are
 * formatted (a budget of 45,000 is not 15 Mar 2023), else days in the range of this era's dates
 * (a time of day is kept: 45700.5 is a date). Text is judged by its fit.
 */
function holdsDates(grid: SheetGrid, headerRow: number, col: number): boolean {
  let seen = 0;
  const end = Math.min(grid.rows.length, headerRow + 1 + SCAN_ROWS);
  for (let r = headerRow + 1; r < end && seen < SAMPLE_VALUES; r++) {
    const v = cellAt(grid, r, col);
    if (typeof v !== "number") continue;
    seen++;
    const format = formatAt(grid, r, col);
    if (format !== null && !isDateFormat(format)) return false;
    const day = Math.floor(v);
    if (day < DATE_SERIALS.min || day > DATE_SERIALS.max) return false;
  }
  return true;
}

/** Share of a column's values that must be ratings for it to be read as the RAG. */
const RAG_VALUES_FIT = 0.9;
/** Share of a column's values that must be the referenced register's keys. */
const REFERENCE_VALUES_FIT = 0.8;
/** Below this share of keys, a column a header names as a reference gives way to one that holds them. */
const NAMED_REFERENCE_FIT = 0.2;

export function claimByValues(
  spec: RegisterSpec,
  cells: readonly HeaderCell[],
  columns: Map<string, HeaderCell>,
  unknown: HeaderCell[],
  fit: ValueFit | undefined,
): void {
  if (!fit) return;
  for (const col of spec.columns) {
    if (col.type !== "rag" || columns.has(col.field)) continue;
    // Counted over every column: a "Cost" RAG read as a cost (and refused) still makes two.
    const fitting = cells.filter((cell) => ragValued(fit, cell, col));
    if (fitting.length !== 1 || !unknown.includes(fitting[0])) continue;
    columns.set(col.field, fitting[0]);
    unknown.splice(unknown.indexOf(fitting[0]), 1);
  }
}

function ragValued(fit: ValueFit, cell: HeaderCell, col: ColumnSpec): boolean {
  return (fit(cell.col, col) ?? 0) >= RAG_VALUES_FIT;
}

/**
 * Reference columns (Project ID, From/To Project) found by their values. `referenceFit` gives
 * the share of a column's values that are keys of the register the field references (null: no
 * such register, or no values). A dependency's first project-valued column is the project that
 * needs it (From), the next the one that provides it (To), unless a header already named one.
 * A header that names the field but holds no keys ("Project" with the project's name beside
 * "CIP #" with its ID) gives way to the column that holds them; it is returned as passed over.
 */
export function claimReferences(
  spec: RegisterSpec,
  cells: readonly HeaderCell[],
  columns: Map<string, HeaderCell>,
  used: Set<number>,
  unknown: HeaderCell[],
  referenceFit: ValueFit | undefined,
): { cell: HeaderCell; spec: ColumnSpec; chosen: HeaderCell }[] {
  const passedOver: { cell: HeaderCell; spec: ColumnSpec; chosen: HeaderCell }[] = [];
  if (!referenceFit) return passedOver;
  const taken = new Set([...columns.values()].map((h) => h.col));
  for (const col of spec.columns) {
    if (!col.references) continue;
    const named = columns.get(col.field);
    if (named && (referenceFit(named.col, col) ?? 1) >= NAMED_REFERENCE_FIT) continue;
    const fitting = cells.filter(
      (cell) => !taken.has(cell.col) && (referenceFit(cell.col, col) ?? 0) >= REFERENCE_VALUES_FIT,
    );
    const open = spec.columns.filter((c) => c.references === col.references && !columns.has(c.field));
    // Two fields to fill from two columns: each in turn takes the first; otherwise only one candidate will do.
    if (fitting.length === 0 || (fitting.length > 1 && fitting.length !== open.length)) continue;
    const chosen = fitting[0];
    if (named) {
      passedOver.push({ cell: named, spec: col, chosen });
      taken.delete(named.col);
      used.delete(named.col);
    }
    columns.set(col.field, chosen);
    taken.add(chosen.col);
    used.add(chosen.col);
    const at = unknown.indexOf(chosen);
    if (at >= 0) unknown.splice(at, 1);
  }
  return passedOver;
}

/**
 * A log's key that holds another register's keys ("Launch ID" of the projects' IDs, in a change
 * log) gives way to a column of codes headed only by the entries' own name ("CR" of CR-01,
 * CR-02): that column is the key, and the other is left for the reference to claim.
 */
export function keyBeforeReference(
  spec: RegisterSpec,
  grid: SheetGrid,
  headerRow: number,
  cells: readonly HeaderCell[],
  columns: Map<string, HeaderCell>,
  used: Set<number>,
  referenceFit: ValueFit | undefined,
): void {
  const key = spec.key ? columns.get(spec.key) : undefined;
  if (!spec.key || !key || !referenceFit) return;
  const reference = spec.columns.find(
    (c) => c.references && !columns.has(c.field) && (referenceFit(key.col, c) ?? 0) >= REFERENCE_VALUES_FIT,
  );
  if (!reference) return;
  const taken = new Set([...columns.values()].map((h) => h.col));
  const own = cells.filter(
    (cell) =>
      !taken.has(cell.col) &&
      nameMentions(cell.text, spec.sheet) &&
      // The entries' name, an ID word and other short codes ("VO / EOT No.").
      headerWords(cell.text).every((w) => nameMentions(w, spec.sheet) || namesAnId(w) || w.length <= 3) &&
      holdsCodes(grid, headerRow, cell.col),
  );
  if (own.length !== 1) return;
  columns.set(spec.key, own[0]);
  used.delete(key.col);
  used.add(own[0].col);
}

/**
 * A second likelihood or impact header whose values are products, beyond any rating's levels
 * (monday.com's "Severity" of 16, 12, 10 beside "Impact" of 4 (Major)), is the score.
 */
export function takeScoreFromRatings(
  spec: RegisterSpec,
  grid: SheetGrid,
  headerRow: number,
  columns: Map<string, HeaderCell>,
  used: Set<number>,
  duplicates: { cell: HeaderCell; spec: ColumnSpec }[],
): void {
  const score = spec.columns.find((c) => c.field === "score");
  if (!score || columns.has(score.field)) return;
  const at = duplicates.findIndex(
    (d) =>
      (d.spec.field === "probability" || d.spec.field === "impact") &&
      !used.has(d.cell.col) &&
      d.spec.max !== undefined &&
      !saysAUnit(d.cell.text) &&
      holdsProducts(grid, headerRow, d.cell.col, d.spec.max, score.max ?? Infinity),
  );
  if (at < 0) return;
  columns.set(score.field, duplicates[at].cell);
  used.add(duplicates[at].cell.col);
  duplicates.splice(at, 1);
}

/** Whether a header says what its numbers count: money, a share or time ("Impact (days)", "Cost Impact (£k)"). */
function saysAUnit(text: string): boolean {
  const hint = headerHint(text);
  return (
    hint.unit !== undefined ||
    hint.currency !== undefined ||
    saysPercent(text) ||
    /\b(?:days?|weeks?|months?|hours?|hrs|costs?)\b|[£€$]/i.test(text)
  );
}

/** Whether a column holds only whole numbers up to `max`, some beyond a rating's highest level. */
function holdsProducts(grid: SheetGrid, headerRow: number, col: number, level: number, max: number): boolean {
  let beyond = false;
  let values = 0;
  const end = Math.min(grid.rows.length, headerRow + 1 + SCAN_ROWS);
  for (let r = headerRow + 1; r < end && values < SAMPLE_VALUES; r++) {
    const v = cellAt(grid, r, col);
    if (isBlankCell(v)) continue;
    // Products of whole ratings are whole.
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > max) return false;
    values++;
    if (v > level) beyond = true;
  }
  return values >= 2 && beyond;
}

/** Whether most of the first values below a header are numbers (dates and amounts are). */
export function holdsNumbers(grid: SheetGrid, headerRow: number, col: number): boolean {
  let values = 0;
  let numbers = 0;
  const end = Math.min(grid.rows.length, headerRow + 1 + SCAN_ROWS);
  for (let r = headerRow + 1; r < end && values < SAMPLE_VALUES; r++) {
    const v = cellAt(grid, r, col);
    if (v === null || v === undefined || v === "") continue;
    values++;
    if (typeof v === "number") numbers++;
  }
  return values > 0 && numbers * 2 > values;
}

const heldCache = new WeakMap<SheetGrid, Map<string, "date" | "number" | null>>();
/**
 * What a column's numbers are, when most of its values are numbers: dates or amounts. Null for a
 * column of text (text dates are judged when read). Once per sheet, header row and column:
 * placement asks for every register.
 */
function numbersHeld(grid: SheetGrid, headerRow: number, col: number): "date" | "number" | null {
  let byCell = heldCache.get(grid);
  if (!byCell) heldCache.set(grid, (byCell = new Map()));
  const key = `${headerRow}:${col}`;
  let held = byCell.get(key);
  if (held === undefined) {
    held = !holdsNumbers(grid, headerRow, col) ? null : holdsDates(grid, headerRow, col) ? "date" : "number";
    byCell.set(key, held);
  }
  return held;
}

/** The kind of numbers a column of this type holds (its figures: dates, amounts); null for the others. */
export function figureKind(type: string): "date" | "number" | null {
  if (type === "date") return "date";
  return type === "money" || type === "number" || type === "integer" || type === "percent" ? "number" : null;
}

/**
 * Whether a column's first values say it is not `spec`, as far as placement can tell without
 * reading it: dates under a cost, amounts under a date, or, for a closed list that is not a
 * scale, words none of which is on the list (Defect / Bug under a risk's Threat / Opportunity).
 */
export function valuesMisfit(grid: SheetGrid, headerRow: number, col: number, spec: ColumnSpec): boolean {
  const held = numbersHeld(grid, headerRow, col);
  const kind = figureKind(spec.type);
  if (held && kind && held !== kind) return true;
  if (held || spec.type !== "enum" || spec.openValues || spec.ranked || !spec.values) return false;
  const listed = new Set(spec.values.flatMap((v) => [v.value, ...v.aliases]).map(matchKey));
  const texts = new Set<string>();
  const end = Math.min(grid.rows.length, headerRow + 1 + SCAN_ROWS);
  for (let r = headerRow + 1; r < end; r++) {
    const v = cellAt(grid, r, col);
    if (typeof v === "string" && v.trim() !== "") texts.add(matchKey(v));
  }
  // A plural of a listed value is that value, as reading takes it ("Risks").
  const onList = (t: string) => {
    const singular = singularKey(t);
    return listed.has(t) || (singular !== null && listed.has(singular));
  };
  return texts.size > 0 && ![...texts].some(onList);
}

/** Share of a sampled column's rows that must hold a value, and of those that must be distinct, for it to name the entries. */
const NAME_FILLED = 0.8;
const NAME_DISTINCT = 0.9;
/** Fewer values than this say nothing of a column. */
const NAME_MIN_VALUES = 3;
/** Header words of columns that hold something said about the entry, never its name. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  ...[
    "comment",
    "comments",
    "note",
    "notes",
    "remark",
    "remarks",
    "explanation",
    "commentary",
    "update",
    "date",
  ],
  // Who a project is for, where it is, and who runs it: named, but not the project's name.
  ...[
    "client",
    "customer",
    "location",
    "address",
    "region",
    "country",
    "city",
    "contractor",
    "supplier",
    "vendor",
  ],
  ...["owner", "lead", "manager", "sponsor", "contact", "person", "architect", "engineer", "attorney"],
]);
/** More words than this on average is prose, not a name. */
const NAME_MAX_WORDS = 12;

/**
 * The register's entry name (a project's name, a milestone's) when no header names it: the
 * leftmost column no header claimed whose values are names, nearly every row's different and of
 * a few words ("Kuala Lumpur 412" under "Scheme"), not codes or a repeated category.
 */
export function claimEntryName(
  spec: RegisterSpec,
  grid: SheetGrid,
  headerRow: number,
  columns: Map<string, HeaderCell>,
  unknown: HeaderCell[],
  own: ReadonlySet<string>,
): void {
  const entryName = entryNameColumn(spec);
  // A log's title, required but not always written (a risk's, an issue's), is found only by a
  // header naming the register's own entries (below).
  const name =
    entryName ??
    spec.columns.find((c) => c.type === "text" && c.required && c.field !== spec.key && !c.references);
  if (!name || columns.has(name.field)) return;
  // Names come before the figures: only columns left of the first date or amount are looked at.
  const figures = spec.columns
    .filter((c) => figureKind(c.type) !== null && columns.has(c.field))
    .map((c) => columns.get(c.field)!.col);
  const before = Math.min(Infinity, ...figures);
  const left = [...unknown].sort((a, b) => a.col - b.col);
  const cell =
    left.find(
      (h) =>
        entryName !== undefined &&
        h.col < before &&
        !namesAnotherEntry(h.text, own) &&
        !headerWords(h.text).some((w) => NOT_NAMES.has(w)) &&
        holdsNames(grid, headerRow, h.col),
    ) ??
    // Or, anywhere, a header naming the register's own entries whose values are each one's own
    // words, however long ("Principal Risk", "Risk Scenarios", "Issue/Challenge").
    left.find(
      (h) => nameMentions(h.text, spec.sheet) && holdsNames(grid, headerRow, h.col, NAME_DISTINCT, Infinity),
    );
  if (!cell) return;
  columns.set(name.field, cell);
  unknown.splice(unknown.indexOf(cell), 1);
}

/**
 * A register's key read from a running serial number ("S/No" of 1, 2, 3) gives way to the one
 * other key column holding the entries' own codes ("VO No." of VO-001): the codes are what the
 * entries are known by, the serial only their row.
 */
export function codesBeforeSerial(
  spec: RegisterSpec,
  grid: SheetGrid,
  headerRow: number,
  columns: Map<string, HeaderCell>,
  duplicates: { cell: HeaderCell; spec: ColumnSpec; first: HeaderCell }[],
): void {
  const keyed = spec.key ? columns.get(spec.key) : undefined;
  if (!keyed || !holdsSerial(grid, headerRow, keyed.col)) return;
  const coded = duplicates.filter(
    (d) =>
      d.spec.field === spec.key &&
      holdsCodes(grid, headerRow, d.cell.col) &&
      holdsLetters(grid, headerRow, d.cell.col),
  );
  if (coded.length !== 1) return;
  columns.set(coded[0].spec.field, coded[0].cell);
  duplicates.splice(duplicates.indexOf(coded[0]), 1, {
    cell: keyed,
    spec: coded[0].spec,
    first: coded[0].cell,
  });
}

/** Whether a column counts its rows: whole numbers, each one more than the last. */
function holdsSerial(grid: SheetGrid, headerRow: number, col: number): boolean {
  let last: number | null = null;
  const end = Math.min(grid.rows.length, headerRow + 1 + SCAN_ROWS);
  for (let r = headerRow + 1; r < end; r++) {
    const v = cellAt(grid, r, col);
    if (isBlankCell(v)) continue;
    if (typeof v !== "number" || (last === null ? v !== 1 : v !== last + 1)) return false;
    last = v;
  }
  return last !== null && last >= NAME_MIN_VALUES;
}

/** Whether every value of a column has a letter in it ("VO-001", not "001"). */
function holdsLetters(grid: SheetGrid, headerRow: number, col: number): boolean {
  const end = Math.min(grid.rows.length, headerRow + 1 + SCAN_ROWS);
  for (let r = headerRow + 1; r < end; r++) {
    const v = cellAt(grid, r, col);
    if (!isBlankCell(v) && !/[A-Za-z]/.test(displayCell(v))) return false;
  }
  return true;
}

/**
 * What the values say of a register's entry columns, before its entry name is looked for: a
 * "Project" column of codes ("P24-0031") is the key when no header names one, and its name is
 * then found among the other columns; and after: a "Program" or "Workstream" column whose every
 * row is different, with no name found, names the entries themselves (a list of programmes).
 */
export function keyByValues(
  spec: RegisterSpec,
  grid: SheetGrid,
  headerRow: number,
  columns: Map<string, HeaderCell>,
  duplicates: { cell: HeaderCell; spec: ColumnSpec }[],
): void {
  const key = spec.key;
  if (!key || columns.has(key)) return;
  // A second title column of codes beside the title ("Name" of R-0001231 beside "Title", as
  // 3DEXPERIENCE exports): the entries' codes are their key.
  const title = spec.columns.find((c) => c.type === "text" && c.required && c.field !== key && !c.references);
  const titled = title ? columns.get(title.field) : undefined;
  const coded = duplicates.findIndex(
    (d) => d.spec.field === title?.field && holdsCodes(grid, headerRow, d.cell.col),
  );
  if (titled && coded >= 0 && !holdsCodes(grid, headerRow, titled.col)) {
    columns.set(key, duplicates[coded].cell);
    duplicates.splice(coded, 1);
    return;
  }
  const name = entryNameColumn(spec);
  const named = name ? columns.get(name.field) : undefined;
  if (!name || !named || !holdsCodes(grid, headerRow, named.col)) return;
  // Only a header that does not say it holds names ("Project", not "Project Name").
  if (headerWords(named.text).some((w) => NAME_WORDS.has(w))) return;
  columns.set(key, named);
  columns.delete(name.field);
  // A second header for the name ("Description" beside "Project") is the name after all.
  const second = duplicates.findIndex((d) => d.spec.field === name.field);
  if (second >= 0 && holdsNames(grid, headerRow, duplicates[second].cell.col)) {
    columns.set(name.field, duplicates[second].cell);
    duplicates.splice(second, 1);
  }
}

const NAME_WORDS: ReadonlySet<string> = new Set(["name", "title", "description", "names", "titles"]);

/** Columns that group entries (a project's programme), which a list of the groups names them by. */
const GROUPING_FIELDS = ["programme", "portfolio"];

export function nameByGrouping(
  spec: RegisterSpec,
  grid: SheetGrid,
  headerRow: number,
  columns: Map<string, HeaderCell>,
): void {
  const name = entryNameColumn(spec);
  if (!name || columns.has(name.field)) return;
  // A list of programmes: not one whose key says its rows are projects ("Project ID").
  const key = spec.key ? columns.get(spec.key) : undefined;
  if (key && headerWords(key.text).some((w) => w.startsWith("proj"))) return;
  for (const field of GROUPING_FIELDS) {
    const cell = columns.get(field);
    if (!cell || !holdsNames(grid, headerRow, cell.col, 1)) continue;
    columns.set(name.field, cell);
    columns.delete(field);
    return;
  }
}

/** Whether a column holds codes: every value there, different, one short word with a digit. */
function holdsCodes(grid: SheetGrid, headerRow: number, col: number): boolean {
  const texts: string[] = [];
  const end = Math.min(grid.rows.length, headerRow + 1 + SCAN_ROWS);
  for (let r = headerRow + 1; r < end && texts.length < SAMPLE_VALUES; r++) {
    if ((grid.rows[r] ?? []).every(isBlankCell)) continue;
    const v = cellAt(grid, r, col);
    if (isBlankCell(v)) return false;
    texts.push(displayCell(v).trim());
  }
  return (
    texts.length >= NAME_MIN_VALUES &&
    new Set(texts).size === texts.length &&
    texts.every((t) => t.length <= 20 && /\d/.test(t) && !/\s/.test(t))
  );
}

function holdsNames(
  grid: SheetGrid,
  headerRow: number,
  col: number,
  distinct = NAME_DISTINCT,
  maxWords = NAME_MAX_WORDS,
): boolean {
  let rows = 0;
  const texts: string[] = [];
  const end = Math.min(grid.rows.length, headerRow + 1 + SCAN_ROWS);
  for (let r = headerRow + 1; r < end && rows < SAMPLE_VALUES; r++) {
    if ((grid.rows[r] ?? []).every(isBlankCell)) continue;
    rows++;
    const v = cellAt(grid, r, col);
    if (isBlankCell(v)) continue;
    if (typeof v !== "string") return false;
    texts.push(v.trim());
  }
  if (texts.length < NAME_MIN_VALUES || texts.length < rows * NAME_FILLED) return false;
  if (new Set(texts.map((t) => t.toLowerCase())).size < texts.length * distinct) return false;
  const words = texts.map((t) => t.split(/\s+/).length);
  const spaced = words.filter((n) => n > 1).length;
  return spaced * 2 >= texts.length && words.reduce((a, b) => a + b, 0) / texts.length <= maxWords;
}
