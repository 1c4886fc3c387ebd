/** PMO Projects: one row per project, derived RAG per dimension beside the reported one, key metrics. */
import { a1 } from "../a1";
import { formatDay } from "../dates";
import { heldFinishNote, movesText } from "../rollup/baseline-changed";
import type { Trend } from "../rollup/history";
import type { ProjectRollup } from "../rollup/project-rollup";
import { ragRank } from "../rollup/rag";
import type { RollupInput } from "./rollup-input";
import { cell, tableRows, type PlanCell, type SheetPlan } from "./sheet-plan";
import { headerRow, numberCell, percentCell, ragCell, textCell } from "./table";

const TREND_TEXT: Record<Trend, string> = {
  better: "↑ better",
  same: "→ same",
  worse: "↓ worse",
  new: "new",
};

interface Column {
  readonly header: string;
  readonly width: number;
  readonly value: (p: ProjectRollup) => PlanCell;
}

/** Links go back to the register row, when that register is in this workbook (the base one). */
function idCell(p: ProjectRollup, baseFile: string): PlanCell {
  return p.source === null || p.source === baseFile
    ? cell({ kind: "link", text: p.id, sheet: p.sheet, cell: p.idCell }, "link")
    : textCell(p.id);
}

/** How the baseline moved since the previous status date, and what the schedule is judged against. */
function baselineChangeCell(p: ProjectRollup): PlanCell {
  if (p.baselineMoves.length === 0) return textCell(null);
  const held = heldFinishNote(p);
  return textCell(`${movesText(p.baselineMoves)}${held ? `; schedule ${held}` : ""}`);
}

const COLUMNS: readonly Column[] = [
  { header: "Project Name", width: 34, value: (p) => textCell(p.name) },
  { header: "Portfolio", width: 18, value: (p) => textCell(p.portfolio) },
  { header: "Programme", width: 22, value: (p) => textCell(p.programme) },
  { header: "Project Manager", width: 18, value: (p) => textCell(p.manager) },
  {
    header: "Reported",
    width: 13,
    value: (p) => (p.reportedRag ? { ...ragCell(p.reportedRag), value: p.reported } : textCell(p.reported)),
  },
  { header: "Overall", width: 11, value: (p) => ragCell(p.rag.overall) },
  { header: "Trend", width: 10, value: (p) => textCell(TREND_TEXT[p.trend]) },
  { header: "Schedule", width: 11, value: (p) => ragCell(p.rag.schedule) },
  { header: "Cost", width: 11, value: (p) => ragCell(p.rag.cost) },
  { header: "Risk", width: 11, value: (p) => ragCell(p.rag.risk) },
  { header: "Governance", width: 12, value: (p) => ragCell(p.rag.governance) },
  { header: "% Complete", width: 10, value: (p) => percentCell(p.metrics.percentComplete) },
  { header: "Planned %", width: 10, value: (p) => percentCell(p.metrics.plannedPercent) },
  { header: "BAC", width: 14, value: (p) => numberCell(p.metrics.bac, "money") },
  { header: "AC", width: 14, value: (p) => numberCell(p.metrics.ac, "money") },
  { header: "EV", width: 14, value: (p) => numberCell(p.metrics.ev, "money") },
  { header: "PV", width: 14, value: (p) => numberCell(p.metrics.pv, "money") },
  { header: "SPI", width: 7, value: (p) => numberCell(p.metrics.spi, "index") },
  { header: "CPI", width: 7, value: (p) => numberCell(p.metrics.cpi, "index") },
  { header: "EAC", width: 14, value: (p) => numberCell(p.metrics.eac, "money") },
  { header: "VAC", width: 14, value: (p) => numberCell(p.metrics.vac, "money") },
  { header: "TCPI", width: 7, value: (p) => numberCell(p.metrics.tcpi, "index") },
  { header: "Slip (days)", width: 9, value: (p) => numberCell(p.metrics.slipDays, "integer") },
  { header: "Days since update", width: 10, value: (p) => numberCell(p.metrics.daysSinceUpdate, "integer") },
  { header: "Open risks", width: 8, value: (p) => numberCell(p.metrics.openRisks, "integer") },
  { header: "Top risk score", width: 8, value: (p) => numberCell(p.metrics.maxRiskScore, "integer") },
  {
    header: "Open issues",
    width: 8,
    value: (p) =>
      numberCell(
        Object.values(p.metrics.openIssues).reduce((a, b) => a + b, 0),
        "integer",
      ),
  },
  {
    header: "Overdue milestones",
    width: 10,
    value: (p) => numberCell(p.metrics.overdueMilestones, "integer"),
  },
  { header: "Data quality", width: 9, value: (p) => percentCell(p.metrics.dataQuality) },
  { header: "Baseline change", width: 40, value: baselineChangeCell },
];

