/**
 * Recognition measured: each evaluation workbook through the engine with the built-in
 * standard and no configuration. A register sheet is found when every register it is was read
 * from it; a column is recognised when the field an analyst would map it to was read from it;
 * its values are read when none of its cells got a type, value or range finding.
 */
import { validateWorkbook } from "../../src/core/validate/validate-workbook";
import { defaultStandard } from "../../src/core/standard/load";
import type { WorkbookGrids } from "../../src/core/grid";
import type { RegisterTable } from "../../src/core/register/register-table";
import { isBlankCell } from "../../src/core/grid";
import { cleanText } from "../../src/core/register/normalize";
import type { EvalCase } from "./cases";

const CELL_CODES = new Set(["type-error", "enum-error", "range-error", "pattern-error", "formula-error"]);

export interface ColumnResult {
  readonly file: string;
  readonly sheet: string;
  readonly register: string;
  readonly header: string;
  readonly field: string;
  /** The field read from another column, or from none. */
  readonly got: string | null;
  readonly recognised: boolean;
  readonly values: number;
  readonly unread: number;
}

export interface SheetResult {
  readonly file: string;
  readonly sheet: string;
  readonly expected: readonly string[] | null;
  readonly found: readonly string[];
  readonly ok: boolean;
}

export interface Measurement {
  readonly sheets: SheetResult[];
  readonly columns: ColumnResult[];
}

/** What a register read from one sheet: its own, or a further sheet it continues on. */
function sheetView(table: RegisterTable | undefined, name: string) {
  if (!table) return undefined;
  if (table.sheet === name)
    return { columns: table.columns, originCol: table.originCol, rows: table.rows.filter((r) => !r.part) };
  const part = table.parts?.find((p) => p.sheet === name);
  return part
    ? { columns: part.columns, originCol: part.originCol, rows: table.rows.filter((r) => r.part === part) }
    : undefined;
}

export function measure(grids: WorkbookGrids, c: EvalCase, asOf: number): Measurement {
  const v = validateWorkbook(grids, defaultStandard(), asOf, { fileName: c.file });
  const sheets: SheetResult[] = [];
  const columns: ColumnResult[] = [];
  for (const evalSheet of c.sheets) {
    // A CSV has no sheet name: its one sheet is named as the CLI names it.
    const s = /\.csv$/i.test(c.file) ? { ...evalSheet, name: grids.sheets[0].name } : evalSheet;
    const found = Object.entries(v.registers)
      .filter(([kind, t]) => sheetView(t, s.name)?.rows.some((r) => r.cells.length > 0) && kind)
      .map(([kind]) => kind)
      .sort();
    const expected = s.registers ? [...s.registers].sort() : null;
    const ok = expected === null ? found.length === 0 : JSON.stringify(found) === JSON.stringify(expected);
    sheets.push({ file: c.file, sheet: s.name, expected, found, ok });
    for (const [register, map] of Object.entries(s.fields ?? {})) {
      const readFrom = sheetView(v.registers[register], s.name);
      for (const [header, field] of Object.entries(map)) {
        const col = readFrom?.columns.get(field);
        // By position: a two-row header's column is read under its combined text ("Baseline Finish").
        const at = s.header.findIndex((h) => cleanText(h) === cleanText(header));
        const recognised = col !== undefined && col.col === at;
        let values = 0;
        let unread = 0;
        if (readFrom && col && recognised) {
          const rows = new Set(readFrom.rows.map((r) => r.row + 1));
          for (const row of readFrom.rows)
            if (!isBlankCell(row.cells[col.col - readFrom.originCol] ?? null)) values++;
          unread = v.findings.filter(
            (f) =>
              f.sheet === s.name &&
              f.column === col.header &&
              f.row !== null &&
              rows.has(f.row) &&
              CELL_CODES.has(f.code),
          ).length;
        }
        const got = readFrom
          ? ([...readFrom.columns.values()].find((x) => x.col === at)?.spec.field ?? null)
          : null;
        columns.push({
          file: c.file,
          sheet: s.name,
          register,
          header,
          field,
          got,
          recognised,
          values,
          unread,
        });
      }
    }
  }
  return { sheets, columns };
}

export interface Summary {
  readonly sheets: number;
  readonly sheetsFound: number;
  readonly columns: number;
  readonly recognised: number;
  /** Recognised with every value read. */
  readonly recognisedAndRead: number;
  readonly values: number;
  readonly valuesRead: number;
}

export function summarise(ms: readonly Measurement[]): Summary {
  const sheets = ms.flatMap((m) => m.sheets);
  const columns = ms.flatMap((m) => m.columns);
  const recognised = columns.filter((c) => c.recognised);
  return {
    sheets: sheets.length,
    sheetsFound: sheets.filter((s) => s.ok).length,
    columns: columns.length,
    recognised: recognised.length,
    recognisedAndRead: recognised.filter((c) => c.unread === 0).length,
    values: recognised.reduce((n, c) => n + c.values, 0),
    valuesRead: recognised.reduce((n, c) => n + c.values - c.unread, 0),
  };
}
