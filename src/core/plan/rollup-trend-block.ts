/**
 * The trend block of PMO Rollup: one row per status date in PMO History (latest last) with
 * projects by overall RAG, the portfolio's SPI and CPI, errors, watermelons, and how the date
 * compares with the one before; and the per-programme index table the SPI/CPI chart draws.
 */
import type { GroupFigures } from "../metrics/aggregate";
import { TREND_MEASURES, type TrendMeasure, type TrendPoint } from "../rollup/portfolio-trend";
import type { Trend } from "../rollup/history";
import type { Standard } from "../standard/schema";
import { basisCounts } from "./index-basis-text";
import { cell, dateValue, type PlanCell } from "./sheet-plan";
import { CHART_COLORS } from "./styles";
import { headerRow, numberCell, textCell } from "./table";

export const TREND_HEADERS = [
  "Status date",
  "Projects",
  "Green",
  "Amber",
  "Red",
  "Grey",
  "SPI",
  "CPI",
  "Indices over (projects)",
  "Errors",
  "Watermelons",
  "Against the previous date",
] as const;

/** Column of each figure in the trend block (0-based), for the charts. */
export const TREND_COL = { date: 0, green: 2, amber: 3, red: 4, grey: 5, spi: 6, cpi: 7 } as const;

const MEASURE_WORD: Record<TrendMeasure, string> = {
  rag: "RAG mix",
  spi: "SPI",
  cpi: "CPI",
  errors: "errors",
  watermelons: "watermelons",
};

/** "better: SPI, CPI · worse: RAG mix · same: errors, watermelons". */
export function againstText(against: TrendPoint["against"]): string {
  if (!against) return "first status date";
  const groups: [Trend, string][] = [
    ["better", "better"],
    ["worse", "worse"],
    ["same", "same"],
    ["new", "not comparable"],
  ];
  return groups
    .map(([trend, word]) => {
      const measures = TREND_MEASURES.filter((m) => against[m] === trend).map((m) => MEASURE_WORD[m]);
      return measures.length > 0 ? `${word}: ${measures.join(", ")}` : "";
    })
    .filter(Boolean)
    .join(" · ");
}

export function trendHeader(): PlanCell[] {
  return headerRow([...TREND_HEADERS]);
}

export function trendRow(point: TrendPoint): PlanCell[] {
  const f = point.figures;
  return [
    cell(dateValue(point.statusDate), "date"),
    numberCell(f.projects, "integer"),
    numberCell(f.counts.green, "integer"),
    numberCell(f.counts.amber, "integer"),
    numberCell(f.counts.red, "integer"),
    numberCell(f.counts.grey, "integer"),
    numberCell(f.spi, "index"),
    numberCell(f.cpi, "index"),
    textCell(basisCounts(f)),
    numberCell(point.errors, "integer"),
    numberCell(point.watermelons, "integer"),
    textCell(againstText(point.against), "wrapText"),
  ];
}

export interface ThresholdLine {
  readonly name: string;
  readonly value: number;
  readonly color: string;
  readonly dash: "dash" | "dashDot";
}

/** The green and amber lines of the SPI/CPI chart: one pair, or two when SPI's and CPI's differ. */
export function thresholdLines(standard: Standard): ThresholdLine[] {
  const s = standard.thresholds.schedule;
  const c = standard.thresholds.cost;
  const line = (name: string, value: number, level: "green" | "amber"): ThresholdLine => ({
    name: `${name} ${value.toFixed(2)}`,
    value,
    color: level === "green" ? CHART_COLORS.greenLine : CHART_COLORS.amberLine,
    dash: level === "green" ? "dash" : "dashDot",
  });
  if (s.green.spi === c.green.cpi && s.amber.spi === c.amber.cpi)
    return [line("Green from", s.green.spi, "green"), line("Amber from", s.amber.spi, "amber")];
  return [
    line("SPI green from", s.green.spi, "green"),
    line("SPI amber from", s.amber.spi, "amber"),
    line("CPI green from", c.green.cpi, "green"),
    line("CPI amber from", c.amber.cpi, "amber"),
  ];
}

/** Programme labels: the name, or "Portfolio / Programme" when a name is used in two portfolios. */
export function programmeLabels(programmes: readonly (GroupFigures & { portfolio: string })[]): string[] {
  const seen = new Map<string, number>();
  for (const g of programmes) seen.set(g.name, (seen.get(g.name) ?? 0) + 1);
  return programmes.map((g) => ((seen.get(g.name) ?? 0) > 1 ? `${g.portfolio} / ${g.name}` : g.name));
}

export function programmeIndexRow(
  label: string,
  g: GroupFigures,
  lines: readonly ThresholdLine[],
): PlanCell[] {
  return [
    textCell(label),
    numberCell(g.spi, "index"),
    numberCell(g.cpi, "index"),
    ...lines.map((l) => numberCell(l.value, "index")),
    textCell(basisCounts(g)),
  ];
}

/** Programmes by the lower of their SPI and CPI, lowest first; those with neither last, in order. */
export function byLowestIndex<T extends { g: GroupFigures }>(items: readonly T[]): T[] {
  const key = ({ g }: T) => {
    const known = [g.spi, g.cpi].filter((v): v is number => v !== null);
    return known.length > 0 ? Math.min(...known) : Infinity;
  };
  return items
    .map((item, i) => ({ item, i, k: key(item) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.item);
}
