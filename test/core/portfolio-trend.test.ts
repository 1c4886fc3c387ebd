import { historyAfterRefresh, historySheet } from "../../src/core/plan/history-sheet";
import { againstText } from "../../src/core/plan/rollup-trend-block";
import { planRows } from "../../src/core/plan/sheet-plan";
import { readHistory, type HistorySnapshot } from "../../src/core/rollup/history";
import { portfolioTrend, type TrendPoint } from "../../src/core/rollup/portfolio-trend";
import { countFindings } from "../../src/core/validate/finding";
import { isWatermelon } from "../../src/core/rollup/project-rollup";
import { rollupWorkbooks } from "../../src/core/rollup/portfolio-rollup";
import { day, PROJECT_HEADER, projectRow, sheet, workbook } from "../helpers/grids";

function snap(
  statusDate: number,
  refreshed: number,
  id: string,
  over: Partial<HistorySnapshot>,
): HistorySnapshot {
  return {
    refreshed,
    statusDate,
    projectId: id,
    projectName: id,
    overall: "green",
    schedule: "green",
    cost: "green",
    risk: "green",
    governance: "green",
    spi: null,
    cpi: null,
    baselineFinish: null,
    budget: null,
    ev: 100,
    pv: 100,
    ac: 100,
    reported: "green",
    workbookErrors: 3,
    ...over,
  };
}

describe("the portfolio trend over status dates", () => {
  const history = [
    snap(100, 1, "P1", { overall: "red", ev: 50, pv: 100, ac: 100 }), // a watermelon
    snap(100, 1, "P2", { ev: 100, pv: 100, ac: 50 }),
    // A second refresh at the same date, in a sheet written before snapshots were replaced: it wins.
    snap(100, 2, "P1", { overall: "red", ev: 60, pv: 100, ac: 100 }),
    snap(100, 2, "P2", { ev: 100, pv: 100, ac: 50 }),
    snap(130, 3, "P1", { overall: "amber", ev: 90, pv: 100, ac: 100, workbookErrors: 1 }),
    snap(130, 3, "P2", { ev: 100, pv: null, ac: 50, workbookErrors: 1 }),
  ];
  const trend = portfolioTrend(history);

  it("has one point per status date, latest last, from each date's latest refresh", () => {
    expect(trend.map((t) => t.statusDate)).toEqual([100, 130]);
    expect(trend[0].figures.counts).toEqual({ green: 1, amber: 0, red: 1, grey: 0 });
    expect(trend[0].figures.spi).toBe(160 / 200);
    expect(trend[0].figures.cpi).toBe(160 / 150);
    expect([trend[0].errors, trend[0].watermelons]).toEqual([3, 1]);
  });

  it("re-sums the portfolio's SPI over the projects with both EV and PV", () => {
    expect(trend[1].figures.spi).toBe(90 / 100);
    expect(trend[1].figures.spiBasis.projects).toBe(1);
  });

  it("judges each measure better, same or worse than the previous date", () => {
    expect(trend[0].against).toBeNull();
    expect(trend[1].against).toEqual({
      rag: "better",
      spi: "better",
      cpi: "better",
      errors: "better",
      watermelons: "better",
    });
    expect(againstText(trend[0].against)).toBe("first status date");
    expect(
      againstText({ rag: "worse", spi: "better", cpi: "same", errors: "same", watermelons: "new" }),
    ).toBe("better: SPI · worse: RAG mix · same: CPI, errors · not comparable: watermelons");
  });
});

