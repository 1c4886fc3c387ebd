/** stale-update: an open project not updated within the governance window (thresholds.governance.amberDays). */
import { formatDay } from "../../dates";
import { isClosedRow, numberOf } from "../../register/register-table";
import type { Rule } from "../rule";

export const staleUpdate: Rule = {
  codes: ["stale-update"],
  check({ registers, asOf, standard }, report) {
    const projects = registers.projects;
    if (!projects || !projects.columns.has("lastUpdated")) return;
    const limit = standard.thresholds.governance.amberDays;
    for (const row of projects.rows) {
      const updated = numberOf(row, "lastUpdated");
      if (updated === null || isClosedRow(projects, row)) continue;
      const age = asOf - updated;
      if (age <= limit) continue;
      report.at(
        "stale-update",
        projects,
        row,
        "lastUpdated",
        `Last updated ${formatDay(updated)}, ${age} days before the status date (${formatDay(asOf)}); the standard asks for an update at least every ${limit} days.`,
      );
    }
  },
};
