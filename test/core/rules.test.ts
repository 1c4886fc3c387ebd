import type { CellValue } from "../../src/core/grid";
import { defaultStandard } from "../../src/core/standard/load";
import { CATALOGUE, FINDING_CODES } from "../../src/core/validate/catalogue";
import { RULES } from "../../src/core/validate/rules";
import { cyclicComponents } from "../../src/core/validate/rules/dependency-cycle";
import { validateWorkbook } from "../../src/core/validate/validate-workbook";
import { day, PROJECT_HEADER, projectRow, serial, sheet, workbook } from "../helpers/grids";

const AS_OF = day("2026-10-30");

function findings(sheets: { name: string; rows: CellValue[][] }[], code: string) {
  const v = validateWorkbook(workbook(...sheets.map((s) => sheet(s.name, s.rows))), defaultStandard(), AS_OF);
  return v.findings.filter((f) => f.code === code);
}

const projects = (...rows: CellValue[][]) => ({ name: "Projects", rows: [PROJECT_HEADER, ...rows] });
const RISK_HEADER = ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Score", "Status"];
const risks = (...rows: CellValue[][]) => ({ name: "Risks", rows: [RISK_HEADER, ...rows] });
const DEP_HEADER = ["Dependency ID", "From Project", "To Project", "Status"];
const deps = (...rows: CellValue[][]) => ({ name: "Dependencies", rows: [DEP_HEADER, ...rows] });

describe("the catalogue", () => {
  it("has a rule or a reader for every code", () => {
    const fromRules = new Set(RULES.flatMap((r) => r.codes));
    const fromReading = [
      "missing-register",
      "missing-column",
      "duplicate-header",
      "blank-header",
      "header-not-found",
      "unknown-column",
      "required-missing",
      "type-error",
      "enum-error",
      "range-error",
      "pattern-error",
      "formula-error",
      "blank-row",
      "ambiguous-column",
      "misfit-column",
      "unlisted-values",
      "register-guessed",
      "ambiguous-register",
      "register-continued",
      "implied-project",
      "unrouted-rows",
    ];
    const fromRag = ["rag-mismatch", "dependency-at-risk", "baseline-changed"]; // the RAG engine's (rollup)
    for (const code of FINDING_CODES) expect([...fromRules, ...fromReading, ...fromRag]).toContain(code);
    for (const code of FINDING_CODES) expect(CATALOGUE[code].description.length).toBeGreaterThan(10);
  });
});

describe("duplicate-id", () => {
  it("flags the second use of an ID, ignoring case and spaces", () => {
    const f = findings([projects(projectRow("P-1"), projectRow("P-2"), projectRow(" p-1 "))], "duplicate-id");
    expect(f).toMatchObject([{ cell: "A4", message: expect.stringContaining("row 2") }]);
  });
});

describe("date-order", () => {
  it("flags a finish before the start, at the finish", () => {
    const f = findings([projects(projectRow("P1", { "Actual Finish": serial("2025-01-01") }))], "date-order");
    expect(f).toMatchObject([{ cell: "K2", column: "Actual Finish" }]);
  });
  it("accepts a finish on the start day", () => {
    const s = serial("2026-01-05");
    expect(
      findings([projects(projectRow("P1", { "Baseline Finish": s, "Forecast Finish": s }))], "date-order"),
    ).toEqual([]);
  });
});

describe("score-mismatch", () => {
  it("flags a score that is not P x I", () => {
    expect(
      findings(
        [
          projects(projectRow("P1")),
          risks(["R1", "P1", "t", 2, 3, 6, "Open"], ["R2", "P1", "t", 2, 3, 5, "Open"]),
        ],
        "score-mismatch",
      ),
    ).toMatchObject([{ cell: "F3" }]);
  });
});

describe("stale-update", () => {
  it("flags open projects older than the governance window, not closed ones", () => {
    const old = serial("2026-09-01");
    const f = findings(
      [
        projects(
          projectRow("P1", { "Last Updated": old }),
          projectRow("P2", { "Last Updated": old, Stage: "Closed" }),
          projectRow("P3", { "Last Updated": serial("2026-09-30") }),
        ),
      ],
      "stale-update",
    );
    expect(f).toMatchObject([{ cell: "Q2" }]);
  });
});

describe("forecast-in-past", () => {
  it("flags an open project's passed forecast without an actual finish", () => {
    const past = serial("2026-10-01");
    const f = findings(
      [
        projects(
          projectRow("P1", { "Forecast Finish": past }),
          projectRow("P2", { "Forecast Finish": past, "Actual Finish": past }),
        ),
      ],
      "forecast-in-past",
    );
    expect(f).toMatchObject([{ cell: "J2" }]);
  });
  it("flags a passed milestone with no actual date", () => {
    const ms = {
      name: "Milestones",
      rows: [
        ["Project ID", "Milestone", "Baseline Date", "Forecast Date", "Actual Date", "Status"],
        ["P1", "Go live", serial("2026-09-01"), "", "", "In Progress"],
        ["P1", "Design", serial("2026-09-01"), "", serial("2026-09-02"), "Complete"],
      ],
    };
    expect(findings([projects(projectRow("P1")), ms], "forecast-in-past")).toMatchObject([
      { sheet: "Milestones", cell: "C2" },
    ]);
  });
});

describe("closed-with-open-items", () => {
  it("counts open risks and dependencies of a closed project", () => {
    const f = findings(
      [
        projects(projectRow("P1", { Stage: "Closed" }), projectRow("P2")),
        risks(["R1", "P1", "t", 1, 1, 1, "Open"], ["R2", "P1", "t", 1, 1, 1, "Closed"]),
        deps(["D1", "P2", "P1", "Open"]),
      ],
      "closed-with-open-items",
    );
    expect(f).toMatchObject([
      { cell: "G2", message: expect.stringContaining("1 open risk, 1 open dependency") },
    ]);
  });
});

describe("foreign-key", () => {
  it("flags references to unknown projects with a suggestion", () => {
    const f = findings(
      [
        projects(projectRow("PRJ-001")),
        risks(["R1", "PRJ-01", "t", 1, 1, 1, "Open"], ["R2", "prj-001", "t", 1, 1, 1, "Open"]),
      ],
      "foreign-key",
    );
    expect(f).toMatchObject([{ cell: "B2", message: expect.stringContaining('Did you mean "PRJ-001"?') }]);
  });
  it("checks both ends of a dependency", () => {
    expect(
      findings(
        [projects(projectRow("P1")), deps(["D1", "P1", "P9", "Open"], ["D2", "P8", "P1", "Open"])],
        "foreign-key",
      )
        .map((f) => f.cell)
        .sort(),
    ).toEqual(["B3", "C2"]);
  });
});

describe("dependency-cycle", () => {
  it("finds each cycle once and ignores closed dependencies", () => {
    const f = findings(
      [
        projects(projectRow("A"), projectRow("B"), projectRow("C")),
        deps(
          ["D1", "A", "B", "Open"],
          ["D2", "B", "A", "Open"],
          ["D3", "C", "C", "Open"],
          ["D4", "B", "C", "Met"],
        ),
      ],
      "dependency-cycle",
    );
    expect(f.map((x) => x.cell)).toEqual(["B2", "B4"]);
  });
  it("finds cycles in a long chain without recursion", () => {
    const n = 50_000;
    const graph = new Map<string, { to: string; row: never }[]>();
    for (let i = 0; i < n; i++) graph.set(`P${i}`, [{ to: `P${(i + 1) % n}`, row: undefined as never }]);
    const cycles = cyclicComponents(graph);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n);
  });
});
