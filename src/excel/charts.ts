/**
 * Our sheets' native charts through Excel's charts API, drawn after the sheets are in place.
 * Each ChartPlan's chart is found by its name on the sheet: updated in place when it is there
 * (its data reset to the plan's, then styled again), added otherwise, so a refresh never makes a
 * second one. Two syncs for all the charts, one on sheets the swap has just put in place. ExcelApi 1.7 (series.add, chartType per
 * series, line styles, data labels per series), which the manifest requires.
 */
import { a1 } from "../core/a1";
import type { ChartPlan, ChartSeriesPlan } from "../core/plan/chart-plan";
import type { SheetPlan, WorkbookPlan } from "../core/plan/sheet-plan";

type ChartTypeName = "LineMarkers" | "ColumnStacked" | "ColumnClustered";

function chartType(chart: ChartPlan): ChartTypeName {
  if (chart.series.every((s) => s.kind === "line")) return "LineMarkers";
  return chart.grouping === "stacked" ? "ColumnStacked" : "ColumnClustered";
}

const LINE_STYLE: Record<NonNullable<ChartSeriesPlan["dash"]>, "Dash" | "DashDot"> = {
  dash: "Dash",
  dashDot: "DashDot",
};

function styleSeries(
  series: Excel.ChartSeries,
  plan: ChartSeriesPlan,
  index: number,
  chart: ChartPlan,
  ws: Excel.Worksheet,
): void {
  series.name = plan.name;
  series.setXAxisValues(ws.getRange(chart.categories));
  const colour = `#${plan.color}`;
  if (plan.kind === "bar") {
    series.format.fill.setSolidColor(colour);
    series.format.line.color = "#404040"; // a dark outline: light bars still read in grey print
    (plan.pointColors ?? []).forEach((c, i) => series.points.getItemAt(i).format.fill.setSolidColor(`#${c}`));
  } else {
    if (chart.series.some((s) => s.kind === "bar")) series.chartType = "Line";
    series.format.line.color = colour;
    series.format.line.lineStyle = plan.dash ? LINE_STYLE[plan.dash] : "Continuous";
    series.markerStyle = plan.dash ? "None" : index % 2 === 0 ? "Circle" : "Square";
    if (!plan.dash) {
      series.markerBackgroundColor = colour;
      series.markerForegroundColor = colour;
    }
  }
  series.hasDataLabels = plan.labels === true;
}

/** The chart's data, title, place and looks, whether it was just added or found again. */
function drawChart(chart: Excel.Chart, plan: ChartPlan, ws: Excel.Worksheet): void {
  chart.name = plan.name;
  chart.title.text = plan.title;
  chart.title.format.font.size = 12;
  chart.title.format.font.bold = true;
  chart.setPosition(a1(plan.from.row, plan.from.col), a1(plan.to.row - 1, plan.to.col - 1));
  chart.legend.visible = plan.series.length > 1;
  chart.legend.position = "Bottom";
  chart.axes.categoryAxis.categoryType = "TextAxis"; // status dates as labels, not a time scale
  plan.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    if (i > 0) series.setValues(ws.getRange(s.values));
    styleSeries(series, s, i, plan, ws);
  });
}

/**
 * Adds or updates, by name, every chart the plan's sheets carry. `fresh`: the sheets were just
 * written as new ones (the swap), so no chart of ours is there yet and they are added in one sync.
 */
export async function writeExcelCharts(
  excel: typeof Excel,
  plan: WorkbookPlan,
  fresh = false,
): Promise<void> {
  const charted = plan.sheets.filter((s): s is SheetPlan & { charts: readonly ChartPlan[] } =>
    Boolean(s.charts && s.charts.length > 0),
  );
  if (charted.length === 0) return;
  try {
    await excel.run({ delayForCellEdit: true }, async (context) => {
      const found = charted.flatMap((sheetPlan) => {
        const ws = context.workbook.worksheets.getItem(sheetPlan.name);
        return sheetPlan.charts.map((chartPlan) => {
          const existing = fresh ? null : ws.charts.getItemOrNullObject(chartPlan.name);
          existing?.load("name");
          return { ws, chartPlan, existing };
        });
      });
      if (!fresh) await context.sync();
      for (const { ws, chartPlan, existing } of found) {
        const first = ws.getRange(chartPlan.series[0].values);
        let chart: Excel.Chart;
        if (!existing || existing.isNullObject) chart = ws.charts.add(chartType(chartPlan), first, "Columns");
        else {
          // Found again: its data reset to the first series (the others are added below).
          chart = existing;
          chart.chartType = chartType(chartPlan);
          chart.setData(first, "Columns");
        }
        drawChart(chart, chartPlan, ws);
      }
      await context.sync();
    });
  } catch (e) {
    throw new Error(
      `The rollup sheets were written, but their charts could not be drawn (${(e as Error).message}).`,
      { cause: e },
    );
  }
}
