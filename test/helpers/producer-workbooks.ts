/**
 * Registers written the way other producers write them: for real (openpyxl and pandas through
 * Debian's python3, LibreOffice, exceljs) and as synthetic variants of each quirk we met in
 * ../shared/corpus/producers (a base exceljs register whose XML parts are rewritten).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { STYLES, type CellStyle } from "../../src/core/plan/styles";
import { PROJECT_HEADER, projectRow } from "./grids";
import { hasLibreOffice } from "./libreoffice";

const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const STRICT_SML = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const STRICT_DRAWINGML = "http://purl.oclc.org/ooxml/drawingml/main";

export interface ProducerWorkbook {
  readonly producer: string;
  /** What the workbook exercises, for the reliability doc. */
  readonly features: string;
  readonly bytes: Uint8Array;
  /** The rollup must refuse it, with a message matching this. */
  readonly refused?: RegExp;
}

/** The register every generated workbook holds: three projects and a user sheet with a name. */
export async function exceljsRegister(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const projects = wb.addWorksheet("Projects");
  projects.addRow(PROJECT_HEADER);
  projects.addRow(projectRow("P-1"));
  projects.addRow(projectRow("P-2", { Budget: 2_000_000, "Reported RAG": "Amber" }));
  projects.addRow(projectRow("P-3", { "Actual Cost": 900_000 }));
  projects.getCell("L2").numFmt = "#,##0";
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "Kept by the PMO";
  wb.definedNames.add("Notes!$A$1", "NoteCell");
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

type Files = Record<string, Uint8Array>;

function rewrite(bytes: Uint8Array, edit: (files: Files) => Files): Uint8Array {
  return zipSync(edit(unzipSync(bytes)));
}

function editText(files: Files, name: string, edit: (xml: string) => string): void {
  files[name] = strToU8(edit(strFromU8(files[name])));
}

function renameAll(files: Files, rename: (name: string) => string): Files {
  return Object.fromEntries(Object.entries(files).map(([n, d]) => [rename(n), d]));
}

/** Every unprefixed element of the default (main) namespace written with prefix x:. */
function prefixMain(xml: string): string {
  return xml
    .replace(`xmlns="${SML}"`, `xmlns:x="${SML}"`)
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, "<$1x:$2");
}

