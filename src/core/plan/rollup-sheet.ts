/**
 * PMO Rollup: the portfolio on one page — KPIs, native charts, projects and budget by RAG, the
 * trend over status dates, a programme x dimension heat map, SPI and CPI by programme, the
 * watermelons, the top risks, and where the numbers came from.
 */
import { a1, parseA1 } from "../a1";
import { formatDay } from "../dates";
import type { GroupFigures } from "../metrics/aggregate";
import { isWatermelon, type ProjectRollup } from "../rollup/project-rollup";
import type { Rag } from "../rollup/rag";
import { RAG_DIMENSIONS } from "../standard/schema";
import { countFindings } from "../validate/finding";
import { projectRowCell, sortedProjects } from "./projects-sheet";
import { rebaselineSection } from "./rebaseline-section";
import type { RollupInput } from "./rollup-input";
import { cell, dateValue, type PlanCell, type SheetPlan } from "./sheet-plan";
import { RAG_WORD, ragLabel, ragStyleName } from "./styles";
import { basisCounts, basisNote } from "./index-basis-text";
import { CHART_ROWS, RAG_ORDER, rollupCharts } from "./rollup-charts";
import {
  byLowestIndex,
  programmeIndexRow,
  programmeLabels,
  thresholdLines,
  trendHeader,
  trendRow,
} from "./rollup-trend-block";
import { portfolioTrend } from "../rollup/portfolio-trend";
import { headerRow, numberCell, percentCell, ragCell, textCell } from "./table";

const WIDTH = 12; // columns A..L
const TOP_RISKS = 10;

/** "■ Red 2/7": the worst light of a group and how many of its projects have it. */
function heatCell(worst: Rag, counts: Record<Rag, number>, total: number): PlanCell {
  if (total === 0) return ragCell("grey");
  return cell(`${ragLabel(worst)} ${counts[worst]}/${total}`, ragStyleName(worst));
}

function heatRow(portfolio: string, g: GroupFigures): PlanCell[] {
  return [
    textCell(portfolio),
    textCell(g.name),
    numberCell(g.projects, "integer"),
    numberCell(g.bac, "money"),
    numberCell(g.spi, "index"),
    numberCell(g.cpi, "index"),
    ...RAG_DIMENSIONS.map((d) => heatCell(g.dimensions[d].worst, g.dimensions[d].counts, g.projects)),
    heatCell(g.worst, g.counts, g.projects),
    textCell(basisCounts(g)),
  ];
}

