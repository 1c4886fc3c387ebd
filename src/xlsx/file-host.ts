/**
 * The WorkbookHost over an .xlsx file's bytes, for the task pane outside Excel (and tests):
 * reads with our reader, writes our sheets surgically, keeps the new bytes for download.
 */
import type { WorkbookGrids } from "../core/grid";
import type { WorkbookPlan } from "../core/plan/sheet-plan";
import { throwIfAborted, type HostOptions, type ReadOptions, type WorkbookHost } from "../host/workbook-host";
import { readWorkbook } from "./read-workbook";
import { writePlanIntoPackage } from "./write-plan";

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

  async readWorkbook(options?: ReadOptions): Promise<WorkbookGrids> {
    throwIfAborted(options?.signal);
    return readWorkbook(this.data, options?.sheets ? { sheetFilter: options.sheets } : {}).grids;
  }

  async applyPlan(plan: WorkbookPlan, options?: HostOptions): Promise<void> {
    throwIfAborted(options?.signal);
    const read = readWorkbook(this.data);
    const next = writePlanIntoPackage(read.pkg, read.info, plan);
    throwIfAborted(options?.signal);
    this.data = next; // only now: an abort or a failure leaves the bytes as they were
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet, cell };
  }

  async watchChanges(): Promise<() => Promise<void>> {
    return async () => undefined; // a file does not change under us
  }
}
