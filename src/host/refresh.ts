/**
 * What the ribbon commands and the task pane do, on any host: read the workbook, run the engine,
 * write our sheets. One place, so the pane and the commands cannot drift apart.
 */
import type { DayNumber } from "../core/dates";
import type { WorkbookPlan } from "../core/plan/sheet-plan";
import { rollupWorkbooks, type PortfolioRollup } from "../core/rollup/portfolio-rollup";
import type { Standard } from "../core/standard/schema";
import type { HostOptions, WorkbookHost } from "./workbook-host";

export interface RefreshOptions extends HostOptions {
  /** The name the workbook goes by in messages and the Sources table. */
  readonly file: string;
  readonly standard?: Standard;
  readonly asOf?: DayNumber;
  readonly today: DayNumber;
  /** Now, as an Excel serial. */
  readonly now: number;
}

/** Read, analyse and rewrite all four PMO sheets. */
export async function refreshRollup(host: WorkbookHost, options: RefreshOptions): Promise<PortfolioRollup> {
  const rollup = await analyseHost(host, options);
  await host.applyPlan(rollup.plan, options);
  return rollup;
}

/** Read and analyse, and rewrite only the PMO Findings sheet (the coordinator's Validate). */
export async function validateIntoFindings(
  host: WorkbookHost,
  options: RefreshOptions,
): Promise<PortfolioRollup> {
  const rollup = await analyseHost(host, options);
  const plan: WorkbookPlan = { sheets: rollup.plan.sheets.filter((s) => s.role === "findings") };
  await host.applyPlan(plan, options);
  return rollup;
}

/** Read and analyse without writing anything. */
export async function analyseHost(host: WorkbookHost, options: RefreshOptions): Promise<PortfolioRollup> {
  const grids = await host.readWorkbook(options);
  return rollupWorkbooks([{ file: options.file, grids }], {
    standard: options.standard,
    asOf: options.asOf,
    today: options.today,
    refreshed: options.now,
  });
}
