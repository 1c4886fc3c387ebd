/**
 * PMO Rollup's native charts in the Excel host, on the strict fake: after two refreshes at two
 * status dates the sheet carries its five charts, fed by its own cells, with the trend over both
 * dates; a chart found again by name is updated in place, never added twice.
 */
import { CHART_NAME_PREFIX } from "../../src/core/plan/chart-plan";
import { writeExcelCharts } from "../../src/excel/charts";
import { refreshRollup } from "../../src/host/refresh";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { day, PROJECT_HEADER, projectRow, sheet, workbook } from "../helpers/grids";
import { fakeFromGrids, hostOf } from "../helpers/fake-workbook";
import { rollupBytes } from "../helpers/rollup";
import { unzipSync } from "fflate";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";

const rows = [
  PROJECT_HEADER,
  projectRow("P1"),
  projectRow("P2", { Programme: "Billing", "% Complete": 0.1, "Reported RAG": "Green" }),
  projectRow("P3", { Programme: "Billing", "% Complete": "", Budget: 50_000 }),
];

async function twoRefreshes() {
  const fake = fakeFromGrids(workbook(sheet("Projects", rows)));
  const host = hostOf(fake);
  await refreshRollup(host, {
    file: "b.xlsx",
    today: day("2026-09-30"),
    asOf: day("2026-09-30"),
    now: 46300,
  });
  const second = await refreshRollup(host, {
    file: "b.xlsx",
    today: day("2026-10-30"),
    asOf: day("2026-10-30"),
    now: 46330,
  });
  return { fake, host, second };
}

describe("native charts on PMO Rollup (Excel host)", () => {
  it("after two refreshes at two dates: five charts, named as ours, fed by PMO Rollup's cells", async () => {
    const { fake, second } = await twoRefreshes();
    const charts = fake.workbook.sheet("PMO Rollup").charts;
    const plans = second.plan.sheets[0].charts!;
    expect(charts.map((c) => c.name)).toEqual(plans.map((p) => p.name));
    expect(charts.every((c) => c.name.startsWith(CHART_NAME_PREFIX))).toBe(true);
    charts.forEach((chart, i) => {
      const plan = plans[i];
      expect(chart.title).toBe(plan.title);
      expect(chart.series.map((s) => [s.name, s.values, s.xValues])).toEqual(
        plan.series.map((s) => [s.name, `PMO Rollup!${s.values}`, `PMO Rollup!${plan.categories}`]),
      );
      expect(chart.position).toEqual([
        `${String.fromCharCode(65 + plan.from.col)}${plan.from.row + 1}`,
        `${String.fromCharCode(64 + plan.to.col)}${plan.to.row}`,
      ]);
    });
    // The traffic-light bars, and the threshold lines drawn as dashed lines over the SPI/CPI bars.
    expect([...charts[0].series[0].pointFills.values()]).toEqual([
      "#A6DBA0",
      "#FDB863",
      "#B2182B",
      "#D9D9D9",
    ]);
    expect(charts[0].series[0].hasDataLabels).toBe(true);
    const lines = charts[2].series.filter((s) => s.chartType === "Line");
    expect(lines.map((s) => [s.name, s.lineStyle])).toEqual([
      ["Green from 0.95", "Dash"],
      ["Amber from 0.85", "DashDot"],
    ]);
  });

  it("reads the trend over both dates from the cells the trend chart points at", async () => {
    const { fake } = await twoRefreshes();
    const rollup = fake.workbook.sheet("PMO Rollup");
    const trend = rollup.charts.find(
      (c) => c.name.endsWith("over status dates") && c.type === "ColumnStacked",
    )!;
    const [, from, to] = /!A(\d+):A(\d+)$/.exec(trend.series[0].xValues!)!;
    const grid = rollup.grid();
    const dates = grid.slice(Number(from) - 1, Number(to)).map((r) => r[0]);
    expect(dates).toEqual([46295, 46325]);
    expect(String(grid[Number(to) - 1][11])).toMatch(/better|same|worse/);
  });

  it("updates a chart found by name in place, never adds a second one", async () => {
    const { fake, host, second } = await twoRefreshes();
    const before = fake.workbook.sheet("PMO Rollup").charts.length;
    // The sheet is kept (as a host that rewrites in place would): the same charts are found again.
    await writeExcelCharts(fake.api() as unknown as typeof Excel, second.plan);
    await writeExcelCharts(fake.api() as unknown as typeof Excel, second.plan);
    const charts = fake.workbook.sheet("PMO Rollup").charts;
    expect(charts).toHaveLength(before);
    expect(new Set(charts.map((c) => c.name)).size).toBe(before);
    expect(charts[2].series).toHaveLength(second.plan.sheets[0].charts![2].series.length);
    // A refresh through the host leaves one set too.
    await refreshRollup(host, {
      file: "b.xlsx",
      today: day("2026-10-30"),
      asOf: day("2026-10-30"),
      now: 46331,
    });
    expect(fake.workbook.sheet("PMO Rollup").charts).toHaveLength(before);
  });

  it("draws the same charts as the .xlsx host: both from the one plan", async () => {
    const { second } = await twoRefreshes();
    const bytes = rollupBytes(
      rollupBytes(await writeSimpleWorkbook([{ name: "Projects", rows }]), 46300, "2026-09-30"),
      46330,
      "2026-10-30",
    );
    const xml = Object.values(unzipSync(bytes))
      .map((b) => new TextDecoder().decode(b))
      .filter((x) => x.includes("<c:chartSpace"));
    expect(xml).toHaveLength(second.plan.sheets[0].charts!.length);
    for (const plan of second.plan.sheets[0].charts!)
      expect(
        xml.some((x) => x.includes(`$${plan.series[0].values.split(":")[0].replace(/(\d+)$/, "$$$1")}`)),
      ).toBe(true);
    expect(readWorkbook(bytes).grids.sheets.map((s) => s.name)).toContain("PMO Rollup");
  });
});
