/**
 * Header rows: found among the first rows (title blocks sit above them), and their cells
 * matched to the standard's columns by normalised header text and synonyms.
 */
import { cellAt, displayCell, isBlankCell, type SheetGrid } from "../grid";
import type { ColumnSpec, RegisterSpec } from "../standard/schema";
import { matchKey } from "./normalize";

/** matchKey(header or synonym) -> column; headers win over another column's synonym. */
export function headerIndex(spec: RegisterSpec): Map<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>();
  for (const col of spec.columns) index.set(matchKey(col.header), col);
  for (const col of spec.columns) {
    for (const syn of col.synonyms) {
      const key = matchKey(syn);
      if (key !== "" && !index.has(key)) index.set(key, col);
    }
  }
  return index;
}

function rowWidth(grid: SheetGrid, row: number): number {
  return grid.rows[row]?.length ?? 0;
}

/**
 * The 0-based row that best looks like the header: the most distinct columns recognised,
 * at least two (or one for a single-column register). Null when no row qualifies.
 */
export function detectHeaderRow(grid: SheetGrid, spec: RegisterSpec, searchRows: number): number | null {
  const index = headerIndex(spec);
  const needed = Math.min(2, spec.columns.length);
  let best: number | null = null;
  let bestScore = 0;
  const limit = Math.min(searchRows, grid.rows.length);
  for (let r = 0; r < limit; r++) {
    const matched = new Set<string>();
    const width = rowWidth(grid, r);
    for (let c = 0; c < width; c++) {
      const v = cellAt(grid, r, c);
      if (typeof v !== "string") continue;
      const col = index.get(matchKey(v));
      if (col) matched.add(col.field);
    }
    if (matched.size >= needed && matched.size > bestScore) {
      best = r;
      bestScore = matched.size;
    }
  }
  return best;
}

export interface HeaderCell {
  readonly col: number;
  readonly text: string;
}

export interface HeaderMatch {
  /** field -> the sheet column that holds it (the first, when a header is duplicated). */
  readonly columns: Map<string, HeaderCell>;
  readonly duplicates: { cell: HeaderCell; spec: ColumnSpec; first: HeaderCell }[];
  readonly unknown: HeaderCell[];
  /** Header cells left blank (whether their column holds data is for the caller to see). */
  readonly blanks: number[];
}

export function matchHeaders(grid: SheetGrid, headerRow: number, spec: RegisterSpec): HeaderMatch {
  const index = headerIndex(spec);
  const columns = new Map<string, HeaderCell>();
  const duplicates: HeaderMatch["duplicates"] = [];
  const unknown: HeaderCell[] = [];
  const blanks: number[] = [];
  const width = rowWidth(grid, headerRow);
  for (let c = 0; c < width; c++) {
    const v = cellAt(grid, headerRow, c);
    if (isBlankCell(v)) {
      blanks.push(c);
      continue;
    }
    const text = displayCell(v).trim();
    const cell = { col: c, text };
    const col = index.get(matchKey(text));
    if (!col) {
      unknown.push(cell);
      continue;
    }
    const first = columns.get(col.field);
    if (first) duplicates.push({ cell, spec: col, first });
    else columns.set(col.field, cell);
  }
  return { columns, duplicates, unknown, blanks };
}
