/** The package-editing API (PackageEditor, xml-dom) that every writer into a user's workbook uses. */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { WorkbookFileError } from "../../src/xlsx/errors";
import { XlsxPackage } from "../../src/xlsx/package";
import { PackageEditor } from "../../src/xlsx/package-editor";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { createLike, insertInOrder, parseXmlPart, prefixFor, serializeXmlPart } from "../../src/xlsx/xml-dom";
import { PROJECT_HEADER, projectRow } from "../helpers/grids";
import { rollupBytes } from "../helpers/rollup";
import { expectValidXlsx, validatorAvailable } from "../helpers/validate-xlsx";

const CHART_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";

async function register(): Promise<Uint8Array> {
  return writeSimpleWorkbook([{ name: "Projects", rows: [PROJECT_HEADER, projectRow("P-1")] }]);
}

function editWorkbookXml(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files["xl/workbook.xml"] = strToU8(edit(strFromU8(files["xl/workbook.xml"])));
  return zipSync(files);
}

describe("PackageEditor", () => {
  it("adds a part with its content type and a relationship, creating the owner's .rels", async () => {
    const input = await register();
    const editor = new PackageEditor(XlsxPackage.open(input));
    const sheet = "xl/worksheets/sheet1.xml";
    const name = editor.freePartName((n) => `customXml/item${n}.xml`);
    expect(name).toBe("customXml/item1.xml");
    editor.addPart(name, "application/xml", strToU8('<?xml version="1.0"?><data xmlns="urn:x"/>'));
    const id = editor.addRelationship(sheet, CHART_TYPE, name);
    expect(editor.relationships(sheet).find((r) => r.id === id)?.target).toBe(name);
    const out = editor.write();
    const files = unzipSync(out);
    expect(strFromU8(files["xl/worksheets/_rels/sheet1.xml.rels"])).toContain(
      `Id="${id}" Type="${CHART_TYPE}" Target="../../customXml/item1.xml"`,
    );
    // application/xml is the .xml Default already: no Override is needed.
    expect(strFromU8(files["[Content_Types].xml"])).not.toContain("/customXml/item1.xml");
    // Every part we did not touch is the same bytes, still compressed as it was.
    const before = XlsxPackage.open(input);
    const after = XlsxPackage.open(out);
    for (const part of before.parts.filter((p) => p.name.startsWith("docProps/")))
      expect(
        Buffer.from(after.stored(part.name)!.data).equals(Buffer.from(before.stored(part.name)!.data)),
      ).toBe(true);
  });

  it("removes a part with its Override and its own relationships", async () => {
    const pkg = XlsxPackage.open(await register());
    const editor = new PackageEditor(pkg);
    editor.removePart("xl/worksheets/sheet1.xml");
    const files = unzipSync(editor.write());
    expect(files["xl/worksheets/sheet1.xml"]).toBeUndefined();
    expect(strFromU8(files["[Content_Types].xml"])).not.toContain("/xl/worksheets/sheet1.xml");
  });
});

describe("xml-dom", () => {
  it("adds elements in the parent's prefixed namespace, in schema order, declaring a prefix it needs", () => {
    const doc = parseXmlPart(
      '<?xml version="1.0"?><x:workbook xmlns:x="urn:main"><x:sheets/><x:calcPr/><x:extLst/></x:workbook>',
      "wb",
    );
    const root = doc.documentElement!;
    insertInOrder(root, createLike(root, "definedNames"), ["sheets", "definedNames", "calcPr", "extLst"]);
    const r = prefixFor(root, "urn:rels", "r");
    const sheet = createLike(root, "sheet");
    sheet.setAttributeNS("urn:rels", `${r}:id`, "rId1");
    root.getElementsByTagNameNS("urn:main", "sheets")[0].appendChild(sheet);
    const xml = serializeXmlPart(doc);
    expect(xml).toContain('<x:sheets><x:sheet r:id="rId1"/></x:sheets><x:definedNames/><x:calcPr/>');
    expect(xml).toMatch(/<x:workbook xmlns:x="urn:main" xmlns:r="urn:rels">/);
  });

  it("says which part is not XML", () => {
    expect(() => parseXmlPart("<a><b></a>", "xl/workbook.xml")).toThrow(
      /xl\/workbook\.xml is not well-formed/,
    );
  });
});

describe("the validate-xlsx helper", () => {
  it("fails on what Excel would repair: an r:id whose prefix is not declared (the openpyxl defect)", async () => {
    if (!validatorAvailable()) return;
    const input = await register();
    const broken = editWorkbookXml(input, (x) =>
      x.replace(' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"', ""),
    );
    expect(() => expectValidXlsx(broken)).toThrow(/Namespace prefix r/);
    expect(() => expectValidXlsx(broken, input)).toThrow(/the input does not have/);
  });
});

describe("the rollup's workbook edits", () => {
  it("puts definedNames before calcPr when the workbook has none", async () => {
    const input = editWorkbookXml(await register(), (x) =>
      x.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, ""),
    );
    expect(strFromU8(unzipSync(input)["xl/workbook.xml"])).toMatch(/<calcPr/);
    const out = rollupBytes(input); // validated against the schema's order
    const xml = strFromU8(unzipSync(out)["xl/workbook.xml"]);
    expect(xml.indexOf("<definedNames>")).toBeLessThan(xml.indexOf("<calcPr"));
    expectValidXlsx(out, input);
  });

  it("replaces its own sheets in a workbook protected after the first rollup, adding none", async () => {
    const first = rollupBytes(await register());
    const locked = editWorkbookXml(first, (x) =>
      x.replace(/(<workbookPr[^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>'),
    );
    const again = rollupBytes(locked, 46400);
    expect(readWorkbook(again).grids.sheets.map((s) => s.name)).toEqual(
      readWorkbook(first).grids.sheets.map((s) => s.name),
    );
    const fresh = editWorkbookXml(await register(), (x) =>
      x.replace(/(<workbookPr[^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>'),
    );
    expect(() => rollupBytes(fresh)).toThrow(WorkbookFileError);
    expect(() => rollupBytes(fresh)).toThrow(/Review > Protect Workbook/);
  });
});