describe("PMO History at a refresh", () => {
  const rows = [PROJECT_HEADER, projectRow("P1"), projectRow("P2", { "Reported RAG": "Amber" })];
  const rollupAt = (iso: string, history: HistorySnapshot[], refreshed: number) => {
    const r = rollupWorkbooks([{ file: "b.xlsx", grids: workbook(sheet("Projects", rows)) }], {
      today: day(iso),
      asOf: day(iso),
      refreshed,
    });
    return { ...r.input, history };
  };

  it("replaces the snapshot of the same status date instead of adding one", () => {
    const first = rollupAt("2026-09-30", [], 1);
    const afterFirst = historyAfterRefresh(first);
    const second = rollupAt("2026-10-30", afterFirst, 2);
    const afterSecond = historyAfterRefresh(second);
    expect(afterSecond.map((s) => [s.statusDate, s.refreshed])).toEqual([
      [day("2026-09-30"), 1],
      [day("2026-09-30"), 1],
      [day("2026-10-30"), 2],
      [day("2026-10-30"), 2],
    ]);
    const again = historyAfterRefresh(rollupAt("2026-10-30", afterSecond, 3));
    expect(again.map((s) => [s.statusDate, s.refreshed])).toEqual([
      [day("2026-09-30"), 1],
      [day("2026-09-30"), 1],
      [day("2026-10-30"), 3],
      [day("2026-10-30"), 3],
    ]);
    const sheetRows = planRows(historySheet(rollupAt("2026-10-30", afterSecond, 3)).rows);
    expect(sheetRows).toHaveLength(5);
    expect(sheetRows[0].map((c) => c?.value).slice(-5)).toEqual([
      "EV",
      "PV",
      "AC",
      "Reported",
      "Workbook errors",
    ]);
  });
});

describe("the trend row of this refresh", () => {
  it("is the same whether computed from this refresh's figures or read back from History", () => {
    const rows = [
      PROJECT_HEADER,
      projectRow("P1"),
      projectRow("P2", { "% Complete": "", "Reported RAG": "Green" }),
      projectRow("P3", { "Actual Cost": 2_000_000, "Reported RAG": "Green" }),
    ];
    const input = rollupWorkbooks([{ file: "b.xlsx", grids: workbook(sheet("Projects", rows)) }], {
      today: day("2026-10-30"),
      asOf: day("2026-10-30"),
      refreshed: 1,
    }).input;
    const p = input.figures.portfolio;
    const fromFigures = portfolioTrend([], {
      statusDate: input.asOf,
      figures: p,
      errors: countFindings(input.findings.map((f) => f.finding)).errors,
      watermelons: input.projects.filter(isWatermelon).length,
    });
    const fromHistory = portfolioTrend(historyAfterRefresh(input));
    const view = (t: TrendPoint) => [
      t.statusDate,
      t.figures.counts,
      t.figures.spi,
      t.figures.cpi,
      t.figures.spiBasis,
      t.figures.cpiBasis,
      t.errors,
      t.watermelons,
    ];
    expect(fromHistory.map(view)).toEqual(fromFigures.map(view));
    expect(fromFigures[0].watermelons).toBeGreaterThan(0);
  });
});

describe("reading PMO History back", () => {
  const base = [
    "Refreshed",
    "Status Date",
    "Project ID",
    "Project Name",
    "Overall",
    "Schedule",
    "Cost",
    "Risk",
    "Governance",
    "SPI",
    "CPI",
  ];
  const row = [46300, 46295, "P1", "One", "● Green", "● Green", "● Green", "● Green", "● Green", 1, 1];

  it("reads a sheet written before the trend columns: no EV, PV, AC for its dates", () => {
    const [s] = readHistory({ name: "PMO History", rows: [base, row] }, false);
    expect([s.spi, s.ev, s.pv, s.ac, s.reported, s.workbookErrors]).toEqual([
      1,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("finds the trend columns by their header, whatever other columns stand before them", () => {
    const header = [...base, "Baseline Finish", "Budget", "EV", "PV", "AC", "Reported", "Workbook errors"];
    const [s] = readHistory(
      { name: "PMO History", rows: [header, [...row, 46500, 1000, 400, 500, 450, "■ Red", 3]] },
      false,
    );
    expect([s.ev, s.pv, s.ac, s.reported, s.workbookErrors]).toEqual([400, 500, 450, "red", 3]);
  });
});
