/** Per-project metrics (DESIGN §4), from a project row and the rows of the other registers that point at it. */
import type { DayNumber } from "../dates";
import {
  isClosedRow,
  isOpportunity,
  numberOf,
  rowKeys,
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

/**
 * Rows of other registers linked to the project rows that they point at (by matchKey of the ID).
 * Projects sharing an ID share one group; lists are by group, so computing a project's metrics
 * costs no lookup by key (at a million projects, those lookups were most of the time).
 */
export interface ProjectLinks {
  /** Group of each project row (index into the lists), -1 for a row without an ID. */
  readonly groupOf: Int32Array;
  readonly risks: readonly (RegisterRow[] | undefined)[];
  readonly issues: readonly (RegisterRow[] | undefined)[];
  readonly milestones: readonly (RegisterRow[] | undefined)[];
}

function attach(
  table: RegisterTable | undefined,
  groups: ReadonlyMap<string, number>,
): (RegisterRow[] | undefined)[] {
  const lists = new Array<RegisterRow[] | undefined>(groups.size);
  if (!table) return lists;
  const keys = rowKeys(table, "projectId");
  for (let i = 0; i < table.rows.length; i++) {
    const key = keys[i];
    const group = key === null ? undefined : groups.get(key);
    if (group === undefined) continue;
    const row = table.rows[i];
    const list = lists[group];
    if (list) list.push(row);
    else lists[group] = [row];
  }
  return lists;
}

export function linkProjects(projects: RegisterTable, registers: Registers): ProjectLinks {
  const groups = new Map<string, number>();
  const groupOf = new Int32Array(projects.rows.length).fill(-1);
  rowKeys(projects, "id").forEach((key, i) => {
    if (key === null) return;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = groups.size));
    groupOf[i] = group;
  });
  return {
    groupOf,
    risks: attach(registers.risks, groups),
    issues: attach(registers.issues, groups),
    milestones: attach(registers.milestones, groups),
  };
}

export function riskScore(row: RegisterRow): Num {
  const p = numberOf(row, "probability");
  const i = numberOf(row, "impact");
  if (p !== null && i !== null) return p * i;
  return numberOf(row, "score");
}

const expectedFieldsCache = new WeakMap<RegisterTable["spec"], readonly string[]>();

/** The fields data quality counts (required and recommended), computed once per register. */
function expectedFields(spec: RegisterTable["spec"]): readonly string[] {
  let fields = expectedFieldsCache.get(spec);
  if (!fields) {
    fields = spec.columns.filter((c) => c.presence !== "optional").map((c) => c.field);
    expectedFieldsCache.set(spec, fields);
  }
  return fields;
}

function dataQuality(table: RegisterTable, row: RegisterRow): number {
  const expected = expectedFields(table.spec);
  if (expected.length === 0) return 100;
  let valid = 0;
  for (const field of expected) if (row.values[field] != null) valid++;
  return Math.round((valid / expected.length) * 1000) / 10;
}

const NO_ROWS: readonly RegisterRow[] = [];
/** Shared by every project without open issues (most): frozen, so nothing can add to it. */
const NO_ISSUES: Record<string, number> = Object.freeze({});

/**
 * Metrics of the project at `index` in its register's rows. `baselineFinish`, when given, is the
 * baseline in force instead of the register's (change control: a move not yet approved).
 */
export function projectMetrics(
  projects: RegisterTable,
  index: number,
  registers: Registers,
  links: ProjectLinks,
  standard: Standard,
  asOf: DayNumber,
  baselineFinishInForce?: DayNumber | null,
): ProjectMetrics {
  const row = projects.rows[index];
  const group = links.groupOf[index];
  const linked = (lists: ProjectLinks["risks"]) => (group < 0 ? NO_ROWS : (lists[group] ?? NO_ROWS));
  const bac = numberOf(row, "bac");
  const ac = numberOf(row, "ac");
  const percentComplete = numberOf(row, "percentComplete");
  const start = numberOf(row, "startDate");
  const baselineFinish =
    baselineFinishInForce === undefined ? numberOf(row, "baselineFinish") : baselineFinishInForce;
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

  // Plain loops: this runs once per project, and a portfolio can hold a million of them.
  const risks = registers.risks;
  let openRisks = 0;
  let maxRiskScore: Num = null;
  let riskExposure = 0;
  if (risks)
    for (const r of linked(links.risks)) {
      if (isClosedRow(risks, r) || isOpportunity(r)) continue;
      openRisks++;
      const score = riskScore(r);
      if (score === null) continue;
      maxRiskScore = maxRiskScore === null ? score : Math.max(maxRiskScore, score);
      riskExposure += score;
    }
  const issues = registers.issues;
  let openIssues: Record<string, number> = NO_ISSUES;
  if (issues)
    for (const r of linked(links.issues)) {
      if (isClosedRow(issues, r)) continue;
      const severity = textOf(r, "severity") ?? "Unrated";
      if (openIssues === NO_ISSUES) openIssues = {};
      openIssues[severity] = (openIssues[severity] ?? 0) + 1;
    }
  const milestones = registers.milestones;
  let overdueMilestones = 0;
  if (milestones)
    for (const m of linked(links.milestones)) {
      if (isClosedRow(milestones, m) || numberOf(m, "actualDate") !== null) continue;
      const due = numberOf(m, "forecastDate") ?? numberOf(m, "baselineDate");
      if (due !== null && due < asOf) overdueMilestones++;
    }
  const eacRatio = ratio(eac, bac);

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
    eacPercent: eacRatio === null ? null : eacRatio * 100,
    daysSinceUpdate: updated === null ? null : asOf - updated,
    openRisks,
    maxRiskScore: maxRiskScore ?? (risks ? 0 : null),
    riskExposure,
    openIssues,
    overdueMilestones,
    dataQuality: dataQuality(projects, row),
    closed: isClosedRow(projects, row),
  };
}