const collatorOrder = new Intl.Collator("en", { numeric: true }).compare;

/** Where the trailing run of digits starts, or -1 when there is none or it has a leading zero. */
function numberSuffixStart(s: string): number {
  let i = s.length;
  while (i > 0 && s.charCodeAt(i - 1) >= 48 && s.charCodeAt(i - 1) <= 57) i--;
  if (i === s.length || (s.charCodeAt(i) === 48 && s.length - i > 1)) return -1;
  return i;
}

/**
 * Natural order (PRJ-9 before PRJ-10), exactly as the numeric collator orders it. IDs made of
 * the same text and a different trailing number, nearly every pair a sort compares, are
 * ordered by that number directly: the collator costs a microsecond a call, and a sort of a
 * million projects makes twenty million calls.
 */
export function naturalOrder(a: string, b: string): number {
  const start = numberSuffixStart(a);
  if (start >= 0 && start === numberSuffixStart(b)) {
    let samePrefix = true;
    for (let i = 0; i < start; i++)
      if (a.charCodeAt(i) !== b.charCodeAt(i)) {
        samePrefix = false;
        break;
      }
    if (samePrefix) {
      // Digit runs without leading zeros: the longer is the larger, else the first differing digit.
      if (a.length !== b.length) return a.length < b.length ? -1 : 1;
      return a < b ? -1 : a > b ? 1 : 0;
    }
  }
  return collatorOrder(a, b);
}

/** Red first, then amber, green, grey; by ID within each (PRJ-9 before PRJ-10). */
export function projectOrder(a: ProjectRollup, b: ProjectRollup): number {
  const rank = (p: ProjectRollup) => (p.rag.overall === "grey" ? 3 : 2 - ragRank(p.rag.overall));
  return rank(a) - rank(b) || naturalOrder(a.id, b.id) || naturalOrder(a.source ?? "", b.source ?? "");
}

export const PROJECTS_HEADER_ROW = 3; // 1-based

const sortedCache = new WeakMap<RollupInput, ProjectRollup[]>();

/** The input's projects in sheet order, sorted once however many sheets ask. */
export function sortedProjects(input: RollupInput): ProjectRollup[] {
  let sorted = sortedCache.get(input);
  if (!sorted) {
    sorted = [...input.projects].sort(projectOrder);
    sortedCache.set(input, sorted);
  }
  return sorted;
}

export function projectsSheet(input: RollupInput): SheetPlan {
  const consolidated = input.files.length > 1;
  const id: Column = { header: "Project ID", width: 12, value: (p) => idCell(p, input.files[0]) };
  const source: Column = {
    header: "Source file",
    width: 24,
    value: (p) => textCell(p.source ?? input.files[0]),
  };
  const columns: Column[] = consolidated ? [id, ...COLUMNS, source] : [id, ...COLUMNS];
  const projects = sortedProjects(input);
  const head: PlanCell[][] = [
    [cell(`Projects — derived RAG at ${formatDay(input.asOf)}`, "title")],
    [
      cell(
        `${projects.length} projects · ${input.standard.name} ${input.standard.version} · the register is the source: edit it, not this sheet`,
        "subtitle",
      ),
    ],
    headerRow(columns.map((c) => c.header)),
  ];
  const rows = tableRows(head, projects, (p) => columns.map((c) => c.value(p)));
  const last = Math.max(PROJECTS_HEADER_ROW, rows.length);
  return {
    role: "projects",
    name: input.names.projects,
    rows,
    widths: columns.map((c) => c.width),
    merges: [],
    freeze: { rows: PROJECTS_HEADER_ROW, cols: 2 },
    autoFilter: `A${PROJECTS_HEADER_ROW}:${a1(last - 1, columns.length - 1)}`,
    print: { landscape: true, fitToWidth: true, repeatRows: [PROJECTS_HEADER_ROW, PROJECTS_HEADER_ROW] },
    tabColor: "1F3864",
  };
}

/** The cell of the i-th project's row (in sortedProjects order) on PMO Projects, for links to it. */
export function projectRowCell(i: number): string {
  return `A${PROJECTS_HEADER_ROW + 1 + i}`;
}
