/** Per-project metrics (DESIGN §4), from a project row and the rows of the other registers that point at it. */
import type { DayNumber } from "../dates";
import { matchKey } from "../register/normalize";
import {
  isClosedRow,
  numberOf,
  textOf,
  type RegisterRow,
  type RegisterTable,
  type Registers,
} from "../register/register-table";
import type { Standard } from "../standard/schema";
import {
  earnedValue,
  estimateAtCompletion,
  linearPlannedPercent,
  minus,
  plannedValue,
  ratio,
  toCompletePerformanceIndex,
  type Num,
} from "./evm";

export interface EvmMetrics {
  bac: Num;
  ac: Num;
  ev: Num;
  pv: Num;
  sv: Num;
  cv: Num;
  spi: Num;
  cpi: Num;
  eac: Num;
  etc: Num;
  vac: Num;
  tcpi: Num;
  slipDays: Num;
}

export interface ProjectMetrics extends EvmMetrics {
  percentComplete: Num;
  plannedPercent: Num;
  /** Slip as a share of the baseline duration, in %. */
  slipPercent: Num;
  /** EAC as a share of BAC, in %. */
  eacPercent: Num;
  daysSinceUpdate: Num;
  openRisks: number;
  maxRiskScore: Num;
  /** Exposure: the sum of P x I over open risks. */
  riskExposure: number;
  openIssues: Record<string, number>;
  overdueMilestones: number;
  /** Share of the expected cells (required and recommended columns) that hold a valid value, in %. */
  dataQuality: number;
  closed: boolean;
}

/** Rows of other registers grouped by the project they point at (by matchKey of the ID). */
export interface ProjectLinks {
  risks: Map<string, RegisterRow[]>;
  issues: Map<string, RegisterRow[]>;
  milestones: Map<string, RegisterRow[]>;
}

function groupBy(table: RegisterTable | undefined, field: string): Map<string, RegisterRow[]> {
  const map = new Map<string, RegisterRow[]>();
  if (!table) return map;
  for (const row of table.rows) {
    const id = textOf(row, field);
    if (id === null) continue;
    const key = matchKey(id) || id;
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

export function linkProjects(registers: Registers): ProjectLinks {
  return {
    risks: groupBy(registers.risks, "projectId"),
    issues: groupBy(registers.issues, "projectId"),
    milestones: groupBy(registers.milestones, "projectId"),
  };
}

export function riskScore(row: RegisterRow): Num {
  const p = numberOf(row, "probability");
  const i = numberOf(row, "impact");
  if (p !== null && i !== null) return p * i;
  return numberOf(row, "score");
}

function dataQuality(table: RegisterTable, row: RegisterRow): number {
  const expected = table.spec.columns.filter((c) => c.presence !== "optional");
  if (expected.length === 0) return 100;
  const valid = expected.filter(
    (c) => row.values[c.field] !== null && row.values[c.field] !== undefined,
  ).length;
  return Math.round((valid / expected.length) * 1000) / 10;
}

export function projectMetrics(
  projects: RegisterTable,
  row: RegisterRow,
  registers: Registers,
  links: ProjectLinks,
  standard: Standard,
  asOf: DayNumber,
): ProjectMetrics {
  const id = textOf(row, "id");
  const key = id === null ? "" : matchKey(id) || id;
  const bac = numberOf(row, "bac");
  const ac = numberOf(row, "ac");
  const percentComplete = numberOf(row, "percentComplete");
  const start = numberOf(row, "startDate");
  const baselineFinish = numberOf(row, "baselineFinish");
  const plannedPercent =
    numberOf(row, "plannedPercentComplete") ?? linearPlannedPercent(start, baselineFinish, asOf);
  const ev = earnedValue(bac, percentComplete);
  const pv = plannedValue(bac, plannedPercent);
  const spi = ratio(ev, pv);
  const cpi = ratio(ev, ac);
  // Without % complete there is no earned value: a reported forecast cost stands in as EAC.
  const eac =
    estimateAtCompletion(standard.eacMethod, bac, ac, ev, cpi, spi) ?? numberOf(row, "forecastCost");
  const finish = numberOf(row, "actualFinish") ?? numberOf(row, "forecastFinish");
  const slipDays = minus(finish, baselineFinish);
  const duration = minus(baselineFinish, start);
  const updated = numberOf(row, "lastUpdated");

  const risks = registers.risks;
  const openRiskRows = (links.risks.get(key) ?? []).filter((r) => risks && !isClosedRow(risks, r));
  const scores = openRiskRows.map(riskScore).filter((s): s is number => s !== null);
  const issues = registers.issues;
  const openIssues: Record<string, number> = {};
  for (const r of links.issues.get(key) ?? []) {
    if (!issues || isClosedRow(issues, r)) continue;
    const severity = textOf(r, "severity") ?? "Unrated";
    openIssues[severity] = (openIssues[severity] ?? 0) + 1;
  }
  const milestones = registers.milestones;
  const overdueMilestones = (links.milestones.get(key) ?? []).filter((m) => {
    if (!milestones || isClosedRow(milestones, m) || numberOf(m, "actualDate") !== null) return false;
    const due = numberOf(m, "forecastDate") ?? numberOf(m, "baselineDate");
    return due !== null && due < asOf;
  }).length;

  return {
    bac,
    ac,
    ev,
    pv,
    sv: minus(ev, pv),
    cv: minus(ev, ac),
    spi,
    cpi,
    eac,
    etc: minus(eac, ac),
    vac: minus(bac, eac),
    tcpi: toCompletePerformanceIndex(bac, ac, ev),
    slipDays,
    percentComplete,
    plannedPercent,
    slipPercent: slipDays === null || duration === null || duration <= 0 ? null : (slipDays / duration) * 100,
    eacPercent: ratio(eac, bac) === null ? null : ratio(eac, bac)! * 100,
    daysSinceUpdate: updated === null ? null : asOf - updated,
    openRisks: openRiskRows.length,
    maxRiskScore: scores.length > 0 ? Math.max(...scores) : risks ? 0 : null,
    riskExposure: scores.reduce((s, x) => s + x, 0),
    openIssues,
    overdueMilestones,
    dataQuality: dataQuality(projects, row),
    closed: isClosedRow(projects, row),
  };
}
