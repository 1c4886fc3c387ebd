/**
 * Submissions kept in the workbook: each coordinator's workbook submitted in the pane is kept in a
 * sheet of ours (role `sub_N`), tagged with its file and submission time, holding its register
 * sheets cell for cell. A refresh reads them back and consolidates them with the workbook's own
 * registers exactly as the CLI consolidates files, so it is reproducible from the workbook alone.
 */
import type { CellValue, SheetGrid, WorkbookGrids } from "../grid";
import { isErrorCell, isUncalculatedCell } from "../grid";
import { isPercentFormat } from "../register/coerce";
import { isSubmissionRole, submissionRole, type SubmissionRole } from "../plan/sheet-names";
import { cell, type PlanCell, type SheetPlan } from "../plan/sheet-plan";
import { textCell } from "../plan/table";
import type { Registers } from "../register/register-table";
import type { WorkbookEntry } from "./portfolio-rollup";

const TITLE = "PMO Rollup submission";
const FILE_LABEL = "Source file";
const TIME_LABEL = "Submitted";
/** Marks the start of one submitted sheet: the marker, the sheet's name, its number of rows. */
const SHEET_MARKER = "Sheet:";
const HEAD_ROWS = 5;

export interface KeptSubmission {
  readonly file: string;
  /** When it was submitted, as an Excel serial. */
  readonly submitted: number | null;
  readonly sheet: string;
  readonly role: SubmissionRole;
  readonly grids: WorkbookGrids;
}

function keptValue(value: CellValue, format: string | null | undefined): PlanCell | null {
  if (value === null || value === "") return null;
  if (isErrorCell(value)) return cell(value.code);
  if (isUncalculatedCell(value)) return cell(`=${value.formula}`);
  // A percent format tells the engine 0.45 means 45 %: keep it.
  if (typeof value === "number" && isPercentFormat(format ?? null)) return cell(value, "percent");
  return cell(value);
}

/** The kept sheet's name for a file: "Sub north.xlsx", unique among `taken` (31 characters at most). */
function keptSheetName(file: string, taken: ReadonlySet<string>): string {
  const base = `Sub ${file.replace(/[\\/?*[\]:]/g, " ")}`.slice(0, 31).trim();
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  return name;
}

/** Days between the 1900 and 1904 date systems' serials of the same day. */
const DATE_SYSTEM_GAP = 1462;

/**
 * Date columns of each register sheet (0-based columns, and the header row), whose serials move
 * to the workbook's date system when the submission uses the other one.
 */
function dateColumns(registers: Registers): Map<string, { cols: Set<number>; headerRow: number }> {
  const out = new Map<string, { cols: Set<number>; headerRow: number }>();
  for (const table of Object.values(registers)) {
    if (!table) continue;
    for (const sheet of [table, ...(table.parts ?? [])]) {
      const cols = new Set(
        [...sheet.columns.values()].filter((c) => c.spec.type === "date").map((c) => c.col),
      );
      out.set(sheet.sheet, { cols, headerRow: sheet.headerRow });
    }
  }
  return out;
}

/** The submitted workbook's register sheets (the ones the standard found), in workbook order. */
function registerSheets(grids: WorkbookGrids, registers: Registers): SheetGrid[] {
  const names = new Set(
    Object.values(registers).flatMap((t) => (t ? [t.sheet, ...(t.parts ?? []).map((p) => p.sheet)] : [])),
  );
  return grids.sheets.filter((s) => names.has(s.name) && !s.ownedRole);
}

/**
 * The plan of the sheet that keeps one submission: replaces the sheet kept for the same file
 * (by file name, case-insensitively), else a new one.
 */
