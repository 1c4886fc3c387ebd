import { aggregate } from "../../src/core/metrics/aggregate";
import { planRows, type PlanRow } from "../../src/core/plan/sheet-plan";
import { rollupWorkbooks } from "../../src/core/rollup/portfolio-rollup";
import { rollupJson } from "../../src/cli/rollup-report";
import { day, PROJECT_HEADER, projectRow, sheet, workbook } from "../helpers/grids";

const AS_OF = day("2026-10-30");

/** P1 and P3 have EV, PV and AC; P2 has a plan but no % complete (PV, no EV); P4 no actual cost. */
const ROWS = [
  projectRow("P1", { Budget: 1000, "Actual Cost": 500, "% Complete": 0.5, "Planned % Complete": 0.5 }),
  projectRow("P2", { Budget: 4000, "Actual Cost": 100, "% Complete": "", "Planned % Complete": 0.5 }),
  projectRow("P3", { Budget: 2000, "Actual Cost": 900, "% Complete": 0.4, "Planned % Complete": 0.6 }),
  projectRow("P4", { Budget: 500, "Actual Cost": "", "% Complete": 0.2, "Planned % Complete": 0.2 }),
];

function rollupOf(rows: unknown[][]) {
  return rollupWorkbooks(
    [{ file: "book.xlsx", grids: workbook(sheet("Projects", [PROJECT_HEADER, ...(rows as never)])) }],
    {
      today: AS_OF,
      asOf: AS_OF,
      refreshed: 46356.5,
    },
  );
}

const texts = (rows: readonly PlanRow[]) =>
  rows.flatMap((r) => r.map((c) => (c && typeof c.value === "string" ? c.value : ""))).filter(Boolean);

describe("figures that add up", () => {
  const rollup = rollupOf(ROWS);
  const p = rollup.input.figures.portfolio;

  it("give each index the sums it is the ratio of, and on how many projects it rests", () => {
    // EV: 500 + 800 + 100 = 1,400 over three projects; PV 500 + 2000 + 1200 + 100 = 3,800 over four.
    expect([p.ev, p.pv, p.ac]).toEqual([1400, 3800, 1500]);
    expect(p.spiBasis).toEqual({ projects: 3, ev: 1400, base: 1800, complete: false });
    expect(p.spi).toBe(p.spiBasis.ev! / p.spiBasis.base!);
    expect(p.spi).not.toBeCloseTo(p.ev! / p.pv!, 2); // the totals' ratio is not the SPI: hence the note
    expect(p.cpiBasis).toEqual({ projects: 2, ev: 1300, base: 1400, complete: false });
    expect(p.cpi).toBe(p.cpiBasis.ev! / p.cpiBasis.base!);
  });

  it("say so on PMO Rollup, with the sums the index is the ratio of", () => {
    const sheetTexts = texts(planRows(rollup.plan.sheets[0].rows));
    const spiNote = sheetTexts.find((t) => t.startsWith("SPI "))!;
    expect(spiNote).toBe(
      `SPI ${p.spi!.toFixed(2)} over 3 of 4 projects, the ones with both EV and PV: EV 1,400 / PV 1,800 on those`,
    );
    expect(sheetTexts.find((t) => t.startsWith("CPI "))).toMatch(
      /^CPI 0\.93 over 2 of 4 projects.*EV 1,300 \/ AC 1,400/,
    );
    // The heat map and the programme table state the projects the indices rest on.
    expect(sheetTexts).toContain("SPI 3, CPI 2 of 4");
  });

  it("are in the JSON: the basis beside each index, the contract's fields unchanged", () => {
    const json = rollupJson(rollup) as {
      portfolio: Record<string, unknown> & {
        spiBasis: Record<string, number>;
        cpiBasis: Record<string, number>;
      };
      programmes: Record<string, unknown>[];
    };
    const j = json.portfolio;
    expect(Object.keys(j)).toEqual(expect.arrayContaining(["bac", "ac", "ev", "pv", "spi", "cpi", "counts"]));
    expect(j.spiBasis).toEqual({ projects: 3, ev: 1400, pv: 1800, complete: false });
    expect(j.spi).toBe(j.spiBasis.ev / j.spiBasis.pv);
    expect(j.cpiBasis).toEqual({ projects: 2, ev: 1300, ac: 1400, complete: false });
    expect(j.cpi).toBe(j.cpiBasis.ev / j.cpiBasis.ac);
    expect(json.programmes[0]).toMatchObject({ name: "Portal", projects: 4, spiBasis: { projects: 3 } });
  });

  it("need no note when every project has both inputs: the index is the ratio of the totals", () => {
    const full = rollupOf([ROWS[0], ROWS[2]]);
    const g = full.input.figures.portfolio;
    expect(g.spiBasis.complete && g.cpiBasis.complete).toBe(true);
    expect(g.spi).toBe(g.ev! / g.pv!);
    expect(g.cpi).toBe(g.ev! / g.ac!);
    const sheetTexts = texts(planRows(full.plan.sheets[0].rows));
    expect(sheetTexts.some((t) => /^(SPI|CPI) .* over /.test(t))).toBe(false);
    expect(sheetTexts).toContain("all 2");
  });

  it("hold for any mix of missing inputs (programmes too)", () => {
    // Every subset of the four projects: the index is always its basis' ratio.
    for (let mask = 1; mask < 16; mask++) {
      const subset = ROWS.filter((_, i) => mask & (1 << i));
      const r = rollupOf(subset);
      for (const g of [r.input.figures.portfolio, ...r.input.figures.programmes]) {
        expect(g.spi).toBe(g.spiBasis.projects ? g.spiBasis.ev! / g.spiBasis.base! : null);
        if (g.spiBasis.complete) expect([g.spiBasis.ev, g.spiBasis.base]).toEqual([g.ev, g.pv]);
        if (g.cpiBasis.complete) expect([g.cpiBasis.ev, g.cpiBasis.base]).toEqual([g.ev, g.ac]);
      }
    }
    expect(aggregate("None", []).spiBasis).toEqual({ projects: 0, ev: null, base: null, complete: true });
  });
});
