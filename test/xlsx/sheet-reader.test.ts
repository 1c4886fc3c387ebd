import { strToU8 } from "fflate";
import { readSheetXml } from "../../src/xlsx/sheet-reader";

const ctx = { sharedStrings: ["shared zero", "shared one"], cellFormats: [null, "0.00%"], date1904: false };
const read = (sheetData: string) =>
  readSheetXml(
    strToU8(
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
    ),
    ctx,
  );

describe("reading worksheet XML", () => {
  it("reads the markup writers produce: prefixes, quotes, references present or not", () => {
    const { rows, formats } = read(
      `<row r="1"><c r="A1" t="s"><v>1</v></c><c r='B1' s='1'><v>0.25</v></c><c t="inlineStr"><is><t xml:space="preserve"> kept </t></is></c></row>` +
        `<x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c><x:c r="C3"><x:v>7</x:v></x:c></x:row>` +
        `<row><c r="1A"><v>8</v></c><c r="ZZZZ9"><v>9</v></c></row>`,
    );
    expect(rows[0]).toEqual(["shared one", 0.25, " kept "]);
    expect(formats[0]?.[1]).toBe("0.00%");
    expect(rows[1]).toEqual([]);
    expect([rows[2].length, rows[2][1], rows[2][2]]).toEqual([3, "prefixed", 7]);
    expect(rows[3]).toEqual([8, 9]); // unreadable references: the next column
  });

  it("reads rich text runs without their phonetic hints, empty and escaped text", () => {
    const { rows } = read(
      `<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></is></c>` +
        `<c r="B1" t="inlineStr"><is><t/></is></c><c r="C1" t="inlineStr"><is><t>a &amp; b _x000D_</t></is></c>` +
        `<c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="b"><v>1</v></c><c r="F1"><f>SUM(A1)</f></c></row>`,
    );
    expect(rows[0][0]).toBe("Bold and plain");
    expect(rows[0][1]).toBe("");
    expect(rows[0][2]).toBe("a & b \r");
    expect(rows[0][3]).toEqual({ kind: "error", code: "#N/A" });
    expect(rows[0][4]).toBe(true);
    expect(rows[0][5]).toEqual({ kind: "uncalculated", formula: "SUM(A1)" });
  });
});
