import { strToU8, zipSync } from "fflate";
import { errorCell } from "../../src/core/grid";
import { WorkbookFileError } from "../../src/xlsx/errors";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { PERCENT_AND_DATE_STYLES, rawXlsx } from "../helpers/raw-xlsx";
import { serial } from "../helpers/grids";

describe("reading cells", () => {
  const bytes = rawXlsx(
    [
      {
        name: "Data",
        xml:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>inline &amp; text</t></is></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c></row>' +
          '<row r="3"><c r="A3"><v>42.5</v></c><c r="B3" s="1"><v>0.45</v></c><c r="C3" s="2"><v>45566</v></c><c r="D3" t="str"><f>A3&amp;"x"</f><v>42.5x</v></c><c r="E3"><f>SUM(A1:A2)</f></c><c r="F3" t="d"><v>2024-09-07T00:00:00</v></c></row>' +
          '<row><c t="s"><v>2</v></c><c><v>7</v></c></row>',
      },
    ],
    {
      sharedStrings: [
        "<t>Project ID</t>",
        '<r><t>Rich </t></r><r><rPr><b/></rPr><t xml:space="preserve">text</t></r><rPh><t>ignored</t></rPh>',
        "<t>line_x000D_break</t>",
      ],
      styles: PERCENT_AND_DATE_STYLES,
    },
  );
  const { grids } = readWorkbook(bytes);
  const rows = grids.sheets[0].rows;

  it("reads shared, rich and inline strings, booleans and errors", () => {
    expect(rows[0]).toEqual(["Project ID", "Rich text", "inline & text", true, errorCell("#N/A")]);
  });

  it("keeps row gaps as empty rows and places cells without references in order", () => {
    expect(rows[1]).toEqual([]);
    expect(rows[3]).toEqual(["line\rbreak", 7]);
  });

  it("reads numbers, cached formula results, uncalculated formulas and ISO date cells", () => {
    expect(rows[2][0]).toBe(42.5);
    expect(rows[2][3]).toBe("42.5x");
    expect(rows[2][4]).toEqual({ kind: "uncalculated", formula: "SUM(A1:A2)" });
    expect(rows[2][5]).toBe(serial("2024-09-07"));
  });

  it("gives number formats from styles, built-in and custom", () => {
    expect(grids.sheets[0].formats?.[2]?.[1]).toBe("0%");
    expect(grids.sheets[0].formats?.[2]?.[2]).toBe("dd/mm/yyyy");
    expect(grids.sheets[0].formats?.[2]?.[0]).toBeUndefined();
  });
});

describe("workbook facts", () => {
  it("reads the date system, defined names, sheet order and hidden sheets", () => {
    const { grids } = readWorkbook(
      rawXlsx(
        [
          { name: "Read Me", xml: '<row r="2"><c r="B2"><v>44000</v></c></row>' },
          { name: "Hidden & Secret", xml: "", state: "hidden" },
        ],
        {
          date1904: true,
          definedNames: `<definedName name="Status_Date">'Read Me'!$B$2</definedName><definedName name="Local" localSheetId="0">A1</definedName>`,
        },
      ),
    );
    expect(grids.date1904).toBe(true);
    expect(grids.names).toEqual({ Status_Date: "'Read Me'!$B$2" });
    expect(grids.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Read Me", false],
      ["Hidden & Secret", true],
    ]);
  });

  it("reads what exceljs writes, including the 1904 date system", async () => {
    const bytes = await writeSimpleWorkbook(
      [
        {
          name: "S",
          rows: [
            ["a", 1, true],
            ["=not a formula", serial("2024-01-01")],
          ],
        },
      ],
      { date1904: true },
    );
    const { grids } = readWorkbook(bytes);
    expect(grids.date1904).toBe(true);
    expect(grids.sheets[0].rows).toEqual([
      ["a", 1, true],
      ["=not a formula", serial("2024-01-01")],
    ]);
  });

  it("reads sheets larger than one chunk", () => {
    const rowXml = Array.from(
      { length: 60_000 },
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Project number ${i} with a long name to fill the chunk</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
    ).join("");
    const { grids } = readWorkbook(rawXlsx([{ name: "Big", xml: rowXml }]));
    expect(grids.sheets[0].rows).toHaveLength(60_000);
    expect(grids.sheets[0].rows[59_999]).toEqual([
      "Project number 59999 with a long name to fill the chunk",
      59_999,
    ]);
    expect(grids.sheets[0].rows.every((r, i) => r[1] === i)).toBe(true);
  });
});

describe("files that are not readable workbooks", () => {
  const refuse = (bytes: Uint8Array) => {
    try {
      readWorkbook(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookFileError);
      expect((e as Error).message).not.toMatch(/\n/);
      return (e as Error).message;
    }
    throw new Error("expected a refusal");
  };

  it.each([
    ["an empty file", new Uint8Array(0), /empty/],
    ["a CSV renamed .xlsx", strToU8("Project ID,Name\nP1,One\n"), /text \(CSV/],
    ["random bytes", new Uint8Array([1, 2, 3, 250, 0, 9]), /not an \.xlsx/],
    [
      "an encrypted or .xls file",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /password-protected|\.xls/,
    ],
    ["a zip that is not a workbook", zipSync({ "hello.txt": strToU8("hi") }), /not an Excel workbook/],
    ["an .xlsb", zipSync({ "xl/workbook.bin": new Uint8Array([1]) }), /\.xlsb/],
    ["a Word document", zipSync({ "word/document.xml": strToU8("<w/>") }), /Word/],
  ])("refuses %s with one clear line", (_, bytes, pattern) => {
    expect(refuse(bytes)).toMatch(pattern);
  });

  it("refuses a truncated workbook", async () => {
    const good = await writeSimpleWorkbook([{ name: "S", rows: [["x"]] }]);
    expect(refuse(good.subarray(0, Math.floor(good.length / 2)))).toMatch(/damaged|incomplete/);
  });
});
