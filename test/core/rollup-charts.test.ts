import { CHART_NAME_PREFIX } from "../../src/core/plan/chart-plan";
import { CHART_ROWS, MAX_PROGRAMMES_CHARTED } from "../../src/core/plan/rollup-charts";
import { parseA1 } from "../../src/core/a1";
import { planRows } from "../../src/core/plan/sheet-plan";
import { rollupWorkbooks } from "../../src/core/rollup/portfolio-rollup";
import { day, PROJECT_HEADER, projectRow, sheet, workbook } from "../helpers/grids";

function rollupOf(programmes: number) {
  const rows = [PROJECT_HEADER];
  for (let i = 0; i < programmes; i++)
    rows.push(
      projectRow(`P${i}`, { Programme: `Prog ${String(i).padStart(2, "0")}`, "% Complete": 0.2 + i * 0.01 }),
    );
  return rollupWorkbooks([{ file: "b.xlsx", grids: workbook(sheet("Projects", rows)) }], {
    today: day("2026-10-30"),
    asOf: day("2026-10-30"),
    refreshed: 1,
  }).plan.sheets[0];
}

describe("the charts of PMO Rollup, as planned", () => {
  it("point at cells that hold what their series say, and sit in the reserved band", () => {
    const plan = rollupOf(3);
    const rows = planRows(plan.rows);
    const charts = plan.charts!;
    expect(charts).toHaveLength(5);
    const band = charts[0].from.row;
    for (const c of charts) {
      expect(c.name.startsWith(CHART_NAME_PREFIX)).toBe(true);
      expect(c.from.row).toBeGreaterThanOrEqual(band);
      expect(c.to.row).toBeLessThanOrEqual(band + CHART_ROWS);
      expect(c.to.col).toBeLessThanOrEqual(plan.widths.length);
      for (let r = band; r < band + CHART_ROWS; r++) expect(rows[r]).toEqual([]); // nothing under a chart
      for (const s of c.series) {
        const [from, to] = s.values.split(":").map((a) => parseA1(a)!);
        expect(to.row - from.row).toBe(
          parseA1(c.categories.split(":")[1])!.row - parseA1(c.categories.split(":")[0])!.row,
        );
        for (let r = from.row; r <= to.row; r++) {
          const v = rows[r][from.col]?.value;
          expect(v === undefined || v === null || typeof v === "number").toBe(true);
        }
      }
    }
    const ragLabels = (() => {
      const at = parseA1(charts[0].categories.split(":")[0])!;
      return [0, 1, 2, 3].map((i) => rows[at.row + i][at.col]!.value);
    })();
    expect(ragLabels).toEqual(["● Green", "▲ Amber", "■ Red", "○ Grey"]);
  });

  it("show at most the programmes most off plan, lowest index first, and say so", () => {
    const plan = rollupOf(MAX_PROGRAMMES_CHARTED + 3);
    const chart = plan.charts!.find((c) => c.name.endsWith("SPI and CPI by programme"))!;
    expect(chart.title).toBe(`SPI and CPI: the ${MAX_PROGRAMMES_CHARTED} programmes lowest of 15`);
    const rows = planRows(plan.rows);
    const [from, to] = chart.series[0].values.split(":").map((a) => parseA1(a)!);
    expect(to.row - from.row + 1).toBe(MAX_PROGRAMMES_CHARTED);
    const spis = rows.slice(from.row, from.row + 15).map((r) => r[1]!.value as number);
    expect(spis).toEqual([...spis].sort((a, b) => a - b));
    expect(rows[from.row][0]!.value).toBe("Prog 00");
  });

  it("say so in their titles when no programme and no date has an index", () => {
    const rows = [PROJECT_HEADER, projectRow("P1", { "% Complete": "", "Actual Cost": "" })];
    const plan = rollupWorkbooks([{ file: "b.xlsx", grids: workbook(sheet("Projects", rows)) }], {
      today: day("2026-10-30"),
      asOf: day("2026-10-30"),
      refreshed: 1,
    }).plan.sheets[0];
    expect(plan.charts!.map((c) => c.title)).toEqual(
      expect.arrayContaining([
        "SPI and CPI by programme: no programme has either yet",
        "Portfolio SPI and CPI, per status date: no values yet",
      ]),
    );
    expect(rollupOf(2).charts!.map((c) => c.title)).toContain("SPI and CPI by programme");
  });
});
