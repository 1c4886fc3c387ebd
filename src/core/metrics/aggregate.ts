/**
 * Programme, portfolio and whole-workbook figures: re-sum EV, PV, AC and BAC and recompute the
 * indices from the sums (never an average of project indices), plus counts and budget per RAG.
 * An index rests on the projects that have both of its inputs; its basis (those projects' sums
 * and how many they are) travels with it, so a sheet can show sums whose ratio is the index, or
 * say on how many projects it rests.
 */
import type { RagDimension } from "../standard/schema";
import type { Rag } from "../rollup/rag";
import { ragRank } from "../rollup/rag";
import { ratio, type Num } from "./evm";
import type { ProjectMetrics } from "./project-metrics";

export interface RagCounts {
  green: number;
  amber: number;
  red: number;
  grey: number;
}

/** The sums an index is the ratio of: over the projects that have both inputs. */
export interface IndexBasis {
  /** Projects with both inputs. */
  readonly projects: number;
  /** EV over those projects (null when there are none). */
  readonly ev: Num;
  /** PV (for SPI) or AC (for CPI) over those projects. */
  readonly base: Num;
  /**
   * True when these sums are the group's own EV and PV (or AC) totals: every project with one
   * input has the other, so the index is the ratio of the totals shown beside it.
   */
  readonly complete: boolean;
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
  /** What SPI = EV / PV rests on. */
  spiBasis: IndexBasis;
  /** What CPI = EV / AC rests on. */
  cpiBasis: IndexBasis;
  counts: RagCounts;
  /** Share of the group's BAC in projects of each overall RAG, in % (null when no BAC is known). */
  budgetShare: Record<keyof RagCounts, Num>;
  /** Worst overall RAG, and the worst of each dimension. */
  worst: Rag;
  dimensions: Record<RagDimension, { worst: Rag; counts: RagCounts }>;
}

export interface RatedProject {
  readonly metrics: Pick<ProjectMetrics, "bac" | "ac" | "ev" | "pv">;
  readonly rag: Record<RagDimension | "overall", Rag>;
}

export function emptyCounts(): RagCounts {
  return { green: 0, amber: 0, red: 0, grey: 0 };
}

const RAGS: readonly (keyof RagCounts)[] = ["grey", "green", "amber", "red"];
const DIMENSIONS = ["schedule", "cost", "risk", "governance"] as const;

function countsOf(tally: Float64Array, offset: number): RagCounts {
  return { green: tally[offset + 1], amber: tally[offset + 2], red: tally[offset + 3], grey: tally[offset] };
}

/** The worst RAG with a non-zero count (grey only when nothing was judged). */
function worstOf(counts: RagCounts): Rag {
  return counts.red > 0 ? "red" : counts.amber > 0 ? "amber" : counts.green > 0 ? "green" : "grey";
}

export function aggregate(name: string, projects: readonly RatedProject[]): GroupFigures {
  // One pass: sums for the totals, and for the indices only over projects that have both inputs
  // (a project without actuals must not drag CPI up or down). Counts go into one flat array
  // indexed by rank (overall, then each dimension): this loop runs once per project per group.
  let bac: Num = null;
  let ac: Num = null;
  let ev: Num = null;
  let pv: Num = null;
  let evWithPv = 0;
  let pvWithEv = 0;
  let evWithAc = 0;
  let acWithEv = 0;
  let withEv = 0;
  let withPv = 0;
  let withAc = 0;
  let evAndPv = 0;
  let evAndAc = 0;
  const tally = new Float64Array(20);
  const budget = new Float64Array(4);
  for (const p of projects) {
    const m = p.metrics;
    if (m.bac !== null) bac = (bac ?? 0) + m.bac;
    if (m.ac !== null) {
      ac = (ac ?? 0) + m.ac;
      withAc++;
    }
    if (m.ev !== null) {
      ev = (ev ?? 0) + m.ev;
      withEv++;
    }
    if (m.pv !== null) {
      pv = (pv ?? 0) + m.pv;
      withPv++;
    }
    if (m.ev !== null && m.pv !== null) {
      evWithPv += m.ev;
      pvWithEv += m.pv;
      evAndPv++;
    }
    if (m.ev !== null && m.ac !== null) {
      evWithAc += m.ev;
      acWithEv += m.ac;
      evAndAc++;
    }
    const rag = p.rag;
    const overall = ragRank(rag.overall) + 1;
    tally[overall]++;
    budget[overall] += m.bac ?? 0;
    tally[5 + ragRank(rag.schedule)]++;
    tally[9 + ragRank(rag.cost)]++;
    tally[13 + ragRank(rag.risk)]++;
    tally[17 + ragRank(rag.governance)]++;
  }
  const share = (n: number): Num => (bac === null || bac === 0 ? null : (n / bac) * 100);
  const counts = countsOf(tally, 0);
  const dimensions = {} as GroupFigures["dimensions"];
  DIMENSIONS.forEach((d, i) => {
    const c = countsOf(tally, 4 + i * 4);
    dimensions[d] = { worst: worstOf(c), counts: c };
  });
  const budgetShare = {} as GroupFigures["budgetShare"];
  RAGS.forEach((r, i) => (budgetShare[r] = share(budget[i])));
  return {
    name,
    projects: projects.length,
    bac,
    ac,
    ev,
    pv,
    spi: evAndPv > 0 ? ratio(evWithPv, pvWithEv) : null,
    cpi: evAndAc > 0 ? ratio(evWithAc, acWithEv) : null,
    // Summed over the same projects in the same order, complete sums equal the totals exactly.
    spiBasis: {
      projects: evAndPv,
      ev: evAndPv > 0 ? evWithPv : null,
      base: evAndPv > 0 ? pvWithEv : null,
      complete: withEv === evAndPv && withPv === evAndPv,
    },
    cpiBasis: {
      projects: evAndAc,
      ev: evAndAc > 0 ? evWithAc : null,
      base: evAndAc > 0 ? acWithEv : null,
      complete: withEv === evAndAc && withAc === evAndAc,
    },
    counts,
    budgetShare: {
      green: budgetShare.green,
      amber: budgetShare.amber,
      red: budgetShare.red,
      grey: budgetShare.grey,
    },
    worst: worstOf(counts),
    dimensions,
  };
}
