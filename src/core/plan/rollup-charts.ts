/**
 * The native charts of PMO Rollup, placed in the band of empty rows reserved for them under the
 * key figures and fed by the tables further down the same sheet, so both stay on the printed pages.
 */
import { a1 } from "../a1";
import type { Rag } from "../rollup/rag";
import { CHART_NAME_PREFIX, type ChartPlan, type ChartSeriesPlan } from "./chart-plan";
import { TREND_COL, type ThresholdLine } from "./rollup-trend-block";
import { CHART_COLORS, RAG_FILL, RAG_WORD } from "./styles";

/** Rows each band of charts takes. */
export const CHART_BAND_ROWS = 16;
/** Two bands: the RAG mix and the programmes' indices, then the trend over status dates. */
export const CHART_ROWS = 2 * CHART_BAND_ROWS;

/** The most programmes the SPI/CPI chart shows (the table lists them all). */
export const MAX_PROGRAMMES_CHARTED = 12;

export const RAG_ORDER: readonly Rag[] = ["green", "amber", "red", "grey"];

/** Where the tables the charts read are on the sheet (0-based rows of their first data row). */
export interface ChartSources {
  /** First row of the band reserved for the charts. */
  readonly band: number;
  /** The projects-and-budget-by-RAG table: four rows in RAG_ORDER; A label, B projects, D budget. */
  readonly ragRows: number;
  /** The trend block's first date row and how many dates. */
  readonly trendRows: number;
  readonly trendCount: number;
  /** The programme index table's first row and how many programmes; A label, B SPI, C CPI, then lines. */
  readonly programmeRows: number;
  readonly programmeCount: number;
  /** Whether any programme, and any status date, has an SPI or a CPI (else the chart says so). */
  readonly programmeIndices: boolean;
  readonly trendIndices: boolean;
  readonly lines: readonly ThresholdLine[];
}

/** "B12:B15": one column, `count` rows from `row`. */
function column(col: number, row: number, count: number): string {
  return `${a1(row, col)}:${a1(row + count - 1, col)}`;
}

export function rollupCharts(s: ChartSources): ChartPlan[] {
  const charts: ChartPlan[] = [];
  const top = s.band;
  const bottom = s.band + CHART_BAND_ROWS;
  const ragColors = RAG_ORDER.map((r) => RAG_FILL[r]);
  // Projects and budget by overall RAG: the same bar chart over two columns of the RAG table.
  const ragBars = (
    name: string,
    title: string,
    series: string,
    valueCol: number,
    cols: [number, number],
  ): ChartPlan => ({
    name: `${CHART_NAME_PREFIX}${name}`,
    title,
    categories: column(0, s.ragRows, 4),
    grouping: "clustered",
    series: [
      {
        name: series,
        values: column(valueCol, s.ragRows, 4),
        kind: "bar",
        color: RAG_FILL.grey,
        pointColors: ragColors,
        labels: true,
      },
    ],
    numFmt: "#,##0",
    from: { row: top, col: cols[0] },
    to: { row: bottom, col: cols[1] },
  });
  charts.push(ragBars("Projects by RAG", "Projects by overall RAG", "Projects", 1, [0, 2]));
  charts.push(ragBars("Budget by RAG", "Budget (BAC) by overall RAG", "Budget (BAC)", 3, [2, 5]));
  if (s.programmeCount > 0) {
    // A chart of hundreds of programmes reads as nothing: it shows those most off plan.
    const shown = Math.min(s.programmeCount, MAX_PROGRAMMES_CHARTED);
    const rows = (col: number) => column(col, s.programmeRows, shown);
    charts.push({
      name: `${CHART_NAME_PREFIX}SPI and CPI by programme`,
      title: !s.programmeIndices
        ? "SPI and CPI by programme: no programme has either yet"
        : shown < s.programmeCount
          ? `SPI and CPI: the ${shown} programmes lowest of ${s.programmeCount}`
          : "SPI and CPI by programme",
      categories: rows(0),
      grouping: "clustered",
      series: [
        { name: "SPI", values: rows(1), kind: "bar", color: CHART_COLORS.spi, labels: true },
        { name: "CPI", values: rows(2), kind: "bar", color: CHART_COLORS.cpi, labels: true },
        ...s.lines.map((l, i): ChartSeriesPlan => ({
          name: l.name,
          values: rows(3 + i),
          kind: "line",
          color: l.color,
          dash: l.dash,
        })),
      ],
      numFmt: "0.00",
      from: { row: top, col: 5 },
      to: { row: bottom, col: 12 },
    });
  }
  if (s.trendCount > 0) {
    const rows = (col: number) => column(col, s.trendRows, s.trendCount);
    charts.push({
      name: `${CHART_NAME_PREFIX}Projects by RAG over status dates`,
      title: "Projects by overall RAG, per status date",
      categories: rows(TREND_COL.date),
      grouping: "stacked",
      series: RAG_ORDER.map((r) => ({
        name: RAG_WORD[r],
        values: rows(TREND_COL[r]),
        kind: "bar" as const,
        color: RAG_FILL[r],
        labels: true,
      })),
      numFmt: "#,##0",
      from: { row: bottom, col: 0 },
      to: { row: bottom + CHART_BAND_ROWS, col: 3 },
    });
    charts.push({
      name: `${CHART_NAME_PREFIX}SPI and CPI over status dates`,
      title: s.trendIndices
        ? "Portfolio SPI and CPI, per status date"
        : "Portfolio SPI and CPI, per status date: no values yet",
      categories: rows(TREND_COL.date),
      grouping: "clustered",
      series: [
        { name: "SPI", values: rows(TREND_COL.spi), kind: "line", color: CHART_COLORS.spi, labels: true },
        { name: "CPI", values: rows(TREND_COL.cpi), kind: "line", color: CHART_COLORS.cpi, labels: true },
      ],
      numFmt: "0.00",
      from: { row: bottom, col: 3 },
      to: { row: bottom + CHART_BAND_ROWS, col: 9 },
    });
  }
  return charts;
}
