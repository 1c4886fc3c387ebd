/**
 * Which of a register's columns say what each entry is and when: read from the standard's
 * columns, so a PMO's own register gets the same answers as the built-in ones.
 */
import type { ColumnSpec, RegisterSpec } from "./schema";

/** The column that names each entry: a project's name, a milestone (its first required text column that is neither key nor reference). */
export function entryNameColumn(spec: RegisterSpec): ColumnSpec | undefined {
  return spec.columns.find(
    (c) => c.type === "text" && c.presence === "required" && c.field !== spec.key && !c.references,
  );
}

/** The entry's own date, where the register requires exactly one date (a milestone's; a project's start and finish are two). */
export function entryDateColumn(spec: RegisterSpec): ColumnSpec | undefined {
  const dated = spec.columns.filter((c) => c.type === "date" && c.presence === "required");
  return dated.length === 1 ? dated[0] : undefined;
}
