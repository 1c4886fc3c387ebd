/**
 * A register kept on several sheets ("Active Projects" and "Completed Projects", "Open Risks" and
 * "Closed Risks"): a further sheet with the register's headers is more of it when none of its
 * keys is on the register's own sheet; a sheet sharing keys is a copy, and is left alone.
 */
import { rowKeys, type RegisterPart, type RegisterTable } from "./register-table";

/**
 * The field that tells rows apart on both sheets: the key, else the first required text column
 * both have (a projects list without IDs is told apart by its names).
 */
function identity(table: RegisterTable, more: RegisterTable): string | undefined {
  const both = (field: string) => table.columns.has(field) && more.columns.has(field);
  const key = table.spec.key;
  if (key && both(key)) return key;
  return table.spec.columns.find((c) => c.presence === "required" && c.type === "text" && both(c.field))
    ?.field;
}

/** Whether `more`, read apart, continues `table`: no row of it is also on the register's sheet. */
export function continues(table: RegisterTable, more: RegisterTable): boolean {
  const key = identity(table, more);
  if (!key || more.rows.length === 0) return false;
  const keys = new Set(rowKeys(table, key).filter((k) => k !== null));
  const moreKeys = rowKeys(more, key).filter((k) => k !== null);
  return moreKeys.length > 0 && moreKeys.every((k) => !keys.has(k));
}

/** `table` with `more`'s rows after its own, each saying which sheet it is on. */
export function withPart(table: RegisterTable, more: RegisterTable): RegisterTable {
  const part: RegisterPart = {
    sheet: more.sheet,
    headerRow: more.headerRow,
    columns: more.columns,
    originCol: more.originCol,
    range: more.range,
  };
  const moreRows = more.rows.map((row) => ({ ...row, part }));
  return { ...table, rows: [...table.rows, ...moreRows], parts: [...(table.parts ?? []), part] };
}
