/** Builds .xlsx packages from literal XML, to test the reader on exactly the markup Excel and others write. */
import { strToU8, zipSync } from "fflate";

export interface RawSheet {
  readonly name: string;
  /** The <sheetData> inner XML (rows), or a whole worksheet document when it starts with "<?xml". */
  readonly xml: string;
  readonly state?: "hidden" | "veryHidden";
}

export interface RawWorkbookOptions {
  readonly sharedStrings?: readonly string[]; // inner XML of each <si>
  readonly date1904?: boolean;
  readonly styles?: string; // whole styles.xml
  readonly definedNames?: string; // inner XML of <definedNames>
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export function rawXlsx(sheets: readonly RawSheet[], options: RawWorkbookOptions = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string) => (files[name] = strToU8(text));
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${options.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}<sheets>${sheets
      .map(
        (s, i) =>
          `<sheet name="${s.name.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
      )
      .join(
        "",
      )}</sheets>${options.definedNames ? `<definedNames>${options.definedNames}</definedNames>` : ""}</workbook>`,
  );
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        "",
      )}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  sheets.forEach((s, i) =>
    put(
      `xl/worksheets/sheet${i + 1}.xml`,
      s.xml.startsWith("<?xml")
        ? s.xml
        : `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${s.xml}</sheetData></worksheet>`,
    ),
  );
  if (options.sharedStrings)
    put(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${options.sharedStrings.map((si) => `<si>${si}</si>`).join("")}</sst>`,
    );
  if (options.styles) put("xl/styles.xml", options.styles);
  return zipSync(files);
}

export const PERCENT_AND_DATE_STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
