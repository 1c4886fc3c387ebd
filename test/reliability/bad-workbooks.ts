/**
 * The corpus of bad and hostile workbooks, generated here (no hand-made binaries), each with the
 * outcome it must get. test/reliability/bad-workbooks.test.ts runs it through both hosts, and
 * `npm run reliability-doc` turns it into the table of docs/RELIABILITY.md.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/grid";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { PROJECT_HEADER, projectRow, serial } from "../helpers/grids";
import { rawXlsx } from "../helpers/raw-xlsx";

export type Outcome =
  | { readonly kind: "refused"; readonly message: RegExp }
  | { readonly kind: "findings"; readonly codes: readonly string[]; readonly none?: readonly string[] };

export interface BadWorkbook {
  readonly name: string;
  readonly make: () => Promise<Uint8Array>;
  readonly outcome: Outcome;
  /** What the user gets, for the docs table. */
  readonly gets: string;
  /** Why the Excel host cannot see this case (Excel calculates every formula when it opens a file). */
  readonly notInExcel?: string;
}

const projects = (...rows: CellValue[][]) => [PROJECT_HEADER, ...rows];
const book = (sheets: { name: string; rows: CellValue[][] }[], options?: { date1904?: boolean }) => () =>
  writeSimpleWorkbook(sheets, options);

function patch(
  bytesP: () => Promise<Uint8Array>,
  part: string,
  edit: (xml: string) => string,
): () => Promise<Uint8Array> {
  return async () => {
    const files = unzipSync(await bytesP());
    files[part] = strToU8(edit(strFromU8(files[part])));
    return zipSync(files);
  };
}

