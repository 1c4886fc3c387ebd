/**
 * Deriving RAG per dimension and overall from a project's metrics and the standard's thresholds
 * (DESIGN §4). Grey means "not enough data to judge" and is never shown as green.
 */
import type { Num } from "../metrics/evm";
import type { ProjectMetrics } from "../metrics/project-metrics";
import type { RagDimension, Standard, Thresholds } from "../standard/schema";

export type Rag = "green" | "amber" | "red" | "grey";

export const RAG_ORDER: readonly Rag[] = ["green", "amber", "red"];

/** grey -1, green 0, amber 1, red 2. A switch, not a lookup table: this runs per project per group. */
export function ragRank(rag: Rag): number {
  switch (rag) {
    case "green":
      return 0;
    case "amber":
      return 1;
    case "red":
      return 2;
    default:
      return -1;
  }
}

export function worse(a: Rag, b: Rag): Rag {
  return ragRank(a) >= ragRank(b) ? a : b;
}

/** A "higher is better" index and a "lower is better" percentage judged against green and amber bands. */
function banded(
  index: Num,
  percent: Num,
  bands: { green: [number, number]; amber: [number, number] },
  max?: number,
): Rag {
  if (index === null && percent === null) return "grey";
  const meets = ([minIndex, maxPercent]: [number, number]) =>
    (index === null || index >= minIndex) && (percent === null || percent <= maxPercent);
  let rag: Rag = meets(bands.green) ? "green" : meets(bands.amber) ? "amber" : "red";
  // Two-sided band: an index far above plan is too good to be true, so worth a look.
  if (rag === "green" && max !== undefined && index !== null && index > max) rag = "amber";
  return rag;
}

export function scheduleRag(m: ProjectMetrics, t: Thresholds): Rag {
  const s = t.schedule;
  return banded(
    m.spi,
    m.slipPercent,
    { green: [s.green.spi, s.green.slipPercent], amber: [s.amber.spi, s.amber.slipPercent] },
    s.maxSpi,
  );
}

export function costRag(m: ProjectMetrics, t: Thresholds): Rag {
  const c = t.cost;
  return banded(
    m.cpi,
    m.eacPercent,
    { green: [c.green.cpi, c.green.eacPercent], amber: [c.amber.cpi, c.amber.eacPercent] },
    c.maxCpi,
  );
}

export function riskRag(m: ProjectMetrics, t: Thresholds): Rag {
  const criticalOpen = t.risk.redIssueSeverities.some((s) => (m.openIssues[s] ?? 0) > 0);
  if (criticalOpen) return "red";
  if (m.maxRiskScore === null) return "grey";
  if (m.maxRiskScore <= t.risk.greenMaxScore) return "green";
  if (m.maxRiskScore <= t.risk.amberMaxScore) return "amber";
  return "red";
}

export function governanceRag(m: ProjectMetrics, rowErrors: number, t: Thresholds): Rag {
  if (rowErrors > 0) return "red";
  if (m.closed) return "green"; // a closed project owes no more updates
  if (m.daysSinceUpdate === null) return "grey";
  if (m.daysSinceUpdate <= t.governance.greenDays) return "green";
  if (m.daysSinceUpdate <= t.governance.amberDays) return "amber";
  return "red";
}

export type DimensionRags = Record<RagDimension, Rag>;

/**
 * Overall: worst of the judged dimensions (or their weighted mean, by the standard); grey when
 * neither schedule nor cost can be judged, since then there is no performance data at all.
 */
export function overallRag(rags: DimensionRags, overall: Standard["overall"]): Rag {
  if (rags.schedule === "grey" && rags.cost === "grey") return "grey";
  const judged = (Object.keys(rags) as RagDimension[]).filter((d) => rags[d] !== "grey");
  if (overall.method === "weighted" && overall.weights) {
    let total = 0;
    let weight = 0;
    for (const d of judged) {
      total += ragRank(rags[d]) * overall.weights[d];
      weight += overall.weights[d];
    }
    if (weight === 0) return "grey";
    const score = total / weight;
    return score < 0.5 ? "green" : score < 1.5 ? "amber" : "red";
  }
  return judged.reduce<Rag>((acc, d) => worse(acc, rags[d]), "green");
}

export function deriveRags(
  m: ProjectMetrics,
  rowErrors: number,
  standard: Standard,
): DimensionRags & { overall: Rag } {
  const t = standard.thresholds;
  const schedule = scheduleRag(m, t);
  const cost = costRag(m, t);
  const risk = riskRag(m, t);
  const governance = governanceRag(m, rowErrors, t);
  // One literal (not a spread): every project's RAG record then shares one shape, which keeps
  // the group sums that read it millions of times fast.
  return {
    schedule,
    cost,
    risk,
    governance,
    overall: overallRag({ schedule, cost, risk, governance }, standard.overall),
  };
}
