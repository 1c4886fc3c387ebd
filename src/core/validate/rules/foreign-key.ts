/** foreign-key: a reference (Project ID in Risks, From/To Project in Dependencies...) to a key that does not exist. */
import { didYouMean } from "../../register/normalize";
import { rowKeys, textOf } from "../../register/register-table";
import type { Rule } from "../rule";

export const foreignKey: Rule = {
  codes: ["foreign-key"],
  check({ registers }, report) {
    for (const table of Object.values(registers)) {
      if (!table) continue;
      for (const column of table.columns.values()) {
        const target = column.spec.references;
        if (!target) continue;
        const targetTable = registers[target];
        const keyField = targetTable?.spec.key;
        if (!targetTable || !keyField) continue; // a missing register is reported once, as missing-register
        const keys = new Map<string, string>();
        const targetKeys = rowKeys(targetTable, keyField);
        targetTable.rows.forEach((r, i) => {
          const k = textOf(r, keyField);
          const key = targetKeys[i];
          if (k !== null && key !== null) keys.set(key, k);
        });
        const keyList = [...keys.values()];
        const refKeys = rowKeys(table, column.spec.field);
        for (let j = 0; j < table.rows.length; j++) {
          const row = table.rows[j];
          const ref = textOf(row, column.spec.field);
          const refKey = refKeys[j];
          if (ref === null || refKey === null || keys.has(refKey)) continue;
          const guess = keyList.length <= 5000 ? didYouMean(ref, keyList) : null;
          report.at(
            "foreign-key",
            table,
            row,
            column.spec.field,
            `${column.header} "${ref}" is not in the ${targetTable.sheet} register.${guess ? ` Did you mean "${guess}"?` : ""} Correct the reference or add the ${target === "projects" ? "project" : "row"} to '${targetTable.sheet}'.`,
          );
        }
      }
    }
  },
};
