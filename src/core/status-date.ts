/**
 * The status date ("as of") a workbook reports at: a defined name such as Status_Date, else a
 * cell labelled "Status Date" (or "As of", "Reporting Date") near the top of a sheet, with the
 * date beside or below it. The caller falls back to --as-of or today (DESIGN §4).
 */
import { a1, parseSheetRef } from "./a1";
import { dayFromSerial, type DayNumber } from "./dates";
import { cellAt, type SheetGrid, type WorkbookGrids, type CellValue } from "./grid";
import { cleanText, matchKey } from "./register/normalize";
import { parseTextDate, type DateOrder } from "./register/parse-date";

const NAME_KEYS = new Set(["statusdate", "asof", "asofdate", "reportingdate", "asatdate", "reportdate"]);
const LABEL_KEYS = new Set([
  "statusdate",
  "asof",
  "asat",
  "asofdate",
  "asatdate",
  "reportingdate",
  "reportdate",
  "datasasat",
]);

export interface StatusDate {
  readonly day: DayNumber;
  /** Where it was found, e.g. "name Status_Date" or "Summary!B2". */
  readonly source: string;
}

function toDay(value: CellValue, date1904: boolean, order: DateOrder): DayNumber | null {
  if (typeof value === "number") {
    const d = dayFromSerial(value, date1904);
    return typeof d === "number" ? d : null;
  }
  if (typeof value === "string") {
    const parsed = parseTextDate(cleanText(value), order);
    return parsed && "day" in parsed ? parsed.day : null;
  }
  return null;
}

function cellFromName(workbook: WorkbookGrids, ref: string, order: DateOrder): DayNumber | null {
  const target = parseSheetRef(ref);
  if (!target) return null;
  const sheet = workbook.sheets.find((s) => s.name === target.sheet);
  if (!sheet) return null;
  const origin = sheet.origin ?? { row: 0, col: 0 };
  return toDay(cellAt(sheet, target.row - origin.row, target.col - origin.col), workbook.date1904, order);
}

function labelledCell(
  sheet: SheetGrid,
  date1904: boolean,
  order: DateOrder,
): { day: DayNumber; row: number; col: number } | null {
  const rows = Math.min(sheet.rows.length, 10);
  for (let r = 0; r < rows; r++) {
    const width = Math.min(sheet.rows[r]?.length ?? 0, 12);
    for (let c = 0; c < width; c++) {
      const v = cellAt(sheet, r, c);
      if (typeof v !== "string" || !LABEL_KEYS.has(matchKey(v))) continue;
      for (const [dr, dc] of [
        [0, 1],
        [0, 2],
        [1, 0],
      ]) {
        const day = toDay(cellAt(sheet, r + dr, c + dc), date1904, order);
        if (day !== null) return { day, row: r + dr, col: c + dc };
      }
    }
  }
  return null;
}

export function findStatusDate(workbook: WorkbookGrids, order: DateOrder): StatusDate | null {
  for (const [name, ref] of Object.entries(workbook.names ?? {})) {
    if (!NAME_KEYS.has(matchKey(name))) continue;
    const day = cellFromName(workbook, ref, order);
    if (day !== null) return { day, source: `name ${name}` };
  }
  for (const sheet of workbook.sheets) {
    if (sheet.ownedRole) continue; // our rollup shows the last status date; it is not a source
    const found = labelledCell(sheet, workbook.date1904, order);
    if (found) {
      const origin = sheet.origin ?? { row: 0, col: 0 };
      return {
        day: found.day,
        source: `${sheet.name}!${a1(found.row + origin.row, found.col + origin.col)}`,
      };
    }
  }
  return null;
}
