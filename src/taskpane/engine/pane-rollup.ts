/**
 * What the pane shows of an analysis, as plain data small enough to cross from the engine's
 * worker to the page cheaply. The engine's own result (every project's metrics, the sheets'
 * plan) stays in the worker: at 100,000 projects it is tens of MB, and copying it to the page
 * would freeze the page for seconds.
 */
import type { StandardSource } from "../../core/engine";
import type { GroupFigures } from "../../core/metrics/aggregate";
import type { RollupInput } from "../../core/plan/rollup-input";
import { projectOrder } from "../../core/plan/projects-sheet";
import type { Rag } from "../../core/rollup/rag";
import type { Trend } from "../../core/rollup/history";
import type { PortfolioRollup } from "../../core/rollup/portfolio-rollup";
import { isWatermelon, type ProjectRollup } from "../../core/rollup/project-rollup";
import type { Standard } from "../../core/standard/schema";
import type { Finding } from "../../core/validate/finding";

/** Watermelons and red projects listed by name; the counts always cover them all. */
export const LISTED_PROJECTS = 200;

/** One project as the Rollup view lists it. */
export interface ProjectLine {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly overall: Rag;
  readonly reported: string | null;
  /** The dimensions judged red, e.g. "schedule, cost". */
  readonly redDimensions: readonly string[];
  readonly trend: Trend;
}

export interface RollupSummary {
  readonly portfolio: GroupFigures;
  readonly trends: Readonly<Record<Trend, number>>;
  readonly watermelons: readonly ProjectLine[];
  readonly watermelonCount: number;
  /** Red projects that are not watermelons. */
  readonly red: readonly ProjectLine[];
  readonly redCount: number;
}

export interface PaneRollup {
  readonly standard: Standard;
  readonly standardSource: StandardSource;
  /** The status date the analysis used (the Map columns step previews at it). */
  readonly asOf: RollupInput["asOf"];
  readonly names: RollupInput["names"];
  /** The registers' sheets, in the order the findings list groups them. */
  readonly sheetOrder: readonly string[];
  readonly findings: readonly Finding[];
  readonly summary: RollupSummary;
}

function line(p: ProjectRollup): ProjectLine {
  return {
    key: `${p.source}|${p.id}|${p.row}`,
    id: p.id,
    name: p.name,
    overall: p.rag.overall,
    reported: p.reported,
    redDimensions: (["schedule", "cost", "risk", "governance"] as const).filter((d) => p.rag[d] === "red"),
    trend: p.trend,
  };
}

export function summariseRollup(rollup: PortfolioRollup): RollupSummary {
  const trends: Record<Trend, number> = { better: 0, same: 0, worse: 0, new: 0 };
  const watermelons: ProjectRollup[] = [];
  const red: ProjectRollup[] = [];
  for (const p of rollup.input.projects) {
    trends[p.trend] += 1;
    if (isWatermelon(p)) watermelons.push(p);
    else if (p.rag.overall === "red") red.push(p);
  }
  watermelons.sort(projectOrder);
  red.sort(projectOrder);
  return {
    portfolio: rollup.input.figures.portfolio,
    trends,
    watermelons: watermelons.slice(0, LISTED_PROJECTS).map(line),
    watermelonCount: watermelons.length,
    red: red.slice(0, LISTED_PROJECTS).map(line),
    redCount: red.length,
  };
}

/** The pane's view of an analysis, without its findings (they travel in chunks). */
export function paneRollupOf(rollup: PortfolioRollup): Omit<PaneRollup, "findings"> {
  const input = rollup.input;
  return {
    standard: input.standard,
    standardSource: input.standardSource,
    asOf: input.asOf,
    names: input.names,
    sheetOrder: input.sources.map((s) => s.source.sheet),
    summary: summariseRollup(rollup),
  };
}
