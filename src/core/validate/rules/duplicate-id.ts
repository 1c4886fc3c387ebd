/** duplicate-id: a key (or any column the standard marks unique) used by two rows. */
import { rowKeys, textOf } from "../../register/register-table";
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
        // IDs that differ only in case or spacing are the same ID to a reader.
        const keys = rowKeys(table, field);
        for (let i = 0; i < table.rows.length; i++) {
          const row = table.rows[i];
          let id = textOf(row, field);
          let key = keys[i];
          if (id === null || key === null) {
            const number = row.values[field];
            if (typeof number !== "number") continue;
            id = String(number);
            key = matchKey(id) || id;
          }
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
