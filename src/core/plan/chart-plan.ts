/**
 * A ChartPlan says, declaratively, what native chart one of our sheets carries: its type, its
 * series as ranges of that sheet's own cells (so the chart follows every refresh), colours from
 * styles.ts, and the cells it covers. Both hosts draw the same charts from it: the .xlsx host as
 * DrawingML parts, the Excel host through its charts API, finding ours again by name.
 */

/** Every chart we own is named with this prefix; a chart without it is the user's. */
export const CHART_NAME_PREFIX = "PMO Rollup - ";

export interface ChartSeriesPlan {
  /** Legend text. */
  readonly name: string;
  /** A1 range of the values on the chart's sheet, one column (e.g. "C40:C43"). */
  readonly values: string;
  /** Drawn as bars (columns) or as a line over them. */
  readonly kind: "bar" | "line";
  /** RGB hex without # (from styles.ts). */
  readonly color: string;
  /** One colour per category (the traffic-light bars). */
  readonly pointColors?: readonly string[];
  /** A threshold line: dashed, no markers. */
  readonly dash?: "dash" | "dashDot";
  /** Values printed on the bars or points. */
  readonly labels?: boolean;
}

/** A cell position, 0-based. */
export interface ChartCell {
  readonly row: number;
  readonly col: number;
}

export interface ChartPlan {
  /** Unique, starts with CHART_NAME_PREFIX: how a host finds our chart again on refresh. */
  readonly name: string;
  readonly title: string;
  /** A1 range of the category labels (one column, as long as each series). */
  readonly categories: string;
  /** Bars side by side, or stacked into one bar per category. */
  readonly grouping: "clustered" | "stacked";
  readonly series: readonly ChartSeriesPlan[];
  /** Number format of the value axis and labels. */
  readonly numFmt: string;
  /** Top-left cell covered, and the cell just past the bottom-right corner (exclusive). */
  readonly from: ChartCell;
  readonly to: ChartCell;
}
