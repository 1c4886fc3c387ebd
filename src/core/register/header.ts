/**
 * Header rows: found among the first rows (title blocks sit above them), and their cells
 * matched to the standard's columns by normalised header text and synonyms.
 */
import { cellAt, displayCell, isBlankCell, type SheetGrid } from "../grid";
import type { ColumnSpec, RegisterSpec } from "../standard/schema";
import { matchKey } from "./normalize";

/**
 * matchKey(header or synonym) -> the columns it names; headers win over another column's synonym.
 * Several columns may name the same header (a project's name read as its ID too, in a register
 * without IDs); they may also take its second or later occurrence (`occurrence`).
 */
export function headerIndex(spec: RegisterSpec): Map<string, ColumnSpec[]> {
  const index = new Map<string, ColumnSpec[]>();
  const add = (key: string, col: ColumnSpec) => index.set(key, [...(index.get(key) ?? []), col]);
  for (const col of spec.columns) add(matchKey(col.header), col);
  for (const col of spec.columns) {
    for (const syn of col.synonyms) {
      const key = matchKey(syn);
      if (key !== "" && !index.has(key)) add(key, col);
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
      for (const col of index.get(matchKey(v)) ?? []) matched.add(col.field);
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
  /** field -> columns read, in order, when its own cell is blank (the standard's `fallback`). */
  readonly fallbacks: Map<string, HeaderCell[]>;
  readonly duplicates: { cell: HeaderCell; spec: ColumnSpec; first: HeaderCell }[];
  readonly unknown: HeaderCell[];
  /** Header cells left blank (whether their column holds data is for the caller to see). */
  readonly blanks: number[];
}

/** Every column the standard says a header (and its nth occurrence) holds, as primary or fallback. */
function usesOf(
  spec: RegisterSpec,
): Map<string, { col: ColumnSpec; occurrence: number; fallback: boolean }[]> {
  const uses = new Map<string, { col: ColumnSpec; occurrence: number; fallback: boolean }[]>();
  const add = (header: string, col: ColumnSpec, occurrence: number, fallback: boolean) => {
    const key = matchKey(header);
    const list = uses.get(key) ?? [];
    list.push({ col, occurrence, fallback });
    uses.set(key, list);
  };
  for (const col of spec.columns)
    for (const f of col.fallback ?? []) add(f.header, col, f.occurrence ?? 1, true);
  return uses;
}

export function matchHeaders(grid: SheetGrid, headerRow: number, spec: RegisterSpec): HeaderMatch {
  const index = headerIndex(spec);
  const fallbackUses = usesOf(spec);
  const columns = new Map<string, HeaderCell>();
  const fallbacks = new Map<string, HeaderCell[]>();
  const duplicates: HeaderMatch["duplicates"] = [];
  const unknown: HeaderCell[] = [];
  const blanks: number[] = [];
  const seen = new Map<string, number>();
  const width = rowWidth(grid, headerRow);
  for (let c = 0; c < width; c++) {
    const v = cellAt(grid, headerRow, c);
    if (isBlankCell(v)) {
      blanks.push(c);
      continue;
    }
    const text = displayCell(v).trim();
    const cell = { col: c, text };
    const key = matchKey(text);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    let used = false;
    let duplicateOf: ColumnSpec | null = null;
    for (const col of index.get(key) ?? []) {
      if ((col.occurrence ?? 1) !== occurrence) continue;
      if (columns.has(col.field)) {
        duplicateOf = col; // another header already gave this column
        continue;
      }
      columns.set(col.field, cell);
      used = true;
    }
    if (!used && duplicateOf) {
      duplicates.push({ cell, spec: duplicateOf, first: columns.get(duplicateOf.field)! });
      continue;
    }
    for (const use of fallbackUses.get(key) ?? []) {
      if (use.occurrence !== occurrence) continue;
      const list = fallbacks.get(use.col.field) ?? [];
      list.push(cell);
      fallbacks.set(use.col.field, list);
      used = true;
    }
    if (used) continue;
    const cols = index.get(key);
    if (!cols) {
      unknown.push(cell);
      continue;
    }
    const first = columns.get(cols[0].field);
    if (first) duplicates.push({ cell, spec: cols[0], first });
    else unknown.push(cell);
  }
  return { columns, fallbacks, duplicates, unknown, blanks };
}