export function rollupSheet(input: RollupInput): SheetPlan {
  const rows: PlanCell[][] = [];
  const merges: string[] = [];
  const section = (title: string) => {
    rows.push([]);
    rows.push([cell(title, "section"), ...Array.from({ length: WIDTH - 1 }, () => cell(null, "section"))]);
  };
  const p = input.figures.portfolio;
  const counts = countFindings(input.findings.map((f) => f.finding));

  rows.push([cell("Portfolio rollup", "title")]);
  merges.push(`A1:${a1(0, WIDTH - 1)}`);
  rows.push([
    cell("Derived from the registers by PMO Rollup; this sheet is rewritten on every refresh.", "subtitle"),
  ]);
  rows.push([
    cell("Status date", "kpiLabel"),
    cell(dateValue(input.asOf), "date"),
    textCell(`from ${input.asOfSource}`, "subtitle"),
  ]);
  rows.push([
    cell("Standard", "kpiLabel"),
    textCell(`${input.standard.name} ${input.standard.version}`),
    textCell(`(${input.standardSource})`, "subtitle"),
  ]);
  rows.push([cell("Refreshed", "kpiLabel"), cell({ kind: "datetime", serial: input.refreshed }, "datetime")]);
  if (input.files.length > 1)
    rows.push([
      cell("Files", "kpiLabel"),
      textCell(`${input.files.length} workbooks consolidated: ${input.files.join(", ")}`),
    ]);

  section("Key figures");
  rows.push(
    ["Projects", "BAC", "AC", "EV", "PV", "SPI", "CPI", "Errors", "Warnings", "Watermelons"].map((h) =>
      cell(h, "kpiLabel"),
    ),
  );
  // Each with the cell of its row on PMO Projects (same order), for the link.
  const watermelons: { project: ProjectRollup; rowCell: string }[] = [];
  sortedProjects(input).forEach((project, i) => {
    if (isWatermelon(project)) watermelons.push({ project, rowCell: projectRowCell(i) });
  });
  rows.push([
    numberCell(p.projects, "kpiValue"),
    numberCell(p.bac, "kpiValue"),
    numberCell(p.ac, "kpiValue"),
    numberCell(p.ev, "kpiValue"),
    numberCell(p.pv, "kpiValue"),
    numberCell(p.spi, "kpiIndex"),
    numberCell(p.cpi, "kpiIndex"),
    numberCell(counts.errors, "kpiValue"),
    numberCell(counts.warnings, "kpiValue"),
    numberCell(watermelons.length, "kpiValue"),
  ]);
  // An index whose sums are not the EV, PV and AC above says what it rests on.
  for (const note of [
    basisNote("SPI", p.spi, p.spiBasis, p.projects),
    basisNote("CPI", p.cpi, p.cpiBasis, p.projects),
  ])
    if (note) rows.push([textCell(note, "subtitle")]);

  // The charts' band: empty rows the charts cover, above the tables that feed them.
  section("Charts (fed by the tables below)");
  const band = rows.length;
  for (let i = 0; i < CHART_ROWS; i++) rows.push([]);

  section("Projects and budget by overall RAG");
  rows.push(headerRow(["Overall RAG", "Projects", "Share", "Budget (BAC)", "Share of budget"]));
  const ragRows = rows.length;
  for (const rag of RAG_ORDER) {
    rows.push([
      ragCell(rag),
      numberCell(p.counts[rag], "integer"),
      numberCell(p.projects === 0 ? null : p.counts[rag] / p.projects, "percent"),
      numberCell(p.bac === null ? null : ((p.budgetShare[rag] ?? 0) * p.bac) / 100, "money"),
      percentCell(p.budgetShare[rag]),
    ]);
  }

  // Earlier dates from History; this date from this refresh's own figures (as History will hold it).
  const trend = portfolioTrend(
    input.history.filter((s) => s.statusDate !== input.asOf),
    { statusDate: input.asOf, figures: p, errors: counts.errors, watermelons: watermelons.length },
  );
  section(`Trend over status dates (${trend.length}, from ${input.names.history})`);
  rows.push(trendHeader());
  const trendRows = rows.length;
  for (const point of trend) rows.push(trendRow(point));

  section("Heat map: programmes by dimension (worst light, and how many projects have it)");
  rows.push(
    headerRow([
      "Portfolio",
      "Programme",
      "Projects",
      "BAC",
      "SPI",
      "CPI",
      "Schedule",
      "Cost",
      "Risk",
      "Governance",
      "Overall",
      "Indices over (projects)",
    ]),
  );
  for (const g of input.figures.programmes) rows.push(heatRow(g.portfolio, g));
  rows.push(
    heatRow("All", { ...p, name: "All programmes" }).map((c, i) =>
      i < 2 ? { ...c, style: "kpiLabel" as const } : c,
    ),
  );

  const lines = thresholdLines(input.standard);
  // Lowest index first: the chart shows the top of this table, the programmes most off plan.
  const labels = programmeLabels(input.figures.programmes);
  const byIndex = byLowestIndex(input.figures.programmes.map((g, i) => ({ g, label: labels[i] })));
  section("SPI and CPI by programme, against the green and amber thresholds (lowest of SPI and CPI first)");
  rows.push(headerRow(["Programme", "SPI", "CPI", ...lines.map((l) => l.name), "Indices over (projects)"]));
  const programmeRows = rows.length;
  for (const { g, label } of byIndex) rows.push(programmeIndexRow(label, g, lines));

  section(`Watermelons: reported green, derived red (${watermelons.length})`);
  rows.push(
    headerRow([
      "Project ID",
      "Project Name",
      "Programme",
      "Reported",
      "Derived",
      "SPI",
      "CPI",
      "Slip (days)",
      "Top risk score",
    ]),
  );
  if (watermelons.length === 0)
    rows.push([textCell("None: every project reported green is green by its numbers too.", "subtitle")]);
  for (const { project: w, rowCell } of watermelons) {
    rows.push([
      cell({ kind: "link", text: w.id, sheet: input.names.projects, cell: rowCell }, "link"),
      textCell(w.name),
      textCell(w.programme),
      cell(w.reported, ragStyleName("green")),
      ragCell(w.rag.overall),
      numberCell(w.metrics.spi, "index"),
      numberCell(w.metrics.cpi, "index"),
      numberCell(w.metrics.slipDays, "integer"),
      numberCell(w.metrics.maxRiskScore, "integer"),
    ]);
  }

  const rebaseline = rebaselineSection(input);
  section(rebaseline.title);
  rows.push(...rebaseline.rows);

  const topRisks = [...input.openRisks]
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, TOP_RISKS);
  section(`Top ${TOP_RISKS} open risks by score (of ${input.openRisks.length})`);
  rows.push(headerRow(["Risk ID", "Project ID", "Title", "Score", "Owner"]));
  for (const r of topRisks) {
    const local = r.source === null || r.source === input.files[0];
    const rag: Rag =
      r.score > input.standard.thresholds.risk.amberMaxScore
        ? "red"
        : r.score > input.standard.thresholds.risk.greenMaxScore
          ? "amber"
          : "green";
    rows.push([
      local ? cell({ kind: "link", text: r.id, sheet: r.sheet, cell: a1(r.row, 0) }, "link") : textCell(r.id),
      textCell(r.projectId),
      textCell(r.title),
      cell(r.score, ragStyleName(rag)),
      textCell(r.owner),
    ]);
  }

  section("Sources");
  rows.push(headerRow(["File", "Register", "Sheet", "Range", "Rows"]));
  for (const { file, source } of input.sources) {
    const local = file === null || file === input.files[0];
    const first = source.range.split(":")[0];
    rows.push([
      textCell(file ?? input.files[0]),
      textCell(source.register),
      textCell(source.sheet),
      local && parseA1(first)
        ? cell({ kind: "link", text: source.range, sheet: source.sheet, cell: first }, "link")
        : textCell(source.range),
      numberCell(source.rows, "integer"),
    ]);
  }
  rows.push([]);
  rows.push([
    textCell(
      `Lights: ${(["green", "amber", "red", "grey"] as const).map((r) => ragLabel(r)).join(", ")} (grey: not enough data to judge). Thresholds are the standard's; ${RAG_WORD.red} overall is the worst of schedule, cost, risk and governance.`,
      "subtitle",
    ),
  ]);
  rows.push([
    textCell(
      `Figures at ${formatDay(input.asOf)}. Indices are recomputed from summed EV, PV and AC, never averaged, over the projects that have both inputs (SPI: EV and PV; CPI: EV and AC).`,
      "subtitle",
    ),
  ]);

  const charts = rollupCharts({
    band,
    ragRows,
    trendRows,
    trendCount: trend.length,
    programmeRows,
    programmeCount: input.figures.programmes.length,
    programmeIndices: input.figures.programmes.some((g) => g.spi !== null || g.cpi !== null),
    trendIndices: trend.some((t) => t.figures.spi !== null || t.figures.cpi !== null),
    lines,
  });

  return {
    role: "rollup",
    name: input.names.rollup,
    rows,
    widths: [22, 30, 26, 15, 16, 12, 12, 12, 21, 13, 13, 42],
    merges,
    print: { landscape: true, fitToWidth: true },
    tabColor: "2E75B6",
    charts,
  };
}
