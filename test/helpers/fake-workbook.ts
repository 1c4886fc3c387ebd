/** Loads grids (from an .xlsx or built in a test) into the fake Excel, as if opened in Excel. */
import type { WorkbookGrids } from "../../src/core/grid";
import { ExcelWorkbookHost } from "../../src/excel/excel-host";
import { FakeExcel } from "../fake-excel/fake-excel";

export function fakeFromGrids(grids: WorkbookGrids): FakeExcel {
  const fake = new FakeExcel();
  fake.workbook.date1904 = grids.date1904;
  for (const g of grids.sheets) {
    const sheet = fake.workbook.addSheet(g.name);
    if (g.hidden) sheet.visibility = "Hidden";
    g.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        if (typeof v === "object") {
          if (v.kind === "error") sheet.setError(r, c, v.code);
          return;
        }
        sheet.set(r, c, v, g.formats?.[r]?.[c] ?? undefined);
      }),
    );
  }
  return fake;
}

export function hostOf(fake: FakeExcel): ExcelWorkbookHost {
  return new ExcelWorkbookHost(fake.api() as unknown as typeof Excel, (v) => fake.supported.has(v));
}
