/**
 * Columns found by their values when no header names them. Only a type whose values say what
 * the column is qualifies: a column of Red/Amber/Green ratings under a header such as "Overall"
 * or "Wk 12" is the register's RAG when the register has none and exactly one such column is
 * there (several RAG columns, "Schedule", "Cost", "Scope", name none: which is overall is not
 * for us to guess).
 */
import type { ColumnSpec, RegisterSpec } from "../standard/schema";
import type { HeaderCell, ValueFit } from "./header";

/** Share of a column's values that must be ratings for it to be read as the RAG. */
const RAG_VALUES_FIT = 0.9;

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
