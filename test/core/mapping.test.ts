/** The Map columns step's engine: what was not recognised, the headers offered, the mapping pinned. */
import { applyMapping, headerChoices, previewRegister, registersToMap } from "../../src/core/mapping";
import { defaultStandard } from "../../src/core/standard/load";
import { validateWorkbook } from "../../src/core/validate/validate-workbook";
import { day, sheet, workbook } from "../helpers/grids";

const asOf = day("2026-10-30");
const standard = defaultStandard();
const book = workbook(
  sheet("Projects", [
    ["Register of schemes"],
    ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"],
    ["S1", "Bypass", "Delivery", "2026-01-05", "2027-03-31", 1_000_000, 400_000, 0.4],
    ["S2", "Bridge", "Planning", "2026-02-01", "2027-06-30", 500_000, 50_000, 0.1],
  ]),
);
const choices = {
  id: "Alpha",
  name: "Bravo",
  stage: "Charlie",
  startDate: "Delta",
  baselineFinish: "Echo",
  bac: "Foxtrot",
  ac: "Golf",
  percentComplete: "Hotel",
};

describe("mapping columns by hand", () => {
  it("lists a register whose headers match nothing, with its sheet and every expected column", () => {
    const needs = registersToMap(book, standard, asOf);
    expect(needs).toHaveLength(1);
    expect(needs[0]).toMatchObject({ register: "projects", sheet: "Projects" });
    expect(needs[0].fields.map((f) => f.field)).toEqual(expect.arrayContaining(Object.keys(choices)));
  });

  it("offers the sheet's headers with sample values, from the header row under the title", () => {
    const headers = headerChoices(book, standard, "projects", "Projects");
    expect(headers[0]).toEqual({ text: "Alpha", column: "A", samples: ["S1", "S2"] });
    expect(headers).toHaveLength(8);
  });

  it("offers a two-row header's columns as they are read, and a pinned one reads back", () => {
    const twoRow = workbook(
      sheet("Schemes", [
        ["Scheme", "Title", "Manager", "Phase", "Baseline", null, "Budget", "Spend", "Done %", "Gateway"],
        [null, null, null, null, "Start", "Finish", null, null, null, null],
        ["S1", "Bypass", "Ann", "Delivery", "2026-01-05", "2027-03-31", 1_000_000, 400_000, 40, "Green"],
      ]),
    );
    const headers = headerChoices(twoRow, standard, "projects", "Schemes");
    expect(headers.map((h) => h.text)).toContain("Baseline Finish");
    const mapped = applyMapping(standard, "projects", "Schemes", { id: "Scheme", reportedRag: "Gateway" });
    const v = validateWorkbook(twoRow, mapped, asOf);
    const projects = v.registers.projects!;
    expect([projects.columns.get("id")?.header, projects.columns.get("baselineFinish")?.header]).toEqual([
      "Scheme",
      "Baseline Finish",
    ]);
    expect(projects.rows.map((r) => r.values.reportedRag)).toEqual(["Green"]);
  });

  it("pins the mapping in the standard: the register is read, and nothing is left to map but the optional", () => {
    const mapped = applyMapping(standard, "projects", "Projects", choices);
    const preview = previewRegister(book, mapped, "projects", asOf);
    expect(preview.headers.slice(0, 2)).toEqual(["Project ID", "Project Name"]);
    expect(preview.rows[0]).toEqual(
      expect.arrayContaining(["S1", "Bypass", "Execute", "2026-01-05", "1000000", "40"]),
    );
    const v = validateWorkbook(book, mapped, asOf);
    expect(v.findings.filter((f) => f.severity === "error").map((f) => f.code)).toEqual(
      expect.not.arrayContaining(["header-not-found", "missing-register"]),
    );
    expect(registersToMap(book, mapped, asOf)[0].fields.every((f) => f.presence === "recommended")).toBe(
      true,
    );
  });

  it("moves a register to the sheet chosen, keeping its own name as a synonym", () => {
    const mapped = applyMapping(standard, "risks", "Sheet9", { riskId: "Ref" });
    expect(mapped.registers.risks).toMatchObject({
      sheet: "Sheet9",
      synonyms: expect.arrayContaining(["Risks"]),
    });
    expect(mapped.registers.risks!.columns.find((c) => c.field === "riskId")!.synonyms[0]).toBe("Ref");
    expect(mapped.registers.issues!.columns.find((c) => c.field === "issueId")!.synonyms).toContain("Ref");
  });
});
