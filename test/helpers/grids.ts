/** Small builders for engine tests: grids from arrays, workbooks from sheets. */
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import { dayFromIso, serialFromDay } from "../../src/core/dates";
import { PROJECT_HEADERS } from "../../src/sample/project-headers";

export function sheet(name: string, rows: CellValue[][], formats?: (string | null)[][]): SheetGrid {
  return { name, rows, ...(formats ? { formats } : {}) };
}

export function workbook(...sheets: SheetGrid[]): WorkbookGrids {
  return { sheets, date1904: false };
}

/** Excel 1900-system serial of an ISO date. */
export function serial(iso: string): number {
  return serialFromDay(dayFromIso(iso)!);
}

export function day(iso: string): number {
  return dayFromIso(iso)!;
}

export const PROJECT_HEADER: CellValue[] = [...PROJECT_HEADERS];

/** A clean project row; override fields by header name. */
export function projectRow(id: string, overrides: Record<string, CellValue> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    "Project ID": id,
    "Project Name": `Project ${id}`,
    Portfolio: "Digital",
    Programme: "Portal",
    "Project Manager": "Ann Lee",
    Sponsor: "CIO",
    Stage: "Execute",
    "Start Date": serial("2026-01-05"),
    "Baseline Finish": serial("2027-03-31"),
    "Forecast Finish": serial("2027-04-15"),
    "Actual Finish": "",
    Budget: 1_000_000,
    "Actual Cost": 400_000,
    "% Complete": 0.4,
    "Planned % Complete": 0.42,
    "Reported RAG": "Green",
    "Last Updated": serial("2026-10-25"),
    ...overrides,
  };
  return PROJECT_HEADER.map((h) => base[h as string] ?? "");
}

export const AS_OF = "2026-10-30";
