/**
 * What the ribbon commands and the task pane do, on any host: read the workbook, run the engine,
 * write our sheets. One place, so the pane and the commands cannot drift apart.
 */
import type { DayNumber } from "../core/dates";
import type { WorkbookGrids } from "../core/grid";
import { findingsSheet } from "../core/plan/findings-sheet";
import type { WorkbookPlan } from "../core/plan/sheet-plan";
import { rollupWorkbooks, type PortfolioRollup } from "../core/rollup/portfolio-rollup";
import { withSubmissions } from "../core/rollup/submissions";
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
  const plan: WorkbookPlan = { sheets: [findingsSheet(rollup.input)] };
  await host.applyPlan(plan, options);
  return rollup;
}

/** Read and analyse without writing anything. */
export async function analyseHost(host: WorkbookHost, options: RefreshOptions): Promise<PortfolioRollup> {
  return analyseGrids(await host.readWorkbook(options), options);
}

/**
 * The engine over grids already read (the pane re-reads only the sheet the user edited), with
 * the submissions kept in the workbook consolidated in.
 */
export function analyseGrids(grids: WorkbookGrids, options: RefreshOptions): PortfolioRollup {
  return rollupWorkbooks(withSubmissions(options.file, grids), {
    standard: options.standard,
    asOf: options.asOf,
    today: options.today,
    refreshed: options.now,
  });
}

/** `grids` with the sheets of `fresh` put in place of their old versions. */
export function mergeSheets(
  grids: WorkbookGrids,
  fresh: WorkbookGrids,
  names: ReadonlySet<string>,
): WorkbookGrids {
  const byName = new Map(fresh.sheets.map((s) => [s.name, s]));
  return { ...grids, sheets: grids.sheets.map((s) => (names.has(s.name) ? (byName.get(s.name) ?? s) : s)) };
}
