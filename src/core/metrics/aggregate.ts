/**
 * Programme, portfolio and whole-workbook figures: re-sum EV, PV, AC and BAC and recompute the
 * indices from the sums (never an average of project indices), plus counts and budget per RAG.
 */
import type { RagDimension } from "../standard/schema";
import type { Rag } from "../rollup/rag";
import { worse } from "../rollup/rag";
import { ratio, type Num } from "./evm";
import type { ProjectMetrics } from "./project-metrics";

export interface RagCounts {
  green: number;
  amber: number;
  red: number;
  grey: number;
}

export interface GroupFigures {
  name: string;
  projects: number;
  bac: Num;
  ac: Num;
  ev: Num;
  pv: Num;
  spi: Num;
  cpi: Num;
  counts: RagCounts;
  /** Share of the group's BAC in projects of each overall RAG, in % (null when no BAC is known). */
  budgetShare: Record<keyof RagCounts, Num>;
  /** Worst overall RAG, and the worst of each dimension. */
  worst: Rag;
  dimensions: Record<RagDimension, { worst: Rag; counts: RagCounts }>;
}

export interface RatedProject {
  readonly metrics: ProjectMetrics;
  readonly rag: Record<RagDimension | "overall", Rag>;
}

export function emptyCounts(): RagCounts {
  return { green: 0, amber: 0, red: 0, grey: 0 };
}

export function aggregate(name: string, projects: readonly RatedProject[]): GroupFigures {
  // One pass: sums for the totals, and for the indices only over projects that have both inputs
  // (a project without actuals must not drag CPI up or down).
  let bac: Num = null;
  let ac: Num = null;
  let ev: Num = null;
  let pv: Num = null;
  let evWithPv = 0;
  let pvWithEv = 0;
  let evWithAc = 0;
  let acWithEv = 0;
  let anyPv = false;
  let anyAc = false;
  const counts = emptyCounts();
  const budget: Record<keyof RagCounts, number> = { green: 0, amber: 0, red: 0, grey: 0 };
  let worst: Rag = "grey";
  const dimensions = {
    schedule: { worst: "grey" as Rag, counts: emptyCounts() },
    cost: { worst: "grey" as Rag, counts: emptyCounts() },
    risk: { worst: "grey" as Rag, counts: emptyCounts() },
    governance: { worst: "grey" as Rag, counts: emptyCounts() },
  };
  for (const p of projects) {
    const m = p.metrics;
    if (m.bac !== null) bac = (bac ?? 0) + m.bac;
    if (m.ac !== null) ac = (ac ?? 0) + m.ac;
    if (m.ev !== null) ev = (ev ?? 0) + m.ev;
    if (m.pv !== null) pv = (pv ?? 0) + m.pv;
    if (m.ev !== null && m.pv !== null) {
      evWithPv += m.ev;
      pvWithEv += m.pv;
      anyPv = true;
    }
    if (m.ev !== null && m.ac !== null) {
      evWithAc += m.ev;
      acWithEv += m.ac;
      anyAc = true;
    }
    const rag = p.rag;
    counts[rag.overall]++;
    budget[rag.overall] += m.bac ?? 0;
    worst = worse(worst, rag.overall);
    // The four dimensions written out: this loop runs once per project per group.
    dimensions.schedule.counts[rag.schedule]++;
    dimensions.schedule.worst = worse(dimensions.schedule.worst, rag.schedule);
    dimensions.cost.counts[rag.cost]++;
    dimensions.cost.worst = worse(dimensions.cost.worst, rag.cost);
    dimensions.risk.counts[rag.risk]++;
    dimensions.risk.worst = worse(dimensions.risk.worst, rag.risk);
    dimensions.governance.counts[rag.governance]++;
    dimensions.governance.worst = worse(dimensions.governance.worst, rag.governance);
  }
  const share = (n: number): Num => (bac === null || bac === 0 ? null : (n / bac) * 100);
  return {
    name,
    projects: projects.length,
    bac,
    ac,
    ev,
    pv,
    spi: anyPv ? ratio(evWithPv, pvWithEv) : null,
    cpi: anyAc ? ratio(evWithAc, acWithEv) : null,
    counts,
    budgetShare: {
      green: share(budget.green),
      amber: share(budget.amber),
      red: share(budget.red),
      grey: share(budget.grey),
    },
    worst,
    dimensions,
  };
}
