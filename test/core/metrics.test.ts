import { aggregate } from "../../src/core/metrics/aggregate";
import {
  earnedValue,
  estimateAtCompletion,
  linearPlannedPercent,
  plannedValue,
  ratio,
  toCompletePerformanceIndex,
} from "../../src/core/metrics/evm";
import { checkWorkbook } from "../../src/core/engine";
import type { CellValue } from "../../src/core/grid";
import { day, PROJECT_HEADER, projectRow, serial, sheet, workbook } from "../helpers/grids";

const AS_OF = day("2026-10-30");

function analyse(rows: CellValue[][], extra: { name: string; rows: CellValue[][] }[] = []) {
  return checkWorkbook(
    workbook(sheet("Projects", [PROJECT_HEADER, ...rows]), ...extra.map((s) => sheet(s.name, s.rows))),
    { today: AS_OF, asOf: AS_OF },
  );
}

describe("earned value formulas", () => {
  // A textbook case: BAC 100,000; 40 % done against 50 % planned; 45,000 spent.
  const bac = 100_000;
  const ev = earnedValue(bac, 40)!;
  const pv = plannedValue(bac, 50)!;
  const ac = 45_000;
  const cpi = ratio(ev, ac)!;
  const spi = ratio(ev, pv)!;

  it("computes EV, PV, SV, CV, SPI and CPI", () => {
    expect(ev).toBe(40_000);
    expect(pv).toBe(50_000);
    expect(ev - pv).toBe(-10_000);
    expect(ev - ac).toBe(-5_000);
    expect(spi).toBeCloseTo(0.8, 10);
    expect(cpi).toBeCloseTo(0.888889, 5);
  });

  it("computes EAC by each of the standard's methods, and TCPI", () => {
    expect(estimateAtCompletion("bac-over-cpi", bac, ac, ev, cpi, spi)).toBeCloseTo(112_500, 6);
    expect(estimateAtCompletion("ac-plus-remaining", bac, ac, ev, cpi, spi)).toBe(105_000);
    expect(estimateAtCompletion("ac-plus-remaining-over-cpi-spi", bac, ac, ev, cpi, spi)).toBeCloseTo(
      129_375,
      6,
    );
    expect(toCompletePerformanceIndex(bac, ac, ev)).toBeCloseTo(60_000 / 55_000, 10);
  });

  it("gives no value, never NaN or Infinity, on missing inputs or division by zero", () => {
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(null, 3)).toBeNull();
    expect(estimateAtCompletion("bac-over-cpi", 100, 0, 0, ratio(0, 0), null)).toBeNull();
    expect(toCompletePerformanceIndex(100, 100, 50)).toBeNull();
    expect(earnedValue(null, 50)).toBeNull();
  });

  it("plans linearly from start to baseline finish", () => {
    expect(linearPlannedPercent(day("2026-01-01"), day("2026-01-11"), day("2026-01-06"))).toBe(50);
    expect(linearPlannedPercent(day("2026-01-01"), day("2026-01-11"), day("2025-12-01"))).toBe(0);
    expect(linearPlannedPercent(day("2026-01-01"), day("2026-01-11"), day("2027-01-01"))).toBe(100);
    expect(linearPlannedPercent(day("2026-01-01"), day("2026-01-01"), day("2026-01-01"))).toBe(0);
    expect(linearPlannedPercent(day("2026-02-01"), day("2026-01-01"), day("2026-01-15"))).toBeNull();
  });
});

