/** "Add missing registers" through the Excel host, on the strict fake of Office.js. */
import { columnLetter } from "../../src/core/a1";
import { defaultStandard } from "../../src/core/standard/load";
import { refreshRollup } from "../../src/host/refresh";
import { addSubmissions } from "../../src/taskpane/session/submissions";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { addMissingRegisters } from "../../src/taskpane/session/add-registers";
import { fakeFromGrids, hostOf } from "../helpers/fake-workbook";
import { day, PROJECT_HEADER, projectRow, workbook, sheet } from "../helpers/grids";

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
    expect(added).toEqual(["Risks", "Dependencies", "Milestones", "Assumptions", "Changes"]);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Projects", "Issue Log", ...added]);
    expect(fake.workbook.sheets[0].grid()).toEqual(projectsBefore);
    const risks = fake.workbook.sheets.find((s) => s.name === "Risks")!;
    expect(risks.grid()[0].slice(0, 4)).toEqual(["Risk ID", "Project ID", "Title", "Probability"]);
    expect(risks.freeze).toEqual({ rows: 1, cols: 0 });
    expect(risks.tables).toEqual([
      {
        name: "PMO_risks",
        address: `A1:${columnLetter(risks.grid()[0].filter((h) => h !== "").length - 1)}2`,
        hasHeaders: true,
        style: "TableStyleLight9",
      },
    ]);
    const rule = (address: string) =>
      risks.validations.find((v) => v.key === "rule" && v.address.startsWith(address))?.value;
    expect(rule("D2")).toEqual({ list: { inCellDropDown: true, source: "1,2,3,4,5" } });
    expect(rule("H2")).toEqual({ list: { inCellDropDown: true, source: "Open,Mitigating,Accepted,Closed" } });
    expect(rule("J2")).toEqual({ date: { operator: "GreaterThanOrEqualTo", formula1: "1900-01-01" } });
    const prompts = risks.validations.filter((v) => v.key === "prompt");
    expect(prompts).toHaveLength(risks.grid()[0].filter((h) => h !== "").length); // one per column
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

describe("Add submissions in Excel", () => {
  it("keeps a submission in a sheet of ours and consolidates it on refresh, like the .xlsx host", async () => {
    const fake = projectsOnly();
    const host = hostOf(fake);
    const north = await writeSimpleWorkbook([
      { name: "Projects", rows: [PROJECT_HEADER, projectRow("N-1"), projectRow("N-2")] },
    ]);
    const options = { file: "this workbook", today: day("2026-10-30"), now: 46356.5 };
    await refreshRollup(host, options);
    const lines = await addSubmissions(host, [{ name: "north.xlsx", bytes: north }], options);
    expect(lines.map((l) => [l.file, l.projects, l.errors, l.kept])).toEqual([
      ["north.xlsx", 2, 0, "Sub north.xlsx"],
    ]);
    const rollup = await refreshRollup(host, options);
    expect(rollup.input.projects.map((p) => `${p.id}@${p.source}`).sort()).toEqual([
      "N-1@north.xlsx",
      "N-2@north.xlsx",
      "P-1@this workbook",
    ]);
    // Submitting it again replaces the kept sheet; our other sheets keep their names.
    await addSubmissions(host, [{ name: "north.xlsx", bytes: north }], options);
    await refreshRollup(host, options);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([
      "Projects",
      "Issue Log",
      "PMO Rollup",
      "PMO Projects",
      "PMO Findings",
      "PMO History",
      "Sub north.xlsx",
    ]);
  });
});
