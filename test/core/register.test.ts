import { readRegister } from "../../src/core/register/read-register";
import { defaultStandard } from "../../src/core/standard/load";
import { FindingSink } from "../../src/core/validate/finding";
import { validateWorkbook } from "../../src/core/validate/validate-workbook";
import type { CellValue } from "../../src/core/grid";
import { day, PROJECT_HEADER, projectRow, sheet, workbook } from "../helpers/grids";

const standard = defaultStandard();

function read(rows: CellValue[][], name = "Projects") {
  const sink = new FindingSink();
  const table = readRegister("projects", standard.registers.projects, sheet(name, rows), {
    standard,
    date1904: false,
    sink,
  });
  return { table, findings: sink.findings };
}

describe("reading a register", () => {
  it("finds the header below a title block", () => {
    const { table, findings } = read([
      ["Register"],
      ["prepared by PMO"],
      [],
      PROJECT_HEADER,
      projectRow("P1"),
    ]);
    expect(table!.headerRow).toBe(3);
    expect(table!.rows).toHaveLength(1);
    expect(table!.rows[0].row).toBe(4);
    expect(findings).toEqual([]);
    expect(table!.range).toBe("A4:Q5");
  });

  it("reports header-not-found when no row looks like a header", () => {
    const { table, findings } = read([["just some notes"], ["nothing here"]]);
    expect(table).toBeNull();
    expect(findings).toMatchObject([{ code: "header-not-found", cell: "A1" }]);
  });

  it("reports duplicate, blank and unknown headers and missing columns", () => {
    const header = [
      "Project ID",
      "Project Name",
      "Proj ID",
      "",
      "Colour",
      "Stage",
      "Start Date",
      "Baseline Finish",
      "Budget",
    ];
    const { table, findings } = read([header, ["P1", "One", "X", "data", "teal", "Plan", 46000, 46100, 5]]);
    const codes = findings.map((f) => `${f.code}@${f.cell}`);
    expect(codes).toContain("duplicate-header@C1");
    expect(codes).toContain("blank-header@D1");
    expect(codes).toContain("unknown-column@E1");
    expect(findings.filter((f) => f.code === "missing-column").map((f) => [f.column, f.severity])).toEqual(
      expect.arrayContaining([
        ["Actual Cost", "error"],
        ["% Complete", "error"],
        ["Portfolio", "warning"],
      ]),
    );
    expect(table!.columns.get("id")!.col).toBe(0);
  });

  it("does not report a blank header over an empty column", () => {
    const header = [...PROJECT_HEADER, ""];
    const { findings } = read([header, projectRow("P1")]);
    expect(findings.filter((f) => f.code === "blank-header")).toEqual([]);
  });

  it("reports blank rows inside the register once per run, and ignores trailing ones", () => {
    const { table, findings } = read([PROJECT_HEADER, projectRow("P1"), [], [""], projectRow("P2"), [], []]);
    expect(table!.rows.map((r) => r.values.id)).toEqual(["P1", "P2"]);
    expect(findings).toMatchObject([
      { code: "blank-row", cell: "A3", message: expect.stringContaining("Rows 3-4") },
    ]);
  });

  it("reports a required blank cell and counts errors per row", () => {
    const { table, findings } = read([PROJECT_HEADER, projectRow("P1", { "Project Name": "  " })]);
    expect(findings).toMatchObject([{ code: "required-missing", cell: "B2", column: "Project Name" }]);
    expect(table!.rows[0].errors).toBe(1);
  });

  it("honours a grid's origin when the host read a range not starting at A1", () => {
    const sink = new FindingSink();
    const table = readRegister(
      "projects",
      standard.registers.projects,
      {
        name: "Projects",
        rows: [PROJECT_HEADER, projectRow("P1", { Stage: "Exectue" })],
        origin: { row: 2, col: 1 },
      },
      { standard, date1904: false, sink },
    );
    expect(table!.headerRow).toBe(2);
    expect(sink.findings[0]).toMatchObject({ code: "enum-error", cell: "H4" });
  });

  it("matches register sheets by synonym, case-insensitively", () => {
    const v = validateWorkbook(
      workbook(sheet("project register", [PROJECT_HEADER, projectRow("P1")])),
      standard,
      day("2026-10-30"),
    );
    expect(v.registers.projects!.sheet).toBe("project register");
    expect(v.findings).toEqual([]);
  });

  it("reports a missing required register", () => {
    const v = validateWorkbook(workbook(sheet("Notes", [["hello"]])), standard, day("2026-10-30"));
    expect(v.findings).toMatchObject([{ code: "missing-register", sheet: "Projects", cell: null }]);
  });

  it("applies the standard's severity overrides", () => {
    const s = defaultStandard();
    s.severities["unknown-column"] = "warning";
    const v = validateWorkbook(
      workbook(sheet("Projects", [[...PROJECT_HEADER, "Notes"], projectRow("P1")])),
      s,
      day("2026-10-30"),
    );
    expect(v.findings).toMatchObject([{ code: "unknown-column", severity: "warning" }]);
  });
});
