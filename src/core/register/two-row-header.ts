/**
 * Two-row headers: a group row over the columns it spans ("Baseline" over "Start | Finish",
 * "Budget (£k)" over "Approved | Actual | Forecast") and cells merged down both rows ("Project
 * ID"). Merged cells keep their text in their first cell, so a group runs right from its cell
 * while the row below has sub-headers. Read as one row of combined headers ("Baseline Finish",
 * "Budget (£k) Actual") at the lower row, when that names more of the register's columns than
 * the row found alone; so a title above a header, or a first data row of text, is never taken
 * for one.
 */
import { cellAt, displayCell, isBlankCell, type CellValue, type SheetGrid } from "../grid";
import type { RegisterSpec } from "../standard/schema";
import { conceptColumn } from "./concept-words";
import { headerIndex, lookupHeader, registerWords, scoreHeaderRows } from "./header";
import { MAX_HEADER_LENGTH } from "./header-hints";

export interface HeaderRows {
  readonly grid: SheetGrid;
  /** The row the data sits under (the lower row of a two-row header). */
  readonly headerRow: number;
}

const textAt = (grid: SheetGrid, row: number, col: number): string | null => {
  const v = cellAt(grid, row, col);
  return typeof v === "string" && !isBlankCell(v) ? displayCell(v).trim() : null;
};

/** The two rows' headers as one row, or null when the lower row has no sub-headers under a group. */
function combine(
  grid: SheetGrid,
  top: number,
  nameOf: (text: string) => string | null,
  isFigure: (field: string) => boolean,
): CellValue[] | null {
  const width = Math.max(grid.rows[top]?.length ?? 0, grid.rows[top + 1]?.length ?? 0);
  const out: CellValue[] = [];
  let group: string | null = null;
  let grouped = 0;
  for (let c = 0; c < width; c++) {
    const upper = textAt(grid, top, c);
    const lower = textAt(grid, top + 1, c);
    const lowerCell = cellAt(grid, top + 1, c);
    if (!isBlankCell(lowerCell) && lower === null) return null; // a number or date: a data row
    if (lower !== null && lower.length > MAX_HEADER_LENGTH) return null; // a text too long to be a header
    if (upper !== null) group = lower !== null ? upper : null;
    else if (lower === null) group = null;
    if (lower !== null && group !== null) {
      // "Baseline" over "Finish" is "Baseline Finish"; "Budget" over "Approved", "Approved Budget";
      // a sub-header that names a column alone, where the group adds nothing it knows, stays itself
      // (a group runs right until the next one, so it may reach further than its merge).
      // Nor does a group whose own name is all the two say, over a figure the sub-header names
      // alone: "Current Estimate" over "Expended thru FY24" is no estimate, only a group running
      // on past the columns it heads ("Project Manager" over "Name" is the manager's name).
      const before = `${group} ${lower}`;
      const after = `${lower} ${group}`;
      const alone = nameOf(lower);
      const own = alone !== null && isFigure(alone) ? nameOf(group) : null;
      const says = (text: string) => {
        const field = nameOf(text);
        return field !== null && (text === lower || field === alone || field !== own);
      };
      out.push([before, after, lower].find(says) ?? before);
      grouped++;
    } else out.push(lower ?? upper);
  }
  return grouped >= 2 ? out : null;
}

export function twoRowHeader(grid: SheetGrid, headerRow: number, spec: RegisterSpec): HeaderRows {
  const named = (g: SheetGrid, row: number) =>
    scoreHeaderRows({ name: g.name, rows: [g.rows[row] ?? []] }, spec, 1)[0]?.fields.size ?? 0;
  const index = headerIndex(spec);
  const own = registerWords(spec);
  const isFigure = (field: string) => {
    const type = spec.columns.find((c) => c.field === field)?.type;
    return type === "money" || type === "date" || type === "number" || type === "percent";
  };
  const nameOf = (text: string) =>
    lookupHeader(index, text, own)?.cols[0]?.field ?? conceptColumn(spec, text, own)?.field ?? null;
  let best: HeaderRows = { grid, headerRow };
  let bestNamed = named(grid, headerRow);
  for (const top of [headerRow - 1, headerRow]) {
    if (top < 0 || top + 1 >= grid.rows.length) continue;
    const row = combine(grid, top, nameOf, isFigure);
    if (!row) continue;
    const rows = [...grid.rows];
    rows[top + 1] = row;
    const candidate = { grid: { ...grid, rows }, headerRow: top + 1 };
    const n = named(candidate.grid, top + 1);
    if (n > bestNamed) [best, bestNamed] = [candidate, n];
  }
  return best;
}
