/** date-order: a finish or target before its start or raised date. */
import { formatDay } from "../../dates";
import { numberOf, type RegisterTable } from "../../register/register-table";
import type { RegisterKind } from "../../standard/schema";
import type { Rule } from "../rule";

/** [register, earlier field, later field]: the later must not fall before the earlier. */
const ORDERED_PAIRS: readonly (readonly [RegisterKind, string, string])[] = [
  ["projects", "startDate", "baselineFinish"],
  ["projects", "startDate", "forecastFinish"],
  ["projects", "startDate", "actualFinish"],
  ["issues", "raised", "targetDate"],
];

function header(table: RegisterTable, field: string): string {
  return table.columns.get(field)?.header ?? field;
}

export const dateOrder: Rule = {
  codes: ["date-order"],
  check({ registers }, report) {
    for (const [kind, earlier, later] of ORDERED_PAIRS) {
      const table = registers[kind];
      if (!table || !table.columns.has(earlier) || !table.columns.has(later)) continue;
      for (const row of table.rows) {
        const a = numberOf(row, earlier);
        const b = numberOf(row, later);
        if (a === null || b === null || b >= a) continue;
        report.at(
          "date-order",
          table,
          row,
          later,
          `${header(table, later)} (${formatDay(b)}) is before ${header(table, earlier)} (${formatDay(a)}); correct whichever date is wrong.`,
        );
      }
    }
  },
};
