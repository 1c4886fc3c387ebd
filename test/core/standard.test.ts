import { DEFAULT_STANDARD } from "../../src/core/standard/default-standard";
import {
  defaultStandard,
  parseStandard,
  parseStandardText,
  StandardError,
} from "../../src/core/standard/load";
import { unsafePatternReason } from "../../src/core/standard/safe-pattern";
import { standardFromSheet } from "../../src/core/standard/sheet-standard";
import { resolveStandard } from "../../src/core/engine";
import { sheet, workbook } from "../helpers/grids";

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof StandardError) return [...e.problems];
    throw e;
  }
  throw new Error("expected a StandardError");
}

describe("the built-in standard", () => {
  it("is a valid standard with the RAID registers, the change log and DESIGN's thresholds", () => {
    const s = defaultStandard();
    expect(Object.keys(s.registers)).toEqual(
      expect.arrayContaining([
        "projects",
        "risks",
        "issues",
        "dependencies",
        "milestones",
        "assumptions",
        "changes",
      ]),
    );
    expect(s.thresholds.schedule.green.spi).toBe(0.95);
    expect(s.thresholds.cost.amber.eacPercent).toBe(110);
    expect(s.thresholds.risk.amberMaxScore).toBe(14);
    expect(s.thresholds.governance).toEqual({ greenDays: 14, amberDays: 30 });
  });

  it("is a fresh copy each time (callers may edit it)", () => {
    const a = defaultStandard();
    a.thresholds.cost.green.cpi = 0.5;
    expect(defaultStandard().thresholds.cost.green.cpi).toBe(0.95);
  });
});

describe("a broken standard", () => {
  it("names the JSON path of each problem", () => {
    const broken = structuredClone(DEFAULT_STANDARD) as Record<string, unknown> & typeof DEFAULT_STANDARD;
    (broken.registers.projects.columns[3] as { type: string }).type = "colour";
    (broken.thresholds.cost.green as { cpi: unknown }).cpi = "high";
    const problems = problemsOf(() => parseStandard(broken, "mine.json"));
    expect(problems.some((p) => p.startsWith("registers.projects.columns[3].type:"))).toBe(true);
    expect(problems.some((p) => p.startsWith("thresholds.cost.green.cpi:"))).toBe(true);
  });

  it("rejects unknown keys, bad JSON and semantic mistakes", () => {
    expect(problemsOf(() => parseStandard({ ...DEFAULT_STANDARD, colour: "blue" }))[0]).toMatch(/colour/);
    expect(problemsOf(() => parseStandardText("{ not json", "x.json"))[0]).toMatch(/not valid JSON/);
    const s = structuredClone(DEFAULT_STANDARD);
    s.registers.projects.key = "nope";
    s.thresholds.schedule.green.spi = 0.5;
    s.registers.projects.columns[0] = { ...s.registers.projects.columns[0], ranked: true };
    const problems = problemsOf(() => parseStandard(s));
    expect(problems).toContain(
      "registers.projects.columns[0].ranked: only an enum column's values can be ranked",
    );
    expect(problems).toContain('registers.projects.key: no column has the field "nope"');
    expect(problems).toContain("thresholds.schedule.green.spi: green must be at least as strict as amber");
  });

  it("says which file it came from in its message", () => {
    expect(() => parseStandardText("[]", "pmo.json")).toThrow(/^pmo\.json: /);
  });
});

describe("regular expressions in a standard", () => {
  it("refuses catastrophic and broken patterns", () => {
    expect(unsafePatternReason("(a+)+$")).toMatch(/nests/);
    expect(unsafePatternReason("(a|aa)*")).toMatch(/nests/);
    expect(unsafePatternReason("(.*a){20}")).toMatch(/nests/);
    expect(unsafePatternReason("(a)\\1")).toMatch(/back-reference/);
    expect(unsafePatternReason("[a-")).toMatch(/not a valid/);
    expect(unsafePatternReason("x".repeat(201))).toMatch(/longer/);
  });

  it("accepts ordinary ID patterns", () => {
    for (const p of ["PRJ-\\d{3,}", "[A-Z]{2,4}-\\d+", "(PRJ|PGM)-\\d{4}", "\\w+(-\\w)?"])
      expect(unsafePatternReason(p)).toBeNull();
  });

  it("rejects a standard carrying one", () => {
    const s = structuredClone(DEFAULT_STANDARD);
    s.registers.projects.columns[0].pattern = "(\\w+\\s?)*$";
    expect(problemsOf(() => parseStandard(s))[0]).toMatch(/^registers\.projects\.columns\[0\]\.pattern: /);
  });
});

