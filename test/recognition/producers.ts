/** The evaluation registers written as Excel (exceljs), openpyxl and LibreOffice write them. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { WorkbookGrids } from "../../src/core/grid";
import { csvGrid, parseCsv } from "../../src/core/csv";
import { csvSheetName } from "../../src/core/register/csv-register";
import { defaultStandard } from "../../src/core/standard/load";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import type { EvalCase, EvalCell } from "./cases";

export type Producer = "exceljs" | "openpyxl" | "libreoffice";

function excelCell(v: EvalCell): ExcelJS.CellValue {
  if (v !== null && typeof v === "object") return new Date(`${v.date}T00:00:00Z`);
  return v;
}

/** A CSV case as the CLI reads it: one text grid, named for the register its headers fit. */
function csvGrids(c: EvalCase): WorkbookGrids {
  const s = c.sheets[0];
  const text = (v: EvalCell) => (v === null ? "" : typeof v === "object" ? v.date : String(v));
  const quote = (t: string) => (/[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  const lines = [...(s.above ?? []), s.header, ...s.rows].map((r) => r.map((v) => quote(text(v))).join(","));
  const csv = parseCsv(new TextEncoder().encode(lines.join("\r\n")));
  const name = csvSheetName(c.file.replace(/\.csv$/i, ""), csvGrid("CSV", csv), defaultStandard());
  return { sheets: [csvGrid(name, csv)], date1904: false };
}

export const isCsvCase = (c: EvalCase) => /\.csv$/i.test(c.file);

export async function withExcelJs(c: EvalCase): Promise<WorkbookGrids> {
  if (isCsvCase(c)) return csvGrids(c);
  const wb = new ExcelJS.Workbook();
  for (const s of c.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.above ?? []) ws.addRow(row.map(excelCell));
    ws.addRow([...s.header]);
    for (const row of s.rows) ws.addRow(row.map(excelCell));
    ws.eachRow((r) =>
      r.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = "dd/mm/yyyy";
      }),
    );
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return readWorkbook(bytes).grids;
}

export function hasOpenpyxl(): boolean {
  return spawnSync("/usr/bin/python3", ["-c", "import openpyxl"], { stdio: "ignore" }).status === 0;
}

/** Every case written by openpyxl into a folder; returns the folder. */
export function withOpenpyxl(cases: readonly EvalCase[]): string {
  const dir = mkdtempSync(join(tmpdir(), "pmo-openpyxl-"));
  const json = join(dir, "cases.json");
  writeFileSync(json, JSON.stringify(cases.filter((c) => !isCsvCase(c))));
  execFileSync("/usr/bin/python3", [join(__dirname, "write-openpyxl.py"), json, dir], { stdio: "pipe" });
  return dir;
}

/** The openpyxl files opened and saved again by LibreOffice (its own .xlsx writer). */
export function withLibreOffice(cases: readonly EvalCase[], fromDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), "pmo-lo-"));
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      ...cases.filter((c) => !isCsvCase(c)).map((c) => join(fromDir, c.file)),
      "--outdir",
      dir,
    ],
    { env: { ...process.env, HOME: profile }, stdio: "pipe", timeout: 300_000 },
  );
  return dir;
}

export function gridsOf(dir: string, c: EvalCase): WorkbookGrids {
  if (isCsvCase(c)) return csvGrids(c);
  return readWorkbook(new Uint8Array(readFileSync(join(dir, c.file)))).grids;
}
