/**
 * The standard PMO Rollup would use for a workbook, made explicit (like `frictionless
 * describe`): where each register was found, which header each column was read from and how
 * surely, the scale, unit and currency read off headers and values, and a sample of values.
 * The inferred standard is the standard in force with those findings written in, so saving it
 * in the workbook's PMO Standard sheet pins what was recognised.
 */
import { columnLetter } from "./a1";
import { isoFromDay, type DayNumber } from "./dates";
import { displayCell, isBlankCell, type WorkbookGrids } from "./grid";
import { headerIndex, lookupHeader, QUALITY, registerWords } from "./register/header";
import { matchKey } from "./register/normalize";
import type { RegisterColumn, RegisterTable } from "./register/register-table";
import type { ColumnSpec, RegisterSpec, Standard } from "./standard/schema";
import type { Finding } from "./validate/finding";
import { validateWorkbook } from "./validate/validate-workbook";

export interface InferredColumn {
  readonly field: string;
  /** The header as the sheet has it, and where. */
  readonly header: string;
  readonly column: string;
  readonly type: ColumnSpec["type"];
  /** 0..1: how surely the header names the column, times the share of its values that read. */
  readonly confidence: number;
  readonly scale?: string;
  readonly unit?: number;
  readonly currency?: string;
  /** The first few values as the sheet shows them. */
  readonly sample: readonly string[];
}

export interface InferredRegister {
  readonly register: string;
  readonly sheet: string;
  /** 1-based header row. */
  readonly headerRow: number;
  readonly rows: number;
  /** 0..1: the share of the register's required and recommended columns found. */
  readonly confidence: number;
  readonly columns: readonly InferredColumn[];
  /** The standard's columns not found (required and recommended ones first). */
  readonly missing: readonly { field: string; header: string; presence: ColumnSpec["presence"] }[];
  /** Headers of the sheet no column of the register takes. */
  readonly unmatched: readonly string[];
}

export interface Inference {
  readonly standard: Standard;
  readonly registers: readonly InferredRegister[];
  /** The notes reading made on the way: sheets guessed, columns chosen, one-project logs. */
  readonly notes: readonly Finding[];
}

const SAMPLE = 5;
const IMPLIED_FIELDS = ["projectId", "fromProject"];
const NOTE_CODES = new Set([
  "register-guessed",
  "ambiguous-register",
  "register-continued",
  "ambiguous-column",
  "misfit-column",
  "implied-project",
  "unrouted-rows",
  "missing-register",
  "header-not-found",
]);

const QUALITY_CONFIDENCE: Record<number, number> = {
  [QUALITY.header]: 1,
  [QUALITY.synonym]: 0.95,
  [QUALITY.hinted]: 0.85,
  [QUALITY.derived]: 0.75,
};

function inferColumn(table: RegisterTable, column: RegisterColumn, errors: number): InferredColumn {
  const found = lookupHeader(headerIndex(table.spec), column.header, registerWords(table.spec));
  const naming = found ? (QUALITY_CONFIDENCE[found.quality] ?? 0.75) : 0.7;
  const offset = column.col - table.originCol;
  const sample: string[] = [];
  let values = 0;
  for (const row of table.rows) {
    const cell = row.cells[offset];
    if (isBlankCell(cell ?? null)) continue;
    values++;
    if (sample.length >= SAMPLE) continue;
    const typed = row.values[column.spec.field];
    sample.push(
      column.spec.type === "date" && typeof typed === "number" ? isoFromDay(typed) : displayCell(cell),
    );
  }
  const read = values === 0 ? 1 : Math.max(0, (values - errors) / values);
  const spec = column.spec;
  return {
    field: spec.field,
    header: column.header,
    column: columnLetter(column.col),
    type: spec.type,
    confidence: Math.round(naming * read * 100) / 100,
    ...(column.scale ? { scale: column.scale } : {}),
    ...(spec.unit !== undefined ? { unit: spec.unit } : {}),
    ...(spec.currency ? { currency: spec.currency } : {}),
    sample,
  };
}

