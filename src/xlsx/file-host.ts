/**
 * The WorkbookHost over an .xlsx file's bytes, for the task pane outside Excel (and tests):
 * reads with our reader, writes our sheets surgically, keeps the new bytes for download.
 */
import type { CellValue, WorkbookGrids } from "../core/grid";
import { freeSheetName } from "../core/plan/sheet-names";
import type { WorkbookPlan } from "../core/plan/sheet-plan";
import { SheetTakenError } from "../core/plan/template-plan";
import {
  importSheetPlan,
  throwIfAborted,
  type HostOptions,
  type ReadOptions,
  type WorkbookHost,
} from "../host/workbook-host";
import { XlsxPackage } from "./package";
import { readWorkbook } from "./read-workbook";
import { readWorkbookInfo } from "./workbook-part";
import { writePlanIntoPackage } from "./write-plan";
import { writeGridsWorkbook } from "./write-grids";
import { csvGrid, parseCsv } from "../core/csv";

/** Writing needs the package and its sheet list, not every sheet's cells. */
const NO_SHEETS = { sheetFilter: () => false };

export class FileWorkbookHost implements WorkbookHost {
  readonly kind = "file";
  /** The last cell a finding asked to show (there is no Excel grid to move to). */
  selected: { sheet: string; cell: string } | null = null;

  constructor(
    readonly fileName: string,
    private data: Uint8Array,
  ) {}

  /** The workbook as it is now, with any rollup sheets written. */
  get bytes(): Uint8Array {
    return this.data;
  }

  /**
   * Refuse a file that is not a workbook, with its one-line reason, cheaply: the package and its
   * sheet list only (no cells, no shared strings), so opening a large file never freezes the pane.
   */
  check(): void {
    readWorkbookInfo(XlsxPackage.open(this.data));
  }

  /** Take bytes written elsewhere (the pane's engine worker) as the workbook from now on. */
  adopt(bytes: Uint8Array): void {
    this.data = bytes;
  }

  async readWorkbook(options?: ReadOptions): Promise<WorkbookGrids> {
    throwIfAborted(options?.signal);
    return readWorkbook(this.data, options?.sheets ? { sheetFilter: options.sheets } : {}).grids;
  }

  async applyPlan(plan: WorkbookPlan, options?: HostOptions): Promise<void> {
    throwIfAborted(options?.signal);
    const read = readWorkbook(this.data, NO_SHEETS); // the package and its sheet list only
    const next = writePlanIntoPackage(read.pkg, read.info, plan);
    throwIfAborted(options?.signal);
    this.data = next; // only now: an abort or a failure leaves the bytes as they were
  }

  async addSheet(name: string, rows: readonly (readonly CellValue[])[]): Promise<string> {
    const read = readWorkbook(this.data, NO_SHEETS);
    const sheetName = freeSheetName(
      name,
      read.info.sheets.map((s) => s.name),
    );
    const plan = importSheetPlan(sheetName, rows);
    this.data = writePlanIntoPackage(read.pkg, read.info, { sheets: [plan] });
    return sheetName;
  }

  async addTemplateSheets(plan: WorkbookPlan): Promise<string[]> {
    const read = readWorkbook(this.data, NO_SHEETS);
    const clash = plan.sheets.find((p) =>
      read.info.sheets.some((s) => s.name.toLowerCase() === p.name.toLowerCase()),
    );
    if (clash) throw new SheetTakenError(clash.name);
    this.data = writePlanIntoPackage(read.pkg, read.info, plan);
    return plan.sheets.map((p) => p.name);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet, cell };
  }

  async watchChanges(): Promise<() => Promise<void>> {
    return async () => undefined; // a file does not change under us
  }
}

/** A CSV opened on its own: a new workbook whose Projects sheet holds it (named .xlsx for download). */
export function fileHostFromCsv(
  fileName: string,
  bytes: Uint8Array,
  register = "Projects",
): FileWorkbookHost {
  const workbook = writeGridsWorkbook([csvGrid(register, parseCsv(bytes))]);
  return new FileWorkbookHost(fileName.replace(/\.(csv|tsv|txt)$/i, ".xlsx"), workbook);
}
