/**
 * Plain grids to a new .xlsx package with our own sheet writer: fast enough for a million rows
 * (the benchmark's files, CSV imports). Values only; strings are inline text, never formulas.
 */
import { strToU8 } from "fflate";
import type { CellValue, SheetGrid } from "../core/grid";
import { tableRows, type PlanCell, type PlanValue, type SheetPlan } from "../core/plan/sheet-plan";
import { STYLES, type StyleName } from "../core/plan/styles";
import { sheetXmlParts } from "./sheet-writer";
import { EMPTY_STYLES_XML } from "./styles-writer";
import { escapeXml } from "./xml";
import { FFLATE_CODEC, type ZipCodec } from "./codec";
import { writeZip, type ZipPart } from "./zip";

function planValue(v: CellValue): PlanValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return v.kind === "error" ? v.code : `=${v.formula}`;
  return v;
}

const NO_STYLES = Object.fromEntries(Object.keys(STYLES).map((k) => [k, 0])) as Record<StyleName, number>;

export function writeGridsWorkbook(
  sheets: readonly Pick<SheetGrid, "name" | "rows">[],
  codec: ZipCodec = FFLATE_CODEC,
): Uint8Array {
  const files: ZipPart[] = [];
  const put = (name: string, text: string) => files.push({ name, data: strToU8(text), level: 6 });
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
  );
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  put("xl/styles.xml", EMPTY_STYLES_XML);
  sheets.forEach((s, i) => {
    const plan: SheetPlan = {
      role: "rollup",
      name: s.name,
      rows: tableRows([], s.rows, (r) =>
        Array.from(r, (v): PlanCell | null =>
          v === null || v === undefined || v === "" ? null : { value: planValue(v) },
        ),
      ),
      widths: [],
      merges: [],
      print: { landscape: false, fitToWidth: false },
    };
    // Level 6, as Excel compresses: these files stand in for ones users save.
    files.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXmlParts(plan, NO_STYLES), level: 6 });
  });
  return writeZip(files, codec);
}
