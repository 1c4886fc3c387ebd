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
import type { HeaderCell, ValueFit } from "./header";

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
