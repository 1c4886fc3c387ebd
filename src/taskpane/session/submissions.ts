/**
 * "Add submissions": coordinators' workbooks validated in the pane under the workbook's standard
 * and status date, then kept in the workbook (core/rollup/submissions.ts) for Refresh rollup to
 * consolidate. A file submitted again replaces its kept sheet.
 */
import { checkWorkbook, resolveAsOf, resolveStandard } from "../../core/engine";
import type { DayNumber } from "../../core/dates";
import type { SheetPlan } from "../../core/plan/sheet-plan";
import { keptSubmissions, submissionSheetPlan, type KeptSubmission } from "../../core/rollup/submissions";
import type { Standard } from "../../core/standard/schema";
import { countFindings } from "../../core/validate/finding";
import type { WorkbookHost } from "../../host/workbook-host";

export interface SubmittedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** One line of the scorecard. */
export interface ScoreLine {
  readonly file: string;
  readonly projects: number;
  readonly errors: number;
  readonly warnings: number;
  readonly ready: boolean;
  /** The sheet it is kept in, or null when it could not be read. */
  readonly kept: string | null;
  /** Why the file could not be read. */
  readonly problem: string | null;
}

export interface SubmitOptions {
  readonly standard?: Standard;
  readonly today: DayNumber;
  /** Now, as an Excel serial: the submission time. */
  readonly now: number;
}

export async function addSubmissions(
  host: WorkbookHost,
  files: readonly SubmittedFile[],
  options: SubmitOptions,
): Promise<ScoreLine[]> {
  // The .xlsx reader is its own chunk: loaded when a submission is added, in Excel too.
  const { readWorkbook } = await import(/* webpackChunkName: "xlsx-host" */ "../../xlsx/read-workbook");
  const base = await host.readWorkbook();
  const standard = resolveStandard(base, options.standard).standard;
  const asOf = resolveAsOf(base, standard, undefined, options.today).day;
  const kept: KeptSubmission[] = keptSubmissions(base);
  const sheetNames = base.sheets.map((s) => s.name);
  const plans = new Map<string, SheetPlan>(); // by role: the same file twice in one batch keeps the last
  const lines: ScoreLine[] = [];
  for (const file of files) {
    let grids;
    try {
      grids = readWorkbook(file.bytes).grids;
    } catch (e) {
      lines.push({
        file: file.name,
        projects: 0,
        errors: 0,
        warnings: 0,
        ready: false,
        kept: null,
        problem: (e as Error).message,
      });
      continue;
    }
    const check = checkWorkbook(grids, { standard, asOf, today: options.today, source: file.name });
    const counts = countFindings(check.validation.findings);
    const plan = submissionSheetPlan(
      kept,
      sheetNames,
      file.name,
      options.now,
      grids,
      check.validation.registers,
      base.date1904,
    );
    if (!kept.some((k) => k.role === plan.role)) {
      kept.push({
        file: file.name,
        submitted: options.now,
        sheet: plan.name,
        role: plan.role as KeptSubmission["role"],
        grids,
      });
      sheetNames.push(plan.name);
    }
    plans.set(plan.role, plan);
    lines.push({
      file: file.name,
      projects: check.analysis.projects.length,
      errors: counts.errors,
      warnings: counts.warnings,
      ready: counts.errors === 0,
      kept: plan.name,
      problem: null,
    });
  }
  if (plans.size > 0) await host.applyPlan({ sheets: [...plans.values()] });
  return lines;
}
