/**
 * Writes plain grids to a new .xlsx with exceljs: the sample workbook and test fixtures.
 * (Writing rollup sheets into an existing workbook is the surgical writer's job, not this.)
 */
import ExcelJS from "exceljs";
import { isErrorCell, isUncalculatedCell, type CellValue } from "../core/grid";
import type { SampleSheet } from "../sample/sample-portfolio";

export interface SimpleWorkbookOptions {
  readonly date1904?: boolean;
}

function toExcelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null || value === "") return null;
  if (isErrorCell(value)) return { error: value.code as ExcelJS.CellErrorValue["error"] };
  if (isUncalculatedCell(value))
    return { formula: value.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  return value;
}

export async function writeSimpleWorkbook(
  sheets: readonly SampleSheet[],
  options: SimpleWorkbookOptions = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "PMO Rollup";
  if (options.date1904) wb.properties.date1904 = true;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      const excelRow = ws.getRow(r + 1);
      row.forEach((value, c) => {
        const v = toExcelValue(value);
        if (v === null) return;
        const cell = excelRow.getCell(c + 1);
        cell.value = v;
        const format = sheet.columnFormats?.[c];
        if (format && r !== sheet.headerRow) cell.numFmt = format;
      });
      if (r === sheet.headerRow) excelRow.font = { bold: true };
    });
    sheet.widths?.forEach((w, c) => (ws.getColumn(c + 1).width = w));
    if (sheet.headerRow !== undefined) ws.views = [{ state: "frozen", ySplit: sheet.headerRow + 1 }];
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
