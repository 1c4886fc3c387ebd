/**
 * A rollup of one workbook, or several consolidated into one portfolio: every workbook is
 * checked under one standard and status date (the explicit ones, else the first workbook's),
 * projects are tagged with their file, and an ID used in two files is a finding.
 */
import type { DayNumber } from "../dates";
import { checkWorkbook, resolveAsOf, resolveStandard, type WorkbookCheck } from "../engine";
import type { WorkbookGrids } from "../grid";
import { buildWorkbookPlan } from "../plan/build-plan";
import type { RollupInput, SourcedFinding } from "../plan/rollup-input";
import type { WorkbookPlan } from "../plan/sheet-plan";
import { assignSheetNames } from "../plan/sheet-names";
import { matchKey } from "../register/normalize";
import type { Standard } from "../standard/schema";
import { FindingSink } from "../validate/finding";
import { rollupFigures } from "./figures";
import type { ProjectRollup } from "./project-rollup";

export interface WorkbookEntry {
  readonly file: string;
  readonly grids: WorkbookGrids;
}

export interface RollupOptions {
  readonly standard?: Standard;
  readonly asOf?: DayNumber;
  readonly today: DayNumber;
  /** The refresh time as an Excel serial (date and time), from the host's clock. */
  readonly refreshed: number;
}

export interface PortfolioRollup {
  readonly input: RollupInput;
  readonly plan: WorkbookPlan;
  readonly checks: readonly { readonly file: string; readonly check: WorkbookCheck }[];
}

function clashFindings(
  checks: readonly { file: string; check: WorkbookCheck }[],
  sink: FindingSink,
  standard: Standard,
): SourcedFinding[] {
  const firstSeen = new Map<string, { file: string; project: ProjectRollup }>();
  const out: SourcedFinding[] = [];
  for (const { file, check } of checks) {
    const local = new Set<string>();
    for (const p of check.analysis.projects) {
      const key = matchKey(p.id) || p.id;
      if (local.has(key)) continue; // a duplicate inside one file is that file's duplicate-id
      local.add(key);
      const first = firstSeen.get(key);
      if (!first) {
        firstSeen.set(key, { file, project: p });
        continue;
      }
      const finding = sink.add(
        "duplicate-id",
        {
          sheet: p.sheet,
          row: p.row,
          col: 0,
          column: standard.registers.projects.columns.find((c) => c.field === "id")?.header ?? "Project ID",
          value: p.id,
        },
        `Project ID "${p.id}" is also in ${first.file} (${first.project.sheet} row ${first.project.row + 1}); IDs must be unique across the consolidated portfolio. Both are kept in the rollup.`,
      );
      out.push({ file, finding: { ...finding, cell: p.idCell } });
    }
  }
  return out;
}

export function rollupWorkbooks(entries: readonly WorkbookEntry[], options: RollupOptions): PortfolioRollup {
  if (entries.length === 0) throw new Error("rollupWorkbooks needs at least one workbook");
  const base = entries[0];
  const consolidated = entries.length > 1;
  const resolved = resolveStandard(base.grids, options.standard);
  const asOf = resolveAsOf(base.grids, resolved.standard, options.asOf, options.today);
  const checks = entries.map(({ file, grids }) => ({
    file,
    check: checkWorkbook(grids, {
      standard: resolved.standard,
      asOf: asOf.day,
      today: options.today,
      source: consolidated ? file : undefined,
      fileName: file,
    }),
  }));
  const sink = new FindingSink(resolved.standard.severities);
  const clashes = consolidated ? clashFindings(checks, sink, resolved.standard) : [];
  const projects = checks.flatMap((c) => c.check.analysis.projects);
  const fileOf = (file: string) => (consolidated ? file : null);
  const input: RollupInput = {
    standard: resolved.standard,
    standardSource: resolved.source,
    asOf: asOf.day,
    asOfSource: asOf.source,
    refreshed: options.refreshed,
    projects,
    openRisks: checks.flatMap((c) => c.check.analysis.openRisks),
    figures: rollupFigures(projects),
    findings: [
      ...checks.flatMap((c) =>
        c.check.validation.findings.map((finding) => ({ file: fileOf(c.file), finding })),
      ),
      ...clashes,
    ],
    sources: checks.flatMap((c) =>
      c.check.analysis.sources.map((source) => ({ file: fileOf(c.file), source })),
    ),
    history: checks[0].check.analysis.history,
    names: assignSheetNames(base.grids.sheets),
    files: entries.map((e) => e.file),
  };
  // The plan is built when first asked for: validating needs only the findings sheet.
  let plan: WorkbookPlan | undefined;
  return {
    input,
    checks,
    get plan() {
      return (plan ??= buildWorkbookPlan(input));
    },
  };
}