/** The quirks of the producers we met, each applied to the exceljs register. */
export async function syntheticVariants(): Promise<ProducerWorkbook[]> {
  const base = await exceljsRegister();
  const v = (producer: string, features: string, edit: (f: Files) => Files, refused?: RegExp) => ({
    producer,
    features,
    bytes: rewrite(base, edit),
    ...(refused ? { refused } : {}),
  });
  const ourFormats = [
    ...new Set((Object.values(STYLES) as CellStyle[]).flatMap((s) => (s.numFmt ? [s.numFmt] : []))),
  ];
  return [
    v("synthetic (openpyxl)", "xmlns:r declared on each <sheet>, none on the root", (f) => {
      editText(f, "xl/workbook.xml", (x) =>
        x.replace(` xmlns:r="${REL}"`, "").replace(/<sheet /g, `<sheet xmlns:r="${REL}" `),
      );
      return f;
    }),
    v("synthetic (Google Sheets)", "empty <definedNames/>", (f) => {
      editText(f, "xl/workbook.xml", (x) =>
        x.replace(/<definedNames>[\s\S]*?<\/definedNames>/, "<definedNames/>"),
      );
      return f;
    }),
    v("synthetic (ClosedXML)", "prefixed main namespace <x:workbook>, <x:styleSheet>", (f) => {
      editText(f, "xl/workbook.xml", prefixMain);
      editText(f, "xl/styles.xml", prefixMain);
      return f;
    }),
    v("synthetic (node-xlsx-stream)", "cellXfs without cellStyleXfs", (f) => {
      editText(f, "xl/styles.xml", (x) =>
        x
          .replace(/<cellStyleXfs[\s\S]*?<\/cellStyleXfs>/, "")
          .replace(/<cellStyles[\s\S]*?<\/cellStyles>/, "")
          .replace(/ xfId="\d+"/g, ""),
      );
      return f;
    }),
    v("synthetic (FastReport)", "numFmts listing our formats twice, under two ids each", (f) => {
      const fmts = ourFormats.flatMap((code, i) => [
        `<numFmt numFmtId="${200 + 2 * i}" formatCode="${code.replace(/"/g, "&quot;")}"/>`,
        `<numFmt numFmtId="${201 + 2 * i}" formatCode="${code.replace(/"/g, "&quot;")}"/>`,
      ]);
      editText(f, "xl/styles.xml", (x) =>
        x.replace(/<numFmts[^>]*>([\s\S]*?)<\/numFmts>/, (_, inner: string) => {
          const all = inner + fmts.join("");
          return `<numFmts count="${(all.match(/<numFmt /g) ?? []).length}">${all}</numFmts>`;
        }),
      );
      return f;
    }),
    v("synthetic (SheetJS)", "workbook part at wtf/workbook.xml, found through _rels/.rels", (f) => {
      const moved = renameAll(f, (n) => n.replace(/^xl\//, "wtf/"));
      editText(moved, "_rels/.rels", (x) =>
        x.replace('Target="xl/workbook.xml"', 'Target="wtf/workbook.xml"'),
      );
      editText(moved, "[Content_Types].xml", (x) => x.replace(/PartName="\/xl\//g, 'PartName="/wtf/'));
      return moved;
    }),
    v("synthetic (unknown writer)", "backslashes in zip entry names", (f) =>
      renameAll(f, (n) => n.replace(/\//g, "\\")),
    ),
    v("synthetic (zip root)", "workbook and sheets at the zip root, no xl/ folder", (f) => {
      const moved = renameAll(f, (n) => n.replace(/^xl\/_rels\//, "_rels/").replace(/^xl\//, ""));
      editText(moved, "_rels/.rels", (x) => x.replace('Target="xl/workbook.xml"', 'Target="workbook.xml"'));
      editText(moved, "[Content_Types].xml", (x) => x.replace(/PartName="\/xl\//g, 'PartName="/'));
      return moved;
    }),
    v("synthetic (Excel Strict)", "Strict Open XML: purl.oclc.org namespaces and relationship types", (f) => {
      for (const name of Object.keys(f))
        if (/\.(xml|rels)$/.test(name))
          editText(f, name, (x) =>
            x
              .split(SML)
              .join(STRICT_SML)
              .split(`${REL}`)
              .join(STRICT_REL)
              .split(DRAWINGML)
              .join(STRICT_DRAWINGML),
          );
      editText(f, "xl/workbook.xml", (x) => x.replace(/<workbook /, '<workbook conformance="strict" '));
      return f;
    }),
    v(
      "synthetic (protected structure)",
      "workbookProtection lockStructure",
      (f) => {
        editText(f, "xl/workbook.xml", (x) =>
          x.replace(/(<workbookPr[^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>'),
        );
        return f;
      },
      /structure is protected.*unprotect/,
    ),
  ];
}

function systemPythonWith(module: string): string | null {
  const python = "/usr/bin/python3";
  if (!existsSync(python)) return null;
  return spawnSync(python, ["-c", `import ${module}`], { stdio: "ignore" }).status === 0 ? python : null;
}

const PY_ROWS = `
import datetime as dt
rows = [["P-%03d" % i, "Project %d" % i, "Digital", "Portal", "Ann Lee", "CIO", "Execute",
         dt.datetime(2026, 1, 5), dt.datetime(2027, 3, 31), dt.datetime(2027, 4, 15), None,
         1000000 + i * 1000, 400000 + i * 900, 0.4, 0.42, ["Green", "Amber", "Red"][i % 3],
         dt.datetime(2026, 10, 25)] for i in range(1, 6)]
`;

/** Registers written by openpyxl and by pandas' to_excel, when Debian's python3 has them. */
export function pythonRegisters(header: readonly string[]): ProducerWorkbook[] {
  const dir = mkdtempSync(join(tmpdir(), "producers-py-"));
  const out: ProducerWorkbook[] = [];
  const headerPy = JSON.stringify(header);
  const openpyxl = systemPythonWith("openpyxl");
  if (openpyxl) {
    const file = join(dir, "openpyxl.xlsx");
    const script = `${PY_ROWS}
import openpyxl, sys
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Projects"
ws.append(${headerPy})
for r in rows: ws.append(r)
wb.create_sheet("Notes")["A1"] = "Kept by the PMO"
wb.save(sys.argv[1])
`;
    if (spawnSync(openpyxl, ["-c", script, file], { stdio: "pipe" }).status === 0)
      out.push({
        producer: "openpyxl",
        features: "xmlns:r on each <sheet>, empty <definedNames/>",
        bytes: readFileSync(file),
      });
  }
  const pandas = systemPythonWith("pandas");
  if (pandas) {
    const file = join(dir, "pandas.xlsx");
    const script = `${PY_ROWS}
import pandas as pd, sys
with pd.ExcelWriter(sys.argv[1], engine="openpyxl") as w:
    pd.DataFrame(rows, columns=${headerPy}).to_excel(w, sheet_name="Projects", index=False)
    pd.DataFrame({"Note": ["Kept by the PMO"]}).to_excel(w, sheet_name="Notes", index=False)
`;
    if (spawnSync(pandas, ["-c", script, file], { stdio: "pipe" }).status === 0)
      out.push({
        producer: "pandas to_excel",
        features: "openpyxl's markup, datetime cells",
        bytes: readFileSync(file),
      });
  }
  return out;
}

/** The exceljs register saved again by LibreOffice, when soffice is there. */
export function libreOfficeRegister(source: Uint8Array): ProducerWorkbook | null {
  if (!hasLibreOffice()) return null;
  const dir = mkdtempSync(join(tmpdir(), "producers-lo-"));
  const input = join(dir, "in.xlsx");
  writeFileSync(input, source);
  const outDir = join(dir, "out");
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  const run = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      input,
      "--outdir",
      outDir,
    ],
    { env: { ...process.env, HOME: profile }, stdio: "pipe", timeout: 120_000 },
  );
  const file = join(outDir, "in.xlsx");
  if (run.status !== 0 || !existsSync(file)) return null;
  return {
    producer: "LibreOffice Calc",
    features: "LibreOffice's styles and workbook markup",
    bytes: readFileSync(file),
  };
}
