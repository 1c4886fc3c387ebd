/** forecast-in-past: an open project's or milestone's forecast has passed without an actual. */
import { formatDay } from "../../dates";
import { isClosedRow, numberOf } from "../../register/register-table";
import type { Rule } from "../rule";

export const forecastInPast: Rule = {
  codes: ["forecast-in-past"],
  check({ registers, asOf }, report) {
    const projects = registers.projects;
    if (projects?.columns.has("forecastFinish")) {
      for (const row of projects.rows) {
        const forecast = numberOf(row, "forecastFinish");
        if (forecast === null || forecast >= asOf) continue;
        if (numberOf(row, "actualFinish") !== null || isClosedRow(projects, row)) continue;
        report.at(
          "forecast-in-past",
          projects,
          row,
          "forecastFinish",
          `Forecast finish ${formatDay(forecast)} is before the status date (${formatDay(asOf)}) and there is no actual finish; update the forecast or record the actual finish.`,
        );
      }
    }
    const milestones = registers.milestones;
    if (milestones) {
      for (const row of milestones.rows) {
        const due = numberOf(row, "forecastDate") ?? numberOf(row, "baselineDate");
        if (due === null || due >= asOf) continue;
        if (numberOf(row, "actualDate") !== null || isClosedRow(milestones, row)) continue;
        const field = numberOf(row, "forecastDate") !== null ? "forecastDate" : "baselineDate";
        report.at(
          "forecast-in-past",
          milestones,
          row,
          field,
          `Milestone due ${formatDay(due)} has passed (status date ${formatDay(asOf)}) with no actual date; record when it was achieved or re-forecast it.`,
        );
      }
    }
  },
};
