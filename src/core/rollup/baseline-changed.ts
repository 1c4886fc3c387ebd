/**
 * baseline-changed: a baseline finish or budget that moved since the previous status date with no
 * change request approved in between (change-control.ts decides; this reports it at the cell).
 */
import { formatDay } from "../dates";
import { rowFinder } from "../register/register-table";
import { BASELINE_FIELDS, type BaselineMove } from "./change-control";
import type { ProjectRollup } from "./project-rollup";
import type { RagRule } from "./rag-rules";

const amount = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

function shown(move: Pick<BaselineMove, "part">, value: number): string {
  return move.part === "finish" ? formatDay(value) : amount.format(value);
}

/** "schedule judged against the approved baseline finish 31 Mar 2027 (...)", for a light's reason. */
export function heldFinishNote(p: Pick<ProjectRollup, "baselineMoves">): string | null {
  const move = p.baselineMoves.find((m) => m.part === "finish" && m.approvedBy === null);
  if (!move) return null;
  return `judged against the approved baseline finish ${shown(move, move.before)}: the register's ${shown(move, move.now)} has no approved change request`;
}

/** "Finish 31 Mar 2027 → 30 Sep 2027 (CR-12)" for each move, for the rollup's list. */
export function movesText(moves: readonly BaselineMove[]): string {
  return moves
    .map(
      (m) =>
        `${m.part === "finish" ? "Finish" : "Budget"} ${shown(m, m.before)} → ${shown(m, m.now)} (${m.approvedBy ?? "not approved"})`,
    )
    .join("; ");
}

export const baselineChanged: RagRule = {
  codes: ["baseline-changed"],
  check({ registers, projects }, report) {
    const table = registers.projects;
    if (!table) return;
    const moved = projects.filter((p) => p.baselineMoves.some((m) => m.approvedBy === null));
    if (moved.length === 0) return;
    const rowOf = rowFinder(table);
    for (const p of moved) {
      const row = rowOf(p.sheet, p.row);
      if (!row) continue;
      for (const m of p.baselineMoves) {
        if (m.approvedBy !== null) continue;
        const what = m.part === "finish" ? "baseline finish" : "budget";
        const judged =
          m.part === "finish"
            ? `the schedule is judged against ${shown(m, m.before)} until one is`
            : `History keeps ${shown(m, m.before)} as the approved budget until one is`;
        report.at(
          "baseline-changed",
          table,
          row,
          BASELINE_FIELDS[m.part],
          `The ${what} of ${p.id} moved from ${shown(m, m.before)} to ${shown(m, m.now)} since the status date ${formatDay(m.since)}, and no change request for ${p.id} was approved between then and now; ${judged}. Record the approved change in the Changes register (status Approved, with its decision date), or restore the baseline.`,
        );
      }
    }
  },
};
