/** PMO History: the snapshots already in the workbook, then one row per project for this refresh. */
import { HISTORY_COLUMNS, type HistorySnapshot } from "../rollup/history";
import type { RollupInput } from "./rollup-input";
import { cell, dateValue, tableRows, type PlanCell, type SheetPlan } from "./sheet-plan";
import { emptyCell, headerRow, numberCell, ragCell, textCell } from "./table";

export function newSnapshots(input: RollupInput): HistorySnapshot[] {
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
  }));
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
  ];
}

export function historySheet(input: RollupInput): SheetPlan {
  const rows = tableRows(
    [headerRow([...HISTORY_COLUMNS])],
    [...input.history, ...newSnapshots(input)],
    snapshotRow,
  );
  return {
    role: "history",
    name: input.names.history,
    rows,
    widths: [17, 12, 12, 34, 11, 11, 11, 11, 12, 7, 7, 14, 14],
    merges: [],
    freeze: { rows: 1, cols: 0 },
    autoFilter: `A1:M${rows.length}`,
    print: { landscape: true, fitToWidth: true, repeatRows: [1, 1] },
    tabColor: "7F7F7F",
  };
}
