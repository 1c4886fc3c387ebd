/**
 * How a group's SPI and CPI are explained in words: an index whose sums are not the totals shown
 * beside it says on how many projects it rests and what its own sums are (README: Metrics).
 */
import type { GroupFigures, IndexBasis } from "../metrics/aggregate";
import type { Num } from "../metrics/evm";

const whole = (n: Num) => (n === null ? "n/a" : Math.round(n).toLocaleString("en-GB"));
const index = (n: Num) => (n === null ? "n/a" : n.toFixed(2));

/**
 * "SPI 0.84 over 14 of 16 projects: EV 900 / PV 1,071 on those", or null when the index is the
 * ratio of the group's totals (its basis is complete).
 */
export function basisNote(
  label: "SPI" | "CPI",
  value: Num,
  basis: IndexBasis,
  projects: number,
): string | null {
  if (basis.complete) return null;
  const base = label === "SPI" ? "PV" : "AC";
  if (basis.projects === 0)
    return `${label}: no value, no project has both EV and ${base} (of ${projects} projects)`;
  return `${label} ${index(value)} over ${basis.projects} of ${projects} projects, the ones with both EV and ${base}: EV ${whole(basis.ev)} / ${base} ${whole(basis.base)} on those`;
}

/** "all 16", or "SPI 14, CPI 12 of 16": how many projects a group's two indices rest on. */
export function basisCounts(g: Pick<GroupFigures, "projects" | "spiBasis" | "cpiBasis">): string {
  const s = g.spiBasis.projects;
  const c = g.cpiBasis.projects;
  if (s === g.projects && c === g.projects) return `all ${g.projects}`;
  return s === c ? `${s} of ${g.projects}` : `SPI ${s}, CPI ${c} of ${g.projects}`;
}
