/**
 * The engine's input: grids of cell values exactly as a spreadsheet gives them.
 * Hosts (Excel through the Office JavaScript API, .xlsx files, CSV) translate into this shape and nothing else.
 */

/** An Excel error value such as #N/A or #REF!, told apart from text by its type. */
export interface ErrorCell {
  readonly kind: "error";
  readonly code: string;
}

/** A formula with no cached result (files written by scripts that never calculated). */
export interface UncalculatedCell {
  readonly kind: "uncalculated";
  readonly formula: string;
}

/** "" or null for empty; numbers include date serials (see `SheetGrid.formats`). */
export type CellValue = string | number | boolean | null | ErrorCell | UncalculatedCell;

export interface SheetGrid {
  /** The worksheet's name (or an Excel table's name, when the host reads tables). */
  readonly name: string;
  /** Rows of cells, starting at the sheet's first row and column (A1). Rows may be ragged. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Number formats where the host knows them, same shape as `rows`; absent means General. */
  readonly formats?: readonly (readonly (string | null | undefined)[] | undefined)[];
  /** 0-based offset of rows[0][0] in the sheet, when the host read a range not starting at A1. */
  readonly origin?: { readonly row: number; readonly col: number };
  readonly hidden?: boolean;
  /** Set by the host when PMO Rollup wrote this sheet: its role ("rollup", "projects", ...). */
  readonly ownedRole?: string;
}

export interface WorkbookGrids {
  readonly sheets: readonly SheetGrid[];
  /** True when the workbook uses the 1904 date system (old Mac workbooks). */
  readonly date1904: boolean;
  /** Workbook-level defined names and what they refer to, e.g. { "Status_Date": "Summary!$B$2" }. */
  readonly names?: Readonly<Record<string, string>>;
}

export const ERROR_CODES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;

export function errorCell(code: string): ErrorCell {
  return { kind: "error", code };
}

export function isErrorCell(value: CellValue): value is ErrorCell {
  return typeof value === "object" && value !== null && value.kind === "error";
}

export function isUncalculatedCell(value: CellValue): value is UncalculatedCell {
  return typeof value === "object" && value !== null && value.kind === "uncalculated";
}

/** Empty as a person sees it: nothing, or only spaces (including non-breaking ones). */
export function isBlankCell(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") {
    if (value.length === 0) return true;
    const c = value.charCodeAt(0);
    if (c > 32 && c !== 160 && c !== 0x200b && c !== 0xfeff && c !== 0x2007 && c !== 0x202f) return false; // starts with a visible character
    return value.replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]/g, "") === "";
  }
  return false;
}

/** The cell as the user would read it, for messages and the findings sheet. */
export function displayCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object")
    return value.kind === "error" ? value.code : `=${value.formula.replace(/^=/, "")}`;
  return String(value);
}

export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  const r = grid.rows[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function formatAt(grid: SheetGrid, row: number, col: number): string | null {
  const f = grid.formats?.[row]?.[col];
  return f ?? null;
}

/** A number format that shows a date: day, month or year codes outside quoted text and [colours]. */
export function isDateFormat(format: string): boolean {
  // Quoted text, [colours] and escapes, padding (_x) and fill (*x) characters show no date part.
  const codes = format.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  return /[dmy]/i.test(codes) && !/^[#0.,%\s]*$/.test(codes);
}

/** Whether most of a column's numbers, from a row on, are shown as dates (a date is no amount). */
export function showsDates(
  grid: SheetGrid,
  col: number,
  first: number,
  include?: (row: number) => boolean,
): boolean {
  let numbers = 0;
  let dated = 0;
  for (let r = first; r < grid.rows.length && numbers < DATE_FORMAT_SAMPLE; r++) {
    if (include && !include(r)) continue;
    if (typeof cellAt(grid, r, col) !== "number") continue;
    numbers++;
    const format = formatAt(grid, r, col);
    if (format !== null && isDateFormat(format)) dated++;
  }
  return numbers > 0 && dated * 2 > numbers;
}
const DATE_FORMAT_SAMPLE = 50;
