/**
 * The engine's front door for every host: which standard is in force, which status date,
 * and the validated registers with their findings. Pure: hosts pass grids and today's date.
 */
import { dayFromIso, type DayNumber } from "./dates";
import type { WorkbookGrids } from "./grid";
import { defaultStandard } from "./standard/load";
import type { Standard } from "./standard/schema";
import { findStandardSheet, standardFromSheet } from "./standard/sheet-standard";
import { findStatusDate } from "./status-date";
import { analyseRegisters, type WorkbookAnalysis } from "./rollup/analyse";
import { validateWorkbook, type Validation } from "./validate/validate-workbook";

export type StandardSource = "built-in" | "file" | "workbook";

export interface ResolvedStandard {
  readonly standard: Standard;
  readonly source: StandardSource;
}

/** An explicit standard (a file) wins, then the workbook's `PMO Standard` sheet, then the built-in one. */
export function resolveStandard(workbook: WorkbookGrids, explicit?: Standard): ResolvedStandard {
  if (explicit) return { standard: explicit, source: "file" };
  const sheet = findStandardSheet(workbook.sheets);
  if (sheet) return { standard: standardFromSheet(sheet), source: "workbook" };
  return { standard: defaultStandard(), source: "built-in" };
}

export interface ResolvedAsOf {
  readonly day: DayNumber;
  /** "--as-of", "today", or where in the workbook it was found. */
  readonly source: string;
}

export function resolveAsOf(
  workbook: WorkbookGrids,
  standard: Standard,
  explicit: DayNumber | undefined,
  today: DayNumber,
): ResolvedAsOf {
  if (explicit !== undefined) return { day: explicit, source: "--as-of" };
  const found = findStatusDate(workbook, standard.dateOrder);
  if (found) return { day: found.day, source: found.source };
  return { day: today, source: "today" };
}

/** Parse YYYY-MM-DD (the CLI's --as-of); null when it is not a real date. */
export function parseAsOf(text: string): DayNumber | null {
  return dayFromIso(text.trim());
}

export interface WorkbookCheck {
  readonly standard: ResolvedStandard;
  readonly asOf: ResolvedAsOf;
  /** Every finding, the RAG engine's included, and the registers as read. */
  readonly validation: Validation;
  /** Projects with metrics, RAG and trend; where the registers are. */
  readonly analysis: WorkbookAnalysis;
}

export interface CheckOptions {
  readonly standard?: Standard;
  readonly asOf?: DayNumber;
  readonly today: DayNumber;
  /** The file name, when several workbooks are consolidated (tags each project). */
  readonly source?: string;
  /** The workbook's file name (names a one-project log's project when nothing inside does). */
  readonly fileName?: string;
}

/**
 * Validate a workbook under the standard in force at its status date, and derive each project's
 * metrics and RAG (whose rules add findings too). Throws StandardError only.
 */
export function checkWorkbook(workbook: WorkbookGrids, options: CheckOptions): WorkbookCheck {
  const standard = resolveStandard(workbook, options.standard);
  const asOf = resolveAsOf(workbook, standard.standard, options.asOf, options.today);
  const fileName = options.fileName ?? options.source;
  const validation = validateWorkbook(workbook, standard.standard, asOf.day, fileName ? { fileName } : {});
  const analysis = analyseRegisters(
    workbook,
    validation,
    standard.standard,
    asOf.day,
    options.source ?? null,
  );
  return { standard, asOf, validation, analysis };
}
