/** One project's place in the rollup: who it is, its metrics, its derived and reported RAG, its trend. */
import type { DimensionRags, Rag } from "./rag";
import type { ProjectMetrics } from "../metrics/project-metrics";
import type { Trend } from "./history";
import type { Baseline, BaselineMove } from "./change-control";

export interface ProjectRollup {
  readonly id: string;
  readonly name: string;
  readonly portfolio: string | null;
  readonly programme: string | null;
  readonly manager: string | null;
  /** Register sheet and 0-based row the project came from. */
  readonly sheet: string;
  readonly row: number;
  /** A1 address of the project's ID cell in its register, for links back to it. */
  readonly idCell: string;
  /** The workbook file it came from, when several are consolidated. */
  readonly source: string | null;
  /** The reported rating as the standard spells it (e.g. "Amber/Green"), and its 3-level meaning. */
  readonly reported: string | null;
  readonly reportedRag: Rag | null;
  readonly rag: DimensionRags & { overall: Rag };
  readonly metrics: ProjectMetrics;
  readonly trend: Trend;
  readonly previous: Rag | null;
  /** The baseline in force (change control), and how it moved since the previous status date. */
  readonly baseline: Baseline;
  readonly baselineMoves: readonly BaselineMove[];
}

/** Reported green (or better) while the numbers say red: green outside, red inside. */
export function isWatermelon(p: ProjectRollup): boolean {
  return p.reportedRag === "green" && p.rag.overall === "red";
}