describe("a standard inside the workbook", () => {
  it("reads settings rows over the built-in standard", () => {
    const s = standardFromSheet(
      sheet("PMO Standard", [
        ["Setting", "Value"],
        ["# a comment"],
        ["name", "Acme PMO"],
        ["version", "3.0"],
        ["thresholds.cost.green.cpi", 0.97],
        ["registers.projects.columns.bac.header", "Budget (£)"],
        ["dateOrder", "mdy"],
      ]),
    );
    expect(s.name).toBe("Acme PMO");
    expect(s.version).toBe("3.0");
    expect(s.thresholds.cost.green.cpi).toBe(0.97);
    expect(s.registers.projects.columns.find((c) => c.field === "bac")!.header).toBe("Budget (£)");
    expect(s.dateOrder).toBe("mdy");
  });

  it("reads a whole JSON standard split over column A", () => {
    const text = JSON.stringify({ ...DEFAULT_STANDARD, name: "From JSON" });
    const rows = [text.slice(0, 1000), text.slice(1000, 5000), text.slice(5000)].map((t) => [t]);
    expect(standardFromSheet(sheet("PMO Standard", rows)).name).toBe("From JSON");
  });

  it("names the cell of an unknown or bad setting", () => {
    const problems = problemsOf(() =>
      standardFromSheet(
        sheet("PMO Standard", [
          ["thresholds.cost.green.cpi", "high"],
          ["registers.projects.columns.nope.header", "x"],
        ]),
      ),
    );
    expect(problems.some((p) => p.includes("A2") && p.includes("nope"))).toBe(true);
    expect(() => standardFromSheet(sheet("PMO Standard", [["thresholds.cost.green.cpi", "high"]]))).toThrow(
      /thresholds\.cost\.green\.cpi/,
    );
  });

  it("is used when the workbook has one, unless a file standard is given", () => {
    const wb = workbook(sheet("PMO Standard", [["name", "Inside"]]));
    expect(resolveStandard(wb).source).toBe("workbook");
    expect(resolveStandard(wb).standard.name).toBe("Inside");
    expect(resolveStandard(wb, defaultStandard()).source).toBe("file");
    expect(resolveStandard(workbook()).source).toBe("built-in");
  });
});

describe("the published JSON Schema", () => {
  it("is current with the zod schema (run `npm run schema` after changing it)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const committed = require("../../schema/standard.schema.json");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { standardJsonSchema } = require("../../src/core/standard/json-schema");
    expect(JSON.parse(JSON.stringify(standardJsonSchema()))).toEqual(committed);
  });
});

describe("saving a standard into the workbook", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { standardSheetPlan, SheetInTheWayError } = require("../../src/core/plan/standard-sheet");

  it("writes settings rows that read back as the same standard", () => {
    const s = defaultStandard();
    s.name = "Edited";
    s.thresholds.cost.green.cpi = 0.97;
    s.registers.projects.columns[0].pattern = "P-\\d+";
    const plan = standardSheetPlan(s, []);
    const grid = sheet(
      plan.name,
      plan.rows.map((r: { value: unknown }[]) => r.map((c) => (c ? c.value : null))),
    );
    expect(standardFromSheet(grid)).toEqual(s);
  });

  it("never takes over a PMO Standard sheet the user made", () => {
    expect(() => standardSheetPlan(defaultStandard(), [{ name: "PMO Standard" }])).toThrow(
      SheetInTheWayError,
    );
    expect(standardSheetPlan(defaultStandard(), [{ name: "PMO Standard", ownedRole: "standard" }]).name).toBe(
      "PMO Standard",
    );
  });
});
