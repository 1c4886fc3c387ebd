/**
 * Programme, portfolio and whole-workbook figures: re-sum EV, PV, AC and BAC and recompute the
 * indices from the sums (never an average of project indices), plus counts and budget per RAG.
 */
import { RAG_DIMENSIONS, type RagDimension } from "../standard/schema";
import type { Rag } from "../rollup/rag";
import { worse } from "../rollup/rag";
import { ratio, sumKnown, type Num } from "./evm";
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
  const m = projects.map((p) => p.metrics);
  // Indices come from the projects where both of their inputs are known, so that a project
  // without actuals does not drag CPI up or down.
  const evWithPv = sumKnown(m.map((x) => (x.ev !== null && x.pv !== null ? x.ev : null)));
  const pvWithEv = sumKnown(m.map((x) => (x.ev !== null && x.pv !== null ? x.pv : null)));
  const evWithAc = sumKnown(m.map((x) => (x.ev !== null && x.ac !== null ? x.ev : null)));
  const acWithEv = sumKnown(m.map((x) => (x.ev !== null && x.ac !== null ? x.ac : null)));
  const counts = emptyCounts();
  const budget: Record<keyof RagCounts, number> = { green: 0, amber: 0, red: 0, grey: 0 };
  let worst: Rag = "grey";
  const dimensions = Object.fromEntries(
    RAG_DIMENSIONS.map((d) => [d, { worst: "grey" as Rag, counts: emptyCounts() }]),
  ) as GroupFigures["dimensions"];
  for (const p of projects) {
    counts[p.rag.overall]++;
    budget[p.rag.overall] += p.metrics.bac ?? 0;
    worst = worse(worst, p.rag.overall);
    for (const d of RAG_DIMENSIONS) {
      dimensions[d].counts[p.rag[d]]++;
      dimensions[d].worst = worse(dimensions[d].worst, p.rag[d]);
    }
  }
  const bac = sumKnown(m.map((x) => x.bac));
  const share = (n: number): Num => (bac === null || bac === 0 ? null : (n / bac) * 100);
  return {
    name,
    projects: projects.length,
    bac,
    ac: sumKnown(m.map((x) => x.ac)),
    ev: sumKnown(m.map((x) => x.ev)),
    pv: sumKnown(m.map((x) => x.pv)),
    spi: ratio(evWithPv, pvWithEv),
    cpi: ratio(evWithAc, acWithEv),
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