export function submissionSheetPlan(
  kept: readonly KeptSubmission[],
  sheetNames: readonly string[],
  file: string,
  submitted: number,
  grids: WorkbookGrids,
  registers: Registers,
  date1904: boolean,
): SheetPlan {
  const same = kept.find((k) => k.file.toLowerCase() === file.toLowerCase());
  const used = new Set(kept.map((k) => k.role));
  let n = 1;
  while (used.has(submissionRole(n))) n++;
  const role = same?.role ?? submissionRole(n);
  const name = same?.sheet ?? keptSheetName(file, new Set(sheetNames.map((s) => s.toLowerCase())));
  const rows: (PlanCell | null)[][] = [
    [cell(TITLE, "title")],
    [cell(FILE_LABEL, "kpiLabel"), cell(file, "text")],
    [cell(TIME_LABEL, "kpiLabel"), cell({ kind: "datetime", serial: submitted }, "datetime")],
    [
      cell(
        "Kept by PMO Rollup: submitting this file again replaces this sheet; Refresh rollup consolidates it. Edit the coordinator's workbook, not this sheet.",
        "subtitle",
      ),
    ],
    [],
  ];
  const shift = grids.date1904 === date1904 ? 0 : grids.date1904 ? DATE_SYSTEM_GAP : -DATE_SYSTEM_GAP;
  const dates = dateColumns(registers);
  for (const sheet of registerSheets(grids, registers)) {
    rows.push([
      cell(SHEET_MARKER, "section"),
      textCell(sheet.name, "section"),
      cell(sheet.rows.length, "section"),
    ]);
    const moved = shift !== 0 ? dates.get(sheet.name) : undefined;
    sheet.rows.forEach((row, r) =>
      rows.push(
        Array.from(row, (v, c) => {
          const value = v ?? null;
          const dated = moved && r > moved.headerRow && moved.cols.has(c) && typeof value === "number";
          return keptValue(dated ? value + shift : value, sheet.formats?.[r]?.[c]);
        }),
      ),
    );
  }
  return {
    role,
    name,
    rows,
    widths: [16, 24],
    merges: [],
    print: { landscape: true, fitToWidth: true },
    tabColor: "A5A5A5",
  };
}

function text(v: CellValue | undefined): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}

/** One kept sheet read back into the submitted workbook's register sheets; null if it is not one. */
function readKept(sheet: SheetGrid, role: SubmissionRole, date1904: boolean): KeptSubmission | null {
  const rows = sheet.rows;
  const file = text(rows[1]?.[1]);
  if (text(rows[0]?.[0]) !== TITLE || text(rows[1]?.[0]) !== FILE_LABEL || !file) return null;
  const submitted = typeof rows[2]?.[1] === "number" ? (rows[2][1] as number) : null;
  const sheets: SheetGrid[] = [];
  for (let r = HEAD_ROWS; r < rows.length; r++) {
    const row = rows[r];
    const name = text(row?.[1]);
    const count = row?.[2];
    if (text(row?.[0]) !== SHEET_MARKER || !name || typeof count !== "number") continue;
    const body = rows.slice(r + 1, r + 1 + count);
    const formats = sheet.formats?.slice(r + 1, r + 1 + count);
    sheets.push({ name, rows: body, ...(formats ? { formats } : {}) });
    r += count;
  }
  return { file, submitted, sheet: sheet.name, role, grids: { sheets, date1904 } };
}

/** The submissions kept in a workbook, in the order their sheets appear. */
export function keptSubmissions(workbook: WorkbookGrids): KeptSubmission[] {
  return workbook.sheets.flatMap((s) => {
    if (!s.ownedRole || !isSubmissionRole(s.ownedRole)) return [];
    const kept = readKept(s, s.ownedRole, workbook.date1904);
    return kept ? [kept] : [];
  });
}

/** The workbook itself, then each kept submission: what a refresh consolidates. */
export function withSubmissions(file: string, grids: WorkbookGrids): WorkbookEntry[] {
  return [{ file, grids }, ...keptSubmissions(grids).map((k) => ({ file: k.file, grids: k.grids }))];
}
