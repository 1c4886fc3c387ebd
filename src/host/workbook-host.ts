/**
 * The port between the engine and a workbook: Excel through Office.js (src/excel), or an .xlsx
 * file in Node or the browser (src/xlsx). The task pane and the ribbon commands talk to this,
 * never to Excel directly.
 */
import type { CellValue, WorkbookGrids } from "../core/grid";
import type { PlanCell, SheetPlan, WorkbookPlan } from "../core/plan/sheet-plan";
import { IMPORT_ROLE } from "../core/plan/sheet-names";

export interface Progress {
  /** Work done and total, in the host's own units (cells, blocks). */
  (done: number, total: number, what: string): void;
}

export interface HostOptions {
  readonly onProgress?: Progress;
  /** Aborts long work between round trips; a write aborted half way leaves no half-written sheet. */
  readonly signal?: AbortSignal;
}

export interface ReadOptions extends HostOptions {
  /** Read only the sheets this returns true for (the others come back empty). */
  readonly sheets?: (name: string) => boolean;
}

export interface WorkbookHost {
  /** "excel" inside Excel, "file" for an .xlsx opened in the browser or Node. */
  readonly kind: "excel" | "file";
  /** Every sheet's grid with number formats, the date system, defined names, and which sheets are ours. */
  readWorkbook(options?: ReadOptions): Promise<WorkbookGrids>;
  /** Create or replace our sheets from the plan; never touches any other sheet. */
  applyPlan(plan: WorkbookPlan, options?: HostOptions): Promise<void>;
  /** Show a cell to the user (jump to a finding). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Add a new sheet holding `rows` (a CSV imported as a register), named `name` or, when that is
   * taken, a free variant; returns the name used. Never replaces a sheet.
   */
  addSheet(name: string, rows: readonly (readonly CellValue[])[]): Promise<string>;
  /**
   * Add register template sheets (core/plan/template-plan.ts: headers, formats, validations, a
   * table each) as new sheets; refuses, changing nothing, when a sheet of that name exists.
   * Returns the names added.
   */
  addTemplateSheets(plan: WorkbookPlan): Promise<string[]>;
  /** Call `onChange` with the sheet's name when the user edits a sheet; returns a function that stops watching. */
  watchChanges(onChange: (sheet: string) => void): Promise<() => Promise<void>>;
}

export class HostAbortedError extends Error {
  constructor() {
    super("Stopped: nothing was changed in the workbook.");
    this.name = "HostAbortedError";
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new HostAbortedError();
}

/** Plain cell values as plan cells (for an imported sheet: no styles, text stays text). */
export function importPlanRows(rows: readonly (readonly CellValue[])[]): (PlanCell | null)[][] {
  return rows.map((r) =>
    Array.from(r, (v): PlanCell | null => {
      if (v === null || v === undefined || v === "") return null;
      if (typeof v === "object") return { value: v.kind === "error" ? v.code : `=${v.formula}` };
      return { value: v };
    }),
  );
}

/** The plan of a sheet the user asked to add: plain values, no styles, never owned. */
export function importSheetPlan(name: string, rows: readonly (readonly CellValue[])[]): SheetPlan {
  return {
    role: IMPORT_ROLE,
    name,
    rows: importPlanRows(rows),
    widths: [],
    merges: [],
    print: { landscape: false, fitToWidth: false },
  };
}
