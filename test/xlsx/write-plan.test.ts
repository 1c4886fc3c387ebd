import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { WorkbookFileError } from "../../src/xlsx/errors";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { workbookWithChart } from "../helpers/chart-workbook";
import { PROJECT_HEADER, projectRow } from "../helpers/grids";
import { rollupBytes } from "../helpers/rollup";

const OURS = ["PMO Rollup", "PMO Projects", "PMO Findings", "PMO History"];
const REWRITTEN = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
]);

function userSheets(bytes: Uint8Array) {
  return readWorkbook(bytes).grids.sheets.filter((s) => !s.ownedRole);
}

describe("writing the rollup into a workbook", () => {
  let input: Uint8Array;
  let output: Uint8Array;

  beforeAll(async () => {
    input = await workbookWithChart();
    output = rollupBytes(input);
  });

  it("adds our four sheets after the user's, marked as ours", () => {
    const sheets = readWorkbook(output).grids.sheets;
    expect(sheets.map((s) => s.name)).toEqual(["Projects", "Dashboard", ...OURS]);
    expect(sheets.slice(2).map((s) => s.ownedRole)).toEqual(["rollup", "projects", "findings", "history"]);
  });

  it("copies every other part byte for byte: chart, drawing, comments, data validation, registers", () => {
    const before = unzipSync(input);
    const after = unzipSync(output);
    for (const [name, data] of Object.entries(before)) {
      expect(after[name]).toBeDefined();
      if (!REWRITTEN.has(name)) expect(Buffer.from(after[name]).equals(Buffer.from(data))).toBe(true);
    }
    expect(Object.keys(after)).toEqual(
      expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing99.xml", "xl/comments1.xml"]),
    );
    expect(strFromU8(after["xl/worksheets/sheet1.xml"])).toMatch(/<dataValidation /);
  });

  it("leaves the registers equal cell for cell", () => {
    expect(userSheets(output)).toEqual(userSheets(input));
  });

  it("keeps the workbook's existing styles and defined names", () => {
    const wbBefore = strFromU8(unzipSync(input)["xl/workbook.xml"]);
    const wbAfter = strFromU8(unzipSync(output)["xl/workbook.xml"]);
    for (const sheet of wbBefore.match(/<sheet [^>]*\/>/g)!) expect(wbAfter).toContain(sheet);
    const stylesBefore = strFromU8(unzipSync(input)["xl/styles.xml"]);
    const stylesAfter = strFromU8(unzipSync(output)["xl/styles.xml"]);
    const xfs = (s: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)![1];
    expect(xfs(stylesAfter).startsWith(xfs(stylesBefore))).toBe(true);
  });

  it("is idempotent: a refresh of the output gives the same sheets, and history keeps one snapshot per status date", () => {
    const again = rollupBytes(output, 46357.25);
    const first = readWorkbook(output).grids.sheets;
    const second = readWorkbook(again).grids.sheets;
    expect(second.map((s) => s.name)).toEqual(first.map((s) => s.name));
    const sheet = (list: typeof first, name: string) => list.find((s) => s.name === name)!.rows;
    expect(sheet(second, "PMO Projects")).toEqual(sheet(first, "PMO Projects"));
    expect(sheet(second, "PMO Findings")).toEqual(sheet(first, "PMO Findings"));
    const withoutRefreshTime = (rows: readonly (readonly unknown[])[]) =>
      rows.filter((r) => r[0] !== "Refreshed");
    expect(withoutRefreshTime(sheet(second, "PMO Rollup"))).toEqual(
      withoutRefreshTime(sheet(first, "PMO Rollup")),
    );
    expect(sheet(first, "PMO History")).toHaveLength(1 + 2);
    // The same status date: its snapshot is replaced (taken at the new refresh time), not added to.
    expect(sheet(second, "PMO History")).toHaveLength(1 + 2);
    expect(sheet(second, "PMO History")[1][0]).toBe(46357.25);
    expect(userSheets(again)).toEqual(userSheets(input));
    // our styles are found, not added again
    const count = (b: Uint8Array) =>
      /<cellXfs count="(\d+)"/.exec(strFromU8(unzipSync(b)["xl/styles.xml"]))![1];
    expect(count(again)).toBe(count(output));
  });

  it("gives trends against an earlier status date", () => {
    const later = rollupBytes(output, 46400, "2026-11-30");
    const projects = readWorkbook(later).grids.sheets.find((s) => s.name === "PMO Projects")!.rows;
    const trendCol = projects[2].indexOf("Trend");
    expect(projects.slice(3).map((r) => r[trendCol])).toEqual(
      expect.arrayContaining([expect.stringMatching(/same|worse|better/)]),
    );
  });

  it("never takes over a user's sheet of the same name", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Projects").addRows([PROJECT_HEADER, projectRow("P-1")]);
    wb.addWorksheet("PMO Rollup").getCell("A1").value = "my notes";
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const out = rollupBytes(bytes);
    const sheets = readWorkbook(out).grids.sheets;
    expect(sheets.map((s) => s.name)).toEqual([
      "Projects",
      "PMO Rollup",
      "PMO Rollup (2)",
      "PMO Projects",
      "PMO Findings",
      "PMO History",
    ]);
    expect(sheets[1].rows).toEqual([["my notes"]]);
    expect(sheets[1].ownedRole).toBeUndefined();
    // and the next refresh finds its own sheet again
    expect(readWorkbook(rollupBytes(out)).grids.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
  });

  it("writes text that looks like a formula as text", async () => {
    const evil = '=HYPERLINK("http://evil.example","click")';
    const bytes = await writeSimpleWorkbook([
      {
        name: "Projects",
        rows: [PROJECT_HEADER, projectRow("P-1", { "Project Name": evil }), projectRow("@SUM(1)")],
      },
    ]);
    const out = rollupBytes(bytes);
    const files = unzipSync(out);
    const projectsXml = Object.entries(files).find(
      ([n, d]) => n.startsWith("xl/worksheets/") && strFromU8(d).includes("derived RAG"),
    )![1];
    expect(strFromU8(projectsXml)).not.toMatch(/<f>/);
    const rows = readWorkbook(out).grids.sheets.find((s) => s.name === "PMO Projects")!.rows;
    expect(rows.flat()).toContain(evil);
    expect(rows.flat()).toContain("@SUM(1)");
  });

  it("refuses a workbook whose structure is protected, with one line", async () => {
    const bytes = await writeSimpleWorkbook([
      { name: "Projects", rows: [PROJECT_HEADER, projectRow("P-1")] },
    ]);
    const files = unzipSync(bytes);
    files["xl/workbook.xml"] = strToU8(
      strFromU8(files["xl/workbook.xml"]).replace(
        "<sheets>",
        '<workbookProtection lockStructure="1"/><sheets>',
      ),
    );
    expect(() => rollupBytes(zipSync(files))).toThrow(WorkbookFileError);
    expect(() => rollupBytes(zipSync(files))).toThrow(/structure is protected/);
  });
});
