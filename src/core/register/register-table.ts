/** A register read into typed rows: what every rule and metric works on. */
import { displayCell, type CellValue } from "../grid";
import type { ColumnSpec, RegisterName, RegisterSpec } from "../standard/schema";
import type { TypedValue } from "./coerce";
import { matchKey } from "./normalize";

export interface RegisterColumn {
  readonly spec: ColumnSpec;
  /** 0-based sheet column. */
  readonly col: number;
  /** The header as written in the sheet. */
  readonly header: string;
  /** The named scale its values are read on (High/Medium/Low...), when not plain numbers. */
  readonly scale?: string;
}

/**
 * A further sheet of the same register: "Completed Projects" beside "Active Projects", read as
 * one register since no key is on both. Its rows say they come from it.
 */
export interface RegisterPart {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: ReadonlyMap<string, RegisterColumn>;
  readonly originCol: number;
  readonly range: string;
}

export interface RegisterRow {
  /** 0-based sheet row (of `part`'s sheet, when the row comes from a further sheet). */
  readonly row: number;
  /** The further sheet the row comes from; absent for the register's own sheet. */
  readonly part?: RegisterPart;
  /** field -> typed value; null when blank or not readable (the latter with a finding). */
  readonly values: Record<string, TypedValue | null>;
  /** The grid row as read (cells as the user sees them, for messages; indexed by grid column). */
  readonly cells: readonly CellValue[];
  /** Number of error findings on this row so far (governance turns red on any). */
  errors: number;
}

export interface RegisterTable {
  /** 0-based sheet column of rows[i].cells[0] (the grid's origin). */
  readonly originCol: number;
  readonly kind: RegisterName;
  readonly spec: RegisterSpec;
  readonly sheet: string;
  /** 0-based header row. */
  readonly headerRow: number;
  readonly columns: ReadonlyMap<string, RegisterColumn>;
  readonly rows: readonly RegisterRow[];
  /** Sheet range the register occupies, e.g. "A3:R64", for the rollup's source list. */
  readonly range: string;
  /** Further sheets of the register, whose rows follow this sheet's in `rows`. */
  readonly parts?: readonly RegisterPart[];
}

export type Registers = Record<RegisterName, RegisterTable | undefined>;

export function textOf(row: RegisterRow, field: string): string | null {
  const v = row.values[field];
  return typeof v === "string" && v !== "" ? v : null;
}

export function numberOf(row: RegisterRow, field: string): number | null {
  const v = row.values[field];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

const closedCache = new WeakMap<RegisterSpec, Map<string, Set<string>>>();

/** The values of an enum column that mean "finished" (Closed, Complete...), computed once per register. */
export function closedValues(spec: RegisterSpec, field = "status"): Set<string> {
  let byField = closedCache.get(spec);
  if (!byField) closedCache.set(spec, (byField = new Map()));
  let set = byField.get(field);
  if (!set) {
    const col = spec.columns.find((c) => c.field === field);
    set = new Set((col?.values ?? []).filter((v) => v.closed).map((v) => v.value));
    byField.set(field, set);
  }
  return set;
}

/**
 * True when the row's status (or stage, for projects) is one the standard marks as closed, or,
 * read as written from a list left open, says one of them ("Closed Complete", "Financially
 * Closed") with nothing to gainsay it ("Not Complete", "Awaiting Sign Off").
 */
export function isClosedRow(table: RegisterTable, row: RegisterRow): boolean {
  const field = table.kind === "projects" ? "stage" : "status";
  const v = textOf(row, field);
  if (v === null) return false;
  if (closedValues(table.spec, field).has(v)) return true;
  const col = table.spec.columns.find((c) => c.field === field);
  if (!col?.openValues || col.values?.some((listed) => listed.value === v)) return false;
  return saysClosed(v, col);
}

/** Words that undo a closed word beside them: "Not Complete", "Awaiting Closure", "Part Paid". */
const GAINSAYING = new Set([
  ...["not", "no", "non", "un", "awaiting", "pending", "ready", "pre", "to", "before"],
  ...["part", "partial", "partially", "partly", "half", "nearly", "almost", "substantially"],
  ...["remaining", "still", "next"],
]);

/**
 * Whether a value written in the column's own words says one of its closed values or their
 * aliases: leading it ("Closed Complete"), or after one word saying how ("Financially Closed"),
 * with nothing to gainsay it ("Part Complete", "Deadline passed", "Closed, reopened").
 */
export function saysClosed(text: string, col: ColumnSpec): boolean {
  const { closed, open } = statusWords(col);
  const words = wordsOf(text);
  if (words.some((w) => GAINSAYING.has(w) || open.has(w))) return false;
  const start = words.length > 1 && words[0].endsWith("ly") ? 1 : 0;
  return closed.some((phrase) => phrase.every((w, k) => words[start + k] === w));
}

const statusWordsCache = new WeakMap<ColumnSpec, { closed: string[][]; open: Set<string> }>();
/** A list's closed values as word phrases, and the one-word values and aliases that are open; once per column. */
function statusWords(col: ColumnSpec): { closed: string[][]; open: Set<string> } {
  let words = statusWordsCache.get(col);
  if (!words) {
    const values = col.values ?? [];
    const spelled = (closed: boolean) =>
      values
        .filter((v) => (v.closed ?? false) === closed)
        .flatMap((v) => [v.value, ...v.aliases].map(wordsOf));
    words = {
      closed: spelled(true).filter((phrase) => phrase.length > 0),
      open: new Set(
        spelled(false)
          .filter((phrase) => phrase.length === 1)
          .flat(),
      ),
    };
    statusWordsCache.set(col, words);
  }
  return words;
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A risk register's row that is an opportunity (upside): never counted towards the risk light. */
export function isOpportunity(row: RegisterRow): boolean {
  return row.values.riskType === "Opportunity";
}

const keyCache = new WeakMap<RegisterTable, Map<string, (string | null)[]>>();

/**
 * Each row's text in an ID column as a match key (matchKey, else the text itself; null when
 * blank), computed once per table and column: duplicate, reference and link checks all need it.
 */
export function rowKeys(table: RegisterTable, field: string): readonly (string | null)[] {
  let byField = keyCache.get(table);
  if (!byField) keyCache.set(table, (byField = new Map()));
  let keys = byField.get(field);
  if (!keys) {
    keys = table.rows.map((row) => {
      const text = textOf(row, field);
      return text === null ? null : matchKey(text) || text;
    });
    byField.set(field, keys);
  }
  return keys;
}

/** The sheet a row is on: the register's, or the further sheet it comes from. */
export function sheetOf(table: RegisterTable, row: RegisterRow): string {
  return row.part?.sheet ?? table.sheet;
}

/** The register's rows by sheet and row, for finding a project's row again (rows of two sheets share numbers). */
export function rowFinder(table: RegisterTable): (sheet: string, row: number) => RegisterRow | undefined {
  const rows = new Map(table.rows.map((r) => [`${sheetOf(table, r)}\u0000${r.row}`, r]));
  return (sheet, row) => rows.get(`${sheet}\u0000${row}`);
}

/** A field's column on the sheet a row is on. */
export function columnOf(table: RegisterTable, row: RegisterRow, field: string): RegisterColumn | undefined {
  return (row.part?.columns ?? table.columns).get(field);
}

/** A row's cell in a column, as the user sees it (for messages and findings). */
export function shownOf(table: RegisterTable, row: RegisterRow, field: string): string | null {
  const column = columnOf(table, row, field);
  const originCol = row.part?.originCol ?? table.originCol;
  return column ? displayCell(row.cells[column.col - originCol] ?? null) : null;
}
