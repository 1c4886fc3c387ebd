/**
 * The portfolio over its status dates, from PMO History: per date, projects by overall RAG, the
 * portfolio's SPI and CPI (re-summed from the projects' EV, PV and AC by the same rule as the key
 * figures), error findings and watermelons, each judged better, same or worse than the date before.
 */
import type { DayNumber } from "../dates";
import { aggregate, type GroupFigures } from "../metrics/aggregate";
import type { HistorySnapshot, Trend } from "./history";

export const TREND_MEASURES = ["rag", "spi", "cpi", "errors", "watermelons"] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

export interface TrendPoint {
  readonly statusDate: DayNumber;
  readonly figures: GroupFigures;
  /** Error findings in the workbook at that date; null when the snapshot predates the column. */
  readonly errors: number | null;
  readonly watermelons: number;
  /** Each measure against the previous date; null for the first date. */
  readonly against: Readonly<Record<TrendMeasure, Trend>> | null;
}

/** One snapshot per status date: the rows of its latest refresh (older sheets may hold several). */
function snapshotsByDate(history: readonly HistorySnapshot[]): Map<DayNumber, HistorySnapshot[]> {
  const latest = new Map<DayNumber, number>();
  for (const s of history)
    latest.set(s.statusDate, Math.max(latest.get(s.statusDate) ?? -Infinity, s.refreshed));
  const out = new Map<DayNumber, HistorySnapshot[]>();
  for (const s of history) {
    if (s.refreshed !== latest.get(s.statusDate)) continue;
    const list = out.get(s.statusDate);
    if (list) list.push(s);
    else out.set(s.statusDate, [s]);
  }
  return out;
}

/** Lower is better (errors, watermelons); compared as whole numbers. */
function fewer(now: number | null, before: number | null): Trend {
  if (now === null || before === null) return "new";
  return now < before ? "better" : now > before ? "worse" : "same";
}

/** Higher is better, compared at the two decimals the sheet shows. */
function higherIndex(now: number | null, before: number | null): Trend {
  if (now === null || before === null) return "new";
  const a = Math.round(now * 100);
  const b = Math.round(before * 100);
  return a > b ? "better" : a < b ? "worse" : "same";
}

/** Fewer red projects is better; with as many red, fewer amber is. */
function ragDirection(now: GroupFigures, before: GroupFigures): Trend {
  const red = fewer(now.counts.red, before.counts.red);
  return red !== "same" ? red : fewer(now.counts.amber, before.counts.amber);
}

/** A date's figures before it is compared with the one before. */
export type TrendFigures = Omit<TrendPoint, "against">;

function figuresOf(date: DayNumber, snaps: readonly HistorySnapshot[]): TrendFigures {
  const figures = aggregate(
    "Portfolio",
    snaps.map((s) => ({
      metrics: { bac: null, ev: s.ev, pv: s.pv, ac: s.ac },
      rag: { overall: s.overall, schedule: s.schedule, cost: s.cost, risk: s.risk, governance: s.governance },
    })),
  );
  return {
    statusDate: date,
    figures,
    errors: snaps[0]?.workbookErrors ?? null,
    watermelons: snaps.filter((s) => s.reported === "green" && s.overall === "red").length,
  };
}

/**
 * One point per status date of `history`, with `current` (this refresh's figures, computed from
 * its projects by the same rule, so no snapshot per project is built for it) in its date's place.
 */
export function portfolioTrend(history: readonly HistorySnapshot[], current?: TrendFigures): TrendPoint[] {
  const byDate = snapshotsByDate(history);
  const dates = new Set(byDate.keys());
  if (current) dates.add(current.statusDate);
  const points: TrendPoint[] = [];
  for (const date of [...dates].sort((a, b) => a - b)) {
    const { figures, errors, watermelons } =
      current && current.statusDate === date ? current : figuresOf(date, byDate.get(date) ?? []);
    const prev = points[points.length - 1];
    points.push({
      statusDate: date,
      figures,
      errors,
      watermelons,
      against: prev
        ? {
            rag: ragDirection(figures, prev.figures),
            spi: higherIndex(figures.spi, prev.figures.spi),
            cpi: higherIndex(figures.cpi, prev.figures.cpi),
            errors: fewer(errors, prev.errors),
            watermelons: fewer(watermelons, prev.watermelons),
          }
        : null,
    });
  }
  return points;
}
