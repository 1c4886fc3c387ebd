import { freeSheetName } from "../../src/core/plan/sheet-names";
import { FileWorkbookHost, fileHostFromCsv } from "../../src/xlsx/file-host";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { fakeFromGrids, hostOf } from "../helpers/fake-workbook";
import { PROJECT_HEADER, projectRow } from "../helpers/grids";
import { expectValidXlsx } from "../helpers/validate-xlsx";

describe("importing a CSV as a register sheet", () => {
  it("finds a free name, never one in use", () => {
    expect(freeSheetName("Risks", ["Projects"])).toBe("Risks");
    expect(freeSheetName("Risks", ["risks"])).toBe("Risks (CSV)");
    expect(freeSheetName("Risks", ["Risks", "Risks (CSV)"])).toBe("Risks (CSV 2)");
    expect(freeSheetName("x".repeat(40), []).length).toBe(31);
  });

  it("adds a sheet to an .xlsx without touching the others, and does not own it", async () => {
    const bytes = await writeSimpleWorkbook([{ name: "Projects", rows: [PROJECT_HEADER, projectRow("P1")] }]);
    const host = new FileWorkbookHost("book.xlsx", bytes);
    const name = await host.addSheet("Risks", [
      ["Risk ID", "Project ID", "Title"],
      ["R1", "P1", "=not a formula"],
    ]);
    expect(name).toBe("Risks");
    expectValidXlsx(host.bytes, bytes);
    const sheets = readWorkbook(host.bytes).grids.sheets;
    expect(sheets.map((s) => [s.name, s.ownedRole])).toEqual([
      ["Projects", undefined],
      ["Risks", undefined],
    ]);
    expect(sheets[1].rows[1]).toEqual(["R1", "P1", "=not a formula"]);
    expect(sheets[0].rows).toEqual(readWorkbook(bytes).grids.sheets[0].rows);
    expect(await host.addSheet("Projects", [["x"]])).toBe("Projects (CSV)");
  });

  it("adds a sheet in Excel, text kept as text, never owned", async () => {
    const fake = fakeFromGrids({
      sheets: [{ name: "Projects", rows: [PROJECT_HEADER, projectRow("P1")] }],
      date1904: false,
    });
    const name = await hostOf(fake).addSheet("Projects", [
      ["Risk ID", "Note"],
      ["R1", "00123"],
    ]);
    expect(name).toBe("Projects (CSV)");
    expect(fake.workbook.sheet(name).grid()).toEqual([
      ["Risk ID", "Note"],
      ["R1", "00123"],
    ]);
    expect(fake.workbook.sheet(name).visibility).toBe("Visible");
    expect([...fake.workbook.names.keys()]).toEqual([]);
  });

  it("opens a CSV on its own as a workbook whose Projects sheet is the CSV", async () => {
    const host = fileHostFromCsv("gmpp.csv", new TextEncoder().encode("Project ID;Project Name\nP1;One\n"));
    expect(host.fileName).toBe("gmpp.xlsx");
    expect((await host.readWorkbook()).sheets[0]).toMatchObject({
      name: "Projects",
      rows: [
        ["Project ID", "Project Name"],
        ["P1", "One"],
      ],
    });
  });
});
