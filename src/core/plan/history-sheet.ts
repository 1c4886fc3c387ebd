/**
 * PMO History: the snapshots already in the workbook, then one row per project for this refresh;
 * a snapshot already there for this status date is replaced, not added to.
 */
import { HISTORY_COLUMNS, type HistorySnapshot } from "../rollup/history";
import { columnLetter } from "../a1";
import { countFindings } from "../validate/finding";
import type { RollupInput } from "./rollup-input";
import { cell, dateValue, tableRows, type PlanCell, type SheetPlan } from "./sheet-plan";
import { emptyCell, headerRow, numberCell, ragCell, textCell } from "./table";

export function newSnapshots(input: RollupInput): HistorySnapshot[] {
  const errors = countFindings(input.findings.map((f) => f.finding)).errors;
  return input.projects.map((p) => ({
    refreshed: input.refreshed,
    statusDate: input.asOf,
    projectId: p.id,
    projectName: p.name,
    overall: p.rag.overall,
    schedule: p.rag.schedule,
    cost: p.rag.cost,
    risk: p.rag.risk,
    governance: p.rag.governance,
    spi: p.metrics.spi,
    cpi: p.metrics.cpi,
    baselineFinish: p.baseline.finish,
    budget: p.baseline.budget,
    ev: p.metrics.ev,
    pv: p.metrics.pv,
    ac: p.metrics.ac,
    reported: p.reportedRag,
    workbookErrors: errors,
  }));
}

/** History as it stands after this refresh: other dates' snapshots, then this one, in order. */
export function historyAfterRefresh(input: RollupInput): HistorySnapshot[] {
  return [...input.history.filter((s) => s.statusDate !== input.asOf), ...newSnapshots(input)];
}

function snapshotRow(s: HistorySnapshot): PlanCell[] {
  return [
    cell({ kind: "datetime", serial: s.refreshed }, "datetime"),
    cell(dateValue(s.statusDate), "date"),
    textCell(s.projectId),
    textCell(s.projectName),
    ragCell(s.overall),
    ragCell(s.schedule),
    ragCell(s.cost),
    ragCell(s.risk),
    ragCell(s.governance),
    numberCell(s.spi, "index"),
    numberCell(s.cpi, "index"),
    s.baselineFinish === null ? emptyCell("date") : cell(dateValue(s.baselineFinish), "date"),
    numberCell(s.budget, "money"),
    numberCell(s.ev, "money"),
    numberCell(s.pv, "money"),
    numberCell(s.ac, "money"),
    ragCell(s.reported),
    numberCell(s.workbookErrors, "integer"),
  ];
}

export function historySheet(input: RollupInput): SheetPlan {
  const rows = tableRows([headerRow([...HISTORY_COLUMNS])], historyAfterRefresh(input), snapshotRow);
  return {
    role: "history",
    name: input.names.history,
    rows,
    widths: [17, 12, 12, 34, 11, 11, 11, 11, 12, 7, 7, 14, 14, 13, 13, 13, 11, 10],
    merges: [],
    freeze: { rows: 1, cols: 0 },
    autoFilter: `A1:${columnLetter(HISTORY_COLUMNS.length - 1)}${rows.length}`,
    print: { landscape: true, fitToWidth: true, repeatRows: [1, 1] },
    tabColor: "7F7F7F",
  };
}