/** The register's spec as this workbook has it: its sheet, its headers, scales and units. */
function pinnedSpec(spec: RegisterSpec, table: RegisterTable): RegisterSpec {
  const columns = spec.columns.map((col) => {
    const found = table.columns.get(col.field);
    if (!found) return col;
    const known = [col.header, ...col.synonyms].map(matchKey);
    const synonyms = known.includes(matchKey(found.header)) ? col.synonyms : [found.header, ...col.synonyms];
    return {
      ...col,
      synonyms,
      ...(found.scale ? { scales: [found.scale] } : {}),
      ...(found.spec.unit !== undefined ? { unit: found.spec.unit } : {}),
      ...(found.spec.currency ? { currency: found.spec.currency } : {}),
    };
  });
  const sheet = table.sheet.slice(0, 31);
  const synonyms = matchKey(sheet) === matchKey(spec.sheet) ? spec.synonyms : [spec.sheet, ...spec.synonyms];
  return { ...spec, sheet, synonyms, columns };
}

export function inferWorkbook(
  workbook: WorkbookGrids,
  standard: Standard,
  asOf: DayNumber,
  fileName?: string,
): Inference {
  const validation = validateWorkbook(workbook, standard, asOf, fileName ? { fileName } : {});
  const inferred = structuredClone(standard);
  const registers: InferredRegister[] = [];
  // A one-project log's registers take their project from the workbook, not from a column.
  const implied = validation.findings.some((f) => f.code === "implied-project");
  for (const [kind, table] of Object.entries(validation.registers)) {
    if (!table || table.rows.every((r) => r.cells.length === 0)) continue; // an implied Projects register
    const errorsAt = new Map<string, number>();
    for (const f of validation.findings)
      if (f.sheet === table.sheet && f.severity === "error" && f.column !== null && f.row !== null)
        errorsAt.set(f.column, (errorsAt.get(f.column) ?? 0) + 1);
    const columns = [...table.columns.values()].map((c) =>
      inferColumn(table, c, errorsAt.get(c.header) ?? 0),
    );
    const expected = table.spec.columns.filter((c) => c.presence !== "optional");
    const foundExpected = expected.filter((c) => table.columns.has(c.field)).length;
    const taken = new Set([...table.columns.values()].map((c) => c.col - table.originCol));
    registers.push({
      register: kind,
      sheet: table.sheet,
      headerRow: table.headerRow + 1,
      rows: table.rows.length,
      confidence: expected.length === 0 ? 1 : Math.round((foundExpected / expected.length) * 100) / 100,
      columns,
      missing: table.spec.columns
        .filter((c) => !table.columns.has(c.field) && !(implied && IMPLIED_FIELDS.includes(c.field)))
        .sort((a, b) => rank(a.presence) - rank(b.presence))
        .map((c) => ({ field: c.field, header: c.header, presence: c.presence })),
      unmatched: headerTexts(workbook, table)
        .filter((h) => !taken.has(h.col))
        .map((h) => h.text),
    });
    inferred.registers[kind] = pinnedSpec(table.spec, table);
  }
  inferred.description = `${standard.description ?? standard.name} Inferred from the workbook${fileName ? ` ${fileName}` : ""} by pmo-rollup infer.`;
  return { standard: inferred, registers, notes: validation.findings.filter((f) => NOTE_CODES.has(f.code)) };
}

function rank(presence: ColumnSpec["presence"]): number {
  return presence === "required" ? 0 : presence === "recommended" ? 1 : 2;
}

/** The non-blank header cells of a register's header row. */
function headerTexts(workbook: WorkbookGrids, table: RegisterTable): { col: number; text: string }[] {
  const grid = workbook.sheets.find((s) => s.name === table.sheet);
  if (!grid) return [];
  const origin = grid.origin ?? { row: 0, col: 0 };
  const row = grid.rows[table.headerRow - origin.row] ?? [];
  const out: { col: number; text: string }[] = [];
  row.forEach((v, c) => {
    if (!isBlankCell(v)) out.push({ col: c, text: displayCell(v).trim() });
  });
  return out;
}