describe("project metrics from a register", () => {
  it("match the hand-worked numbers", () => {
    const check = analyse([
      projectRow("P1", {
        Budget: 100_000,
        "Actual Cost": 45_000,
        "% Complete": 0.4,
        "Planned % Complete": 0.5,
        "Baseline Finish": serial("2027-01-31"),
        "Forecast Finish": serial("2027-03-02"),
        "Start Date": serial("2026-02-05"),
      }),
    ]);
    const m = check.analysis.projects[0].metrics;
    expect([m.bac, m.ac, m.ev, m.pv, m.sv, m.cv]).toEqual([100_000, 45_000, 40_000, 50_000, -10_000, -5_000]);
    expect(m.spi).toBeCloseTo(0.8, 10);
    expect(m.eac).toBeCloseTo(112_500, 6);
    expect(m.vac).toBeCloseTo(-12_500, 6);
    expect(m.etc).toBeCloseTo(67_500, 6);
    expect(m.slipDays).toBe(30);
    expect(m.slipPercent).toBeCloseTo((30 / 360) * 100, 6);
    expect(m.daysSinceUpdate).toBe(5);
    expect(m.dataQuality).toBe(100);
  });

  it("uses the linear plan when there is no planned % complete", () => {
    const check = analyse([
      projectRow("P1", {
        "Planned % Complete": "",
        "Start Date": serial("2026-10-20"),
        "Baseline Finish": serial("2026-11-09"),
      }),
    ]);
    expect(check.analysis.projects[0].metrics.plannedPercent).toBe(50);
  });

  it("counts open risks and issues by project, and overdue milestones", () => {
    const check = analyse(
      [projectRow("P1"), projectRow("P2")],
      [
        {
          name: "Risks",
          rows: [
            ["Risk ID", "Project ID", "Probability", "Impact", "Status"],
            ["R1", "P1", 3, 4, "Open"],
            ["R2", "P1", 5, 5, "Closed"],
            ["R3", "p1", 2, 2, "Mitigating"],
          ],
        },
        {
          name: "Issues",
          rows: [
            ["Issue ID", "Project ID", "Severity", "Status"],
            ["I1", "P1", "High", "Open"],
            ["I2", "P1", "High", "Resolved"],
            ["I3", "P1", "Low", "Open"],
          ],
        },
        {
          name: "Milestones",
          rows: [
            ["Project ID", "Milestone", "Baseline Date", "Forecast Date", "Actual Date"],
            ["P1", "A", serial("2026-09-01"), "", ""],
            ["P1", "B", serial("2026-09-01"), "", serial("2026-09-03")],
            ["P1", "C", serial("2026-09-01"), serial("2026-12-01"), ""],
          ],
        },
      ],
    );
    const [p1, p2] = check.analysis.projects.map((p) => p.metrics);
    expect([p1.openRisks, p1.maxRiskScore, p1.riskExposure]).toEqual([2, 12, 16]);
    expect(p1.openIssues).toEqual({ High: 1, Low: 1 });
    expect(p1.overdueMilestones).toBe(1);
    expect([p2.openRisks, p2.maxRiskScore, p2.riskExposure]).toEqual([0, 0, 0]);
  });

  it("scores data quality by the required and recommended cells filled", () => {
    const check = analyse([projectRow("P1", { Sponsor: "", Portfolio: "", "Reported RAG": "Mauve" })]);
    // 15 required or recommended columns, 3 of them without a usable value
    expect(check.analysis.projects[0].metrics.dataQuality).toBe(80);
  });
});

describe("group figures", () => {
  it("re-sum EV, PV, AC and BAC and recompute the indices (never average them)", () => {
    const check = analyse([
      projectRow("P1", { Budget: 100, "Actual Cost": 50, "% Complete": 0.5, "Planned % Complete": 0.5 }), // SPI 1, CPI 1
      projectRow("P2", { Budget: 1000, "Actual Cost": 500, "% Complete": 0.25, "Planned % Complete": 0.5 }), // SPI 0.5, CPI 0.5
    ]);
    const g = aggregate("All", check.analysis.projects);
    expect([g.bac, g.ac, g.ev, g.pv]).toEqual([1100, 550, 300, 550]);
    expect(g.spi).toBeCloseTo(300 / 550, 10); // not (1 + 0.5) / 2
    expect(g.cpi).toBeCloseTo(300 / 550, 10);
    expect(g.counts.green + g.counts.amber + g.counts.red + g.counts.grey).toBe(2);
  });

  it("leave out of an index the projects missing one of its inputs", () => {
    const check = analyse([
      projectRow("P1", { Budget: 100, "Actual Cost": 50, "% Complete": 0.5 }),
      projectRow("P2", { Budget: 100, "Actual Cost": "", "% Complete": 0.5 }),
    ]);
    const g = aggregate("All", check.analysis.projects);
    expect(g.cpi).toBe(1);
    expect(g.ac).toBe(50);
  });

  it("are empty, not NaN, for no projects", () => {
    const g = aggregate("None", []);
    expect([g.bac, g.spi, g.cpi, g.budgetShare.green]).toEqual([null, null, null, null]);
  });
});
