import { cell, type SheetPlan } from "../../src/core/plan/sheet-plan";
import { sheetXml, sheetXmlParts } from "../../src/xlsx/sheet-writer";
import { mergeStyles } from "../../src/xlsx/styles-writer";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeGridsWorkbook } from "../../src/xlsx/write-grids";
import { expectValidXlsx } from "../helpers/validate-xlsx";

const plan = (texts: string[]): SheetPlan => ({
  role: "projects",
  name: "T",
  rows: [texts.map((t) => cell(t, "text"))],
  widths: [],
  merges: [],
  print: { landscape: false, fitToWidth: false },
});

describe("sheet XML text cells", () => {
  const xml = (texts: string[]) => sheetXml(plan(texts), mergeStyles(undefined).xfIndex);

  it("marks whitespace to keep only where the text has it", () => {
    expect(xml(["Plain"])).toContain("<is><t>Plain</t></is>");
    expect(xml([" lead"])).toContain('<t xml:space="preserve"> lead</t>');
    expect(xml(["two\nlines"])).toContain('<t xml:space="preserve">two\nlines</t>');
  });

  it("escapes markup, OOXML escapes and control characters, and leaves plain text as is", () => {
    const out = xml(['a<b & "c"', "_x0041_", "bell\u0007"]);
    expect(out).toContain("a&lt;b &amp; &quot;c&quot;");
    expect(out).toContain("_x005F_x0041_");
    expect(out).toContain("bell_x0007_");
  });

  it("reads back exactly what was written", () => {
    const texts = [" lead", "trail ", "two\nlines", "_x0041_", "a<b", "Plain"];
    const bytes = writeGridsWorkbook([{ name: "S", rows: [texts] }]);
    expectValidXlsx(bytes);
    expect(readWorkbook(bytes).grids.sheets[0].rows[0]).toEqual(texts);
  });
});

describe("sheets larger than one string should hold", () => {
  it("are written in pieces and read back whole", () => {
    const rows = Array.from({ length: 40_000 }, (_, r) => [`row ${r} ${"x".repeat(40)}`, r, `é ${r}`]);
    const parts = sheetXmlParts(
      { ...plan([]), rows: rows.map((r) => r.map((v) => cell(v, "text"))) },
      mergeStyles(undefined).xfIndex,
    );
    expect(parts.length).toBeGreaterThan(1);
    const bytes = writeGridsWorkbook([{ name: "Big", rows }]);
    expectValidXlsx(bytes);
    const back = readWorkbook(bytes).grids.sheets[0].rows;
    expect(back.length).toBe(rows.length);
    expect(back[39_999]).toEqual(rows[39_999]);
    expect(back[12_345]).toEqual(rows[12_345]);
  });
});