export const BAD_WORKBOOKS: readonly BadWorkbook[] = [
  {
    name: "empty workbook",
    make: book([{ name: "Sheet1", rows: [] }]),
    outcome: { kind: "findings", codes: ["missing-register"] },
    gets: "missing-register: add a Projects sheet",
  },
  {
    name: "no Projects register",
    make: book([
      { name: "Notes", rows: [["hello"]] },
      {
        name: "Risks",
        rows: [
          ["Risk ID", "Project ID"],
          ["R1", "P1"],
        ],
      },
    ]),
    outcome: { kind: "findings", codes: ["implied-project"] },
    gets: "implied-project: read as the projects they name (or the workbook's one)",
  },
  {
    name: "header below row 20",
    make: book([
      {
        name: "Projects",
        rows: [...Array.from({ length: 25 }, () => ["title"]), PROJECT_HEADER, projectRow("P1")],
      },
    ]),
    outcome: { kind: "findings", codes: ["header-not-found"] },
    gets: "header-not-found, naming the columns to add",
  },
  {
    name: "transposed register (projects as columns)",
    make: book([
      {
        name: "Projects",
        rows: [
          ["Project ID", "P1", "P2"],
          ["Project Name", "a", "b"],
          ["Stage", "Plan", "Plan"],
        ],
      },
    ]),
    outcome: { kind: "findings", codes: ["header-not-found"] },
    gets: "header-not-found saying the layout is transposed",
  },
  {
    name: "merged title and header cells",
    make: patch(
      book([{ name: "Projects", rows: [["Register"], PROJECT_HEADER, projectRow("P1")] }]),
      "xl/worksheets/sheet1.xml",
      (x) =>
        x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A1:Q1"/></mergeCells>'),
    ),
    outcome: { kind: "findings", codes: [], none: ["header-not-found"] },
    gets: "read normally (a merge keeps its value in its first cell)",
  },
  {
    name: "duplicate and blank headers",
    make: book([
      {
        name: "Projects",
        rows: [
          [...PROJECT_HEADER, "Project ID", ""],
          [...projectRow("P1"), "P9", "data"],
        ],
      },
    ]),
    outcome: { kind: "findings", codes: ["duplicate-header", "blank-header"] },
    gets: "duplicate-header (the first is read), blank-header",
  },
  {
    name: "hidden rows and an autofilter",
    make: patch(
      book([{ name: "Projects", rows: projects(projectRow("P1"), projectRow("P2")) }]),
      "xl/worksheets/sheet1.xml",
      (x) =>
        x
          .replace(/<row r="2"/, '<row r="2" hidden="1"')
          .replace("</sheetData>", '</sheetData><autoFilter ref="A1:Q3"/>'),
    ),
    outcome: { kind: "findings", codes: [], none: ["missing-register", "header-not-found"] },
    gets: "read in full: hidden is not deleted",
  },
  {
    name: "hidden sheet and hidden columns",
    make: patch(
      patch(
        book([
          { name: "Projects", rows: projects(projectRow("P1")) },
          {
            name: "Risks",
            rows: [
              ["Risk ID", "Project ID", "Probability", "Impact", "Status"],
              ["R1", "P9", 2, 2, "Open"],
            ],
          },
        ]),
        "xl/workbook.xml",
        // exceljs writes state="visible"; make the Risks register hidden (one state attribute, as Excel requires).
        (x) =>
          x.replace(/(<sheet [^>]*name="Risks"[^>]*?)(?:\s*state="\w+")?([^>]*\/>)/, '$1 state="hidden"$2'),
      ),
      "xl/worksheets/sheet1.xml",
      (x) =>
        x.includes("<cols>")
          ? x.replace("<cols>", '<cols><col min="5" max="6" hidden="1" width="0"/>')
          : x.replace("<sheetData", '<cols><col min="5" max="6" hidden="1" width="0"/></cols><sheetData'),
    ),
    outcome: { kind: "findings", codes: ["foreign-key"] },
    gets: "read: a hidden register is still a register (its risk on an unknown project is found)",
  },
  {
    name: "an Excel table (ListObject) instead of a plain range",
    make: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Projects");
      ws.addTable({
        name: "ProjectTable",
        ref: "A1",
        headerRow: true,
        columns: PROJECT_HEADER.map((h) => ({ name: String(h) })),
        rows: [projectRow("P1"), projectRow("P2", { Stage: "Exectue" })],
      });
      return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    },
    outcome: { kind: "findings", codes: ["enum-error"], none: ["header-not-found"] },
    gets: "read like a range: the table's header row is the register's",
  },
  {
    name: "every wrong type in every column",
    make: book([
      {
        name: "Projects",
        rows: projects(
          PROJECT_HEADER.map((h, i) => (i === 0 ? "P1" : i === 1 ? "Name" : i === 6 ? 42 : "lots")),
        ),
      },
    ]),
    outcome: { kind: "findings", codes: ["type-error", "enum-error"] },
    gets: "a type-error or enum-error at each cell, with what to enter",
  },
  {
    name: "placeholders for values not known",
    make: book([
      {
        name: "Projects",
        rows: projects(
          PROJECT_HEADER.map((h, i) => (i === 0 ? "P1" : i === 1 ? "Name" : i === 6 ? "Execute" : "TBC")),
        ),
      },
    ]),
    outcome: { kind: "findings", codes: ["required-missing"], none: ["type-error"] },
    gets: "TBC, N/A, — in dates and numbers read as blank: required-missing where a value is required",
  },
  {
    name: "error values",
    make: book([
      {
        name: "Projects",
        rows: projects(
          projectRow("P1", {
            Budget: { kind: "error", code: "#N/A" },
            "Actual Cost": { kind: "error", code: "#REF!" },
            "% Complete": { kind: "error", code: "#DIV/0!" },
            "Start Date": { kind: "error", code: "#VALUE!" },
          }),
        ),
      },
    ]),
    outcome: { kind: "findings", codes: ["formula-error"] },
    gets: "formula-error naming the error value",
  },
  {
    name: "formulas without cached values (written by a script)",
    make: async () =>
      rawXlsx([
        {
          name: "Projects",
          xml: `<row r="1">${PROJECT_HEADER.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join("")}</row><row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="L2"><f>SUM(1,2)</f></c></row>`,
        },
      ]),
    outcome: { kind: "findings", codes: ["formula-error"] },
    gets: "formula-error: open and save it in Excel",
    notInExcel: "Excel calculates formulas on opening, so the Excel host always sees values",
  },
  {
    name: "1904 date system",
    make: book(
      [
        {
          name: "Projects",
          rows: projects(
            projectRow("P1", {
              "Start Date": serial("2026-01-05") - 1462,
              "Baseline Finish": serial("2027-03-31") - 1462,
              "Forecast Finish": serial("2027-04-15") - 1462,
              "Last Updated": serial("2026-10-25") - 1462,
            }),
          ),
        },
      ],
      { date1904: true },
    ),
    outcome: { kind: "findings", codes: [], none: ["date-order", "range-error", "type-error"] },
    gets: "dates read right",
  },
  {
    name: "ambiguous text dates",
    make: book([
      {
        name: "Projects",
        rows: projects(projectRow("P1", { "Start Date": "03/04/2026", "Baseline Finish": "04/03/2027" })),
      },
    ]),
    outcome: { kind: "findings", codes: [], none: ["type-error", "date-order"] },
    gets: "read by the standard's date order (day first by default)",
  },
  {
    name: "dates before 1900 or after 9999",
    make: book([
      {
        name: "Projects",
        rows: projects(projectRow("P1", { "Start Date": "1850-01-01", "Baseline Finish": 3_000_000 })),
      },
    ]),
    outcome: { kind: "findings", codes: ["range-error"] },
    gets: "range-error: outside Excel's dates",
  },
  {
    name: "negative and astronomically large numbers",
    make: book([
      {
        name: "Projects",
        rows: projects(projectRow("P1", { Budget: -5, "Actual Cost": 1e300, "% Complete": 1e308 })),
      },
    ]),
    outcome: { kind: "findings", codes: ["range-error"] },
    gets: "range-error; metrics stay finite or empty",
  },
  {
    name: "32,767-character cells",
    make: book([
      { name: "Projects", rows: projects(projectRow("P1", { "Project Name": "x".repeat(32_767) })) },
    ]),
    outcome: { kind: "findings", codes: [], none: ["type-error"] },
    gets: "read; written back clipped to Excel's limit",
  },
  {
    name: "16,384 columns",
    make: async () =>
      rawXlsx([
        {
          name: "Projects",
          xml: `<row r="1">${PROJECT_HEADER.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join("")}<c r="XFD1" t="inlineStr"><is><t>Far</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="XFD2"><v>1</v></c></row>`,
        },
      ]),
    outcome: { kind: "findings", codes: ["unknown-column"] },
    gets: "unknown-column for the far column; nothing lost",
  },
  {
    name: "unicode, right-to-left, emoji, control characters, non-breaking spaces",
    make: book([
      {
        name: "Projects",
        rows: projects(
          projectRow("\u00a0P1 ", { "Project Name": "مشروع 🚀\u0007", Stage: " Execute\u00a0" }),
        ),
      },
    ]),
    outcome: { kind: "findings", codes: [], none: ["enum-error", "type-error"] },
    gets: "cleaned: spaces trimmed, control characters dropped, text kept",
  },
  {
    name: "sheet names at 31 characters and with quotes",
    make: book([
      { name: "Projects", rows: projects(projectRow("P1", { Stage: "Exectue" })) },
      { name: "It's a 31-character sheet name!", rows: [["x"]] },
    ]),
    outcome: { kind: "findings", codes: ["enum-error"] },
    gets: "read; links to them quoted right",
  },
  {
    name: "password-protected sheet",
    make: patch(
      book([{ name: "Projects", rows: projects(projectRow("P1")) }]),
      "xl/worksheets/sheet1.xml",
      (x) =>
        x.replace(
          "</sheetData>",
          '</sheetData><sheetProtection password="CC1A" sheet="1" objects="1" scenarios="1"/>',
        ),
    ),
    outcome: { kind: "findings", codes: [], none: ["missing-register"] },
    gets: "read (protection stops edits, not reading)",
  },
  {
    name: "a user's sheet already named PMO Rollup",
    make: book([
      { name: "Projects", rows: projects(projectRow("P1")) },
      { name: "PMO Rollup", rows: [["my own notes"]] },
    ]),
    outcome: { kind: "findings", codes: [], none: ["missing-register"] },
    gets: "left untouched; the rollup goes to 'PMO Rollup (2)'",
  },
  {
    name: "a sheet of 1,048,576 rows (Excel's last row)",
    make: async () =>
      rawXlsx([
        {
          name: "Projects",
          xml: `<row r="1">${PROJECT_HEADER.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join("")}</row><row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c></row>`,
        },
        {
          name: "Log",
          xml: Array.from(
            { length: 1_048_576 },
            (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
          ).join(""),
        },
      ]),
    outcome: { kind: "findings", codes: ["required-missing"] },
    gets: "read in full (in chunks of whole rows), the register checked",
    notInExcel: "the Excel host's own test reads a 1,048,575-row register in blocks",
  },
  {
    name: "password-encrypted workbook",
    make: async () =>
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
    outcome: { kind: "refused", message: /password-protected \(encrypted\) or an old \.xls/ },
    gets: "one line: save it without a password as .xlsx; exit 2",
  },
  {
    name: "a legacy .xls workbook",
    // BIFF8 .xls files are OLE2 compound documents, the same container as encrypted .xlsx.
    make: async () =>
      new Uint8Array([
        0xd0,
        0xcf,
        0x11,
        0xe0,
        0xa1,
        0xb1,
        0x1a,
        0xe1,
        0,
        0,
        0,
        0,
        0x3e,
        0,
        3,
        0,
        ...new Array(496).fill(0),
      ]),
    outcome: { kind: "refused", message: /old \.xls workbook/ },
    gets: "one line: open it in Excel and save as .xlsx; exit 2",
  },
  {
    name: ".xlsb binary workbook",
    make: async () =>
      zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.bin": new Uint8Array([1, 2]) }),
    outcome: { kind: "refused", message: /\.xlsb/ },
    gets: "one line: save as .xlsx; exit 2",
  },
  {
    name: "a CSV renamed .xlsx",
    make: async () => strToU8("Project ID,Project Name\nP1,One\n"),
    outcome: { kind: "refused", message: /text \(CSV or similar\)/ },
    gets: "one line: it is text, not a workbook; exit 2",
  },
  {
    name: "truncated workbook",
    make: async () =>
      (await writeSimpleWorkbook([{ name: "Projects", rows: projects(projectRow("P1")) }])).subarray(0, 900),
    outcome: { kind: "refused", message: /damaged|incomplete/ },
    gets: "one line: damaged or incomplete; exit 2",
  },
  {
    name: "corrupt zip (garbage after the signature)",
    make: async () =>
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)]),
    outcome: { kind: "refused", message: /damaged|incomplete|not an Excel workbook/ },
    gets: "one line; exit 2",
  },
  {
    name: "zip bomb",
    make: async () => zipSync({ "xl/workbook.xml": [new Uint8Array(150 * 1024 * 1024), { level: 9 }] }),
    outcome: { kind: "refused", message: /zip bomb/ },
    gets: "one line, before anything is inflated; exit 2",
  },
];
