/**
 * The whole analysis of one workbook: validation, then metrics and RAG per project, the rules
 * that need RAG, trends from the workbook's own history, and the group figures.
 */
import { columnLetter } from "../a1";
import type { DayNumber } from "../dates";
import type { WorkbookGrids } from "../grid";
import { linkProjects, projectMetrics, riskScore } from "../metrics/project-metrics";
import { ragEntryFor } from "../register/coerce";
import { matchKey } from "../register/normalize";
import {
  columnOf,
  isClosedRow,
  isOpportunity,
  sheetOf,
  textOf,
  type RegisterTable,
} from "../register/register-table";
import type { Standard } from "../standard/schema";
import { RowReporter } from "../validate/rule";
import type { Validation } from "../validate/validate-workbook";
import { approvalsByProject, changeControl, CHANGES_REGISTER, finishHeld } from "./change-control";
import { previousSnapshots, readHistory, trendOf, type HistorySnapshot } from "./history";
import type { ProjectRollup } from "./project-rollup";
import { deriveRags } from "./rag";
import { RAG_RULES } from "./rag-rules";

export const OWNED_ROLES = {
  rollup: "PMO Rollup",
  projects: "PMO Projects",
  findings: "PMO Findings",
  history: "PMO History",
} as const;
export type OwnedRole = keyof typeof OWNED_ROLES;

export interface RegisterSource {
  readonly register: string;
  readonly sheet: string;
  readonly range: string;
  readonly rows: number;
}

/** An open risk, for the rollup's top-risks table. */
export interface OpenRisk {
  readonly id: string;
  readonly projectId: string;
  readonly title: string;
  readonly owner: string | null;
  readonly score: number;
  readonly sheet: string;
  /** 0-based sheet row. */
  readonly row: number;
  readonly source: string | null;
}

export interface WorkbookAnalysis {
  readonly projects: ProjectRollup[];
  readonly openRisks: OpenRisk[];
  readonly history: HistorySnapshot[];
  readonly sources: RegisterSource[];
}

function projectsOf(
  table: RegisterTable,
  validation: Validation,
  standard: Standard,
  asOf: DayNumber,
  history: readonly HistorySnapshot[],
  source: string | null,
): ProjectRollup[] {
  const links = linkProjects(table, validation.registers);
  const previous = previousSnapshots(history, asOf);
  const approvals = approvalsByProject(validation.registers[CHANGES_REGISTER]);
  const out: ProjectRollup[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    const id = textOf(row, "id");
    if (id === null) continue; // a row without an ID has its finding; it cannot be rolled up
    const key = matchKey(id) || id;
    const before = previous.size > 0 ? previous.get(key) : undefined;
    const control = changeControl(row, before, approvals.get(key), asOf);
    // A baseline finish moved without an approved change is not yet the baseline: judge against the old one.
    const held = finishHeld(control) ? control.inForce.finish : undefined;
    const metrics = projectMetrics(table, i, validation.registers, links, standard, asOf, held);
    const rag = deriveRags(metrics, row.errors, standard);
    const reported = textOf(row, "reportedRag");
    out.push({
      id,
      name: textOf(row, "name") ?? "",
      portfolio: textOf(row, "portfolio"),
      programme: textOf(row, "programme"),
      manager: textOf(row, "manager"),
      sheet: sheetOf(table, row),
      row: row.row,
      idCell: `${columnLetter(columnOf(table, row, "id")?.col ?? 0)}${row.row + 1}`,
      source,
      reported,
      reportedRag: reported === null ? null : (ragEntryFor(reported, standard.ragScale)?.rag ?? null),
      rag,
      metrics,
      trend: trendOf(rag.overall, before?.overall),
      previous: before?.overall ?? null,
      baseline: control.inForce,
      baselineMoves: control.moves,
    });
  }
  return out;
}

/** Metrics, RAG, RAG findings (added to `validation`) and trends for one validated workbook. */
export function analyseRegisters(
  workbook: WorkbookGrids,
  validation: Validation,
  standard: Standard,
  asOf: DayNumber,
  source: string | null = null,
): WorkbookAnalysis {
  const historyGrid = workbook.sheets.find((s) => s.ownedRole === "history");
  const history = readHistory(historyGrid, workbook.date1904);
  const table = validation.registers.projects;
  const projects = table ? projectsOf(table, validation, standard, asOf, history, source) : [];
  const reporter = new RowReporter(validation.sink);
  for (const rule of RAG_RULES) rule.check({ registers: validation.registers, projects }, reporter);
  const risks = validation.registers.risks;
  const openRisks: OpenRisk[] = [];
  for (const row of risks?.rows ?? []) {
    const score = riskScore(row);
    const id = textOf(row, "riskId");
    if (!risks || score === null || id === null || isClosedRow(risks, row) || isOpportunity(row)) continue;
    openRisks.push({
      id,
      projectId: textOf(row, "projectId") ?? "",
      title: textOf(row, "title") ?? "",
      owner: textOf(row, "owner"),
      score,
      sheet: sheetOf(risks, row),
      row: row.row,
      source,
    });
  }
  // A register over several sheets is listed once per sheet, each with its own rows.
  const sources = Object.entries(validation.registers).flatMap(([register, t]) =>
    t
      ? [
          { register, sheet: t.sheet, range: t.range, rows: t.rows.filter((r) => !r.part).length },
          ...(t.parts ?? []).map((p) => ({
            register,
            sheet: p.sheet,
            range: p.range,
            rows: t.rows.filter((r) => r.part === p).length,
          })),
        ]
      : [],
  );
  return { projects, openRisks, history, sources };
}
