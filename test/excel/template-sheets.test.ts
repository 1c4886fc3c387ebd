/** "Add missing registers" through the Excel host, on the strict fake of Office.js. */
import { defaultStandard } from "../../src/core/standard/load";
import { addMissingRegisters } from "../../src/taskpane/session/add-registers";
import { fakeFromGrids, hostOf } from "../helpers/fake-workbook";
import { PROJECT_HEADER, projectRow, workbook, sheet } from "../helpers/grids";

function projectsOnly() {
  return fakeFromGrids(
    workbook(
      sheet("Projects", [PROJECT_HEADER, projectRow("P-1")]),
      sheet("Issue Log", [["Issue ID", "Project ID", "Title", "Severity", "Status"]]),
    ),
  );
}

describe("Add missing registers in Excel", () => {
  it("adds each missing register with its header, frozen, as a table, with dropdowns and input messages", async () => {
    const fake = projectsOnly();
    const projectsBefore = fake.workbook.sheets[0].grid();
    const added = await addMissingRegisters(hostOf(fake), defaultStandard());
    expect(added).toEqual(["Risks", "Dependencies", "Milestones", "Changes"]);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Projects", "Issue Log", ...added]);
    expect(fake.workbook.sheets[0].grid()).toEqual(projectsBefore);
    const risks = fake.workbook.sheets.find((s) => s.name === "Risks")!;
    expect(risks.grid()[0].slice(0, 4)).toEqual(["Risk ID", "Project ID", "Title", "Probability"]);
    expect(risks.freeze).toEqual({ rows: 1, cols: 0 });
    expect(risks.tables).toEqual([
      { name: "PMO_risks", address: "A1:J2", hasHeaders: true, style: "TableStyleLight9" },
    ]);
    const rule = (address: string) =>
      risks.validations.find((v) => v.key === "rule" && v.address.startsWith(address))?.value;
    expect(rule("D2")).toEqual({ list: { inCellDropDown: true, source: "1,2,3,4,5" } });
    expect(rule("H2")).toEqual({ list: { inCellDropDown: true, source: "Open,Mitigating,Accepted,Closed" } });
    expect(rule("J2")).toEqual({ date: { operator: "GreaterThanOrEqualTo", formula1: "1900-01-01" } });
    const prompts = risks.validations.filter((v) => v.key === "prompt");
    expect(prompts).toHaveLength(10);
    expect(prompts[0].value).toMatchObject({ showPrompt: true, title: "Risk ID" });
    // Nothing left to add the second time.
    expect(await addMissingRegisters(hostOf(fake), defaultStandard())).toEqual([]);
  });

  it("writes no validation where ExcelApi 1.8 is missing, and keeps the tables", async () => {
    const fake = projectsOnly();
    fake.supported.delete("1.8");
    fake.supported.delete("1.9");
    await addMissingRegisters(hostOf(fake), defaultStandard());
    const changes = fake.workbook.sheets.find((s) => s.name === "Changes")!;
    expect(changes.validations).toEqual([]);
    expect(changes.tables.map((t) => t.name)).toEqual(["PMO_changes"]);
  });
});
