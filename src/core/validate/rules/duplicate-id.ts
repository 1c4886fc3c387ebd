/** duplicate-id: a key (or any column the standard marks unique) used by two rows. */
import { textOf } from "../../register/register-table";
import { matchKey } from "../../register/normalize";
import type { Rule } from "../rule";

export const duplicateId: Rule = {
  codes: ["duplicate-id"],
  check({ registers }, report) {
    for (const table of Object.values(registers)) {
      if (!table) continue;
      for (const column of table.columns.values()) {
        if (!column.spec.unique && column.spec.field !== table.spec.key) continue;
        const field = column.spec.field;
        const firstSeen = new Map<string, number>();
        for (const row of table.rows) {
          const id =
            textOf(row, field) ?? (typeof row.values[field] === "number" ? String(row.values[field]) : null);
          if (id === null) continue;
          // IDs that differ only in case or spacing are the same ID to a reader.
          const key = matchKey(id) || id;
          const first = firstSeen.get(key);
          if (first === undefined) {
            firstSeen.set(key, row.row);
            continue;
          }
          report.at(
            "duplicate-id",
            table,
            row,
            field,
            `${column.header} "${id}" is already used on row ${first + 1}; give each row its own ${column.header}.`,
          );
        }
      }
    }
  },
};
