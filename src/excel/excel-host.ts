/** The WorkbookHost over Office.js: the open workbook in Excel (Windows, Mac, the web). */
import type { CellValue, WorkbookGrids } from "../core/grid";
import { freeSheetName } from "../core/plan/sheet-names";
import type { WorkbookPlan } from "../core/plan/sheet-plan";
import { SheetTakenError } from "../core/plan/template-plan";
import {
  importSheetPlan,
  type HostOptions,
  type ReadOptions,
  type WorkbookHost,
} from "../host/workbook-host";
import { writeExcelCharts } from "./charts";
import { readExcelWorkbook } from "./read-excel";
import { isSwapMarker } from "./swap";
import type { SheetWork } from "./sheet-ops";
import { applyTemplateRules } from "./template-rules";
import { recoverInterruptedWrite, writeExcelPlan, writeExcelWorks, type Inventory } from "./write-excel";

/** Requirement sets: the manifest asks for ExcelApi 1.7; newer features are used when present. */
export type SetSupported = (version: string) => boolean;

function inventoryOf(grids: WorkbookGrids): Inventory {
  const owned = new Map<string, string>();
  for (const s of grids.sheets) if (s.ownedRole) owned.set(s.ownedRole, s.name);
  return { sheets: grids.sheets.map((s) => s.name), owned, names: Object.keys(grids.names ?? {}) };
}

export class ExcelWorkbookHost implements WorkbookHost {
  readonly kind = "excel";
  private inventory: Inventory | null = null;

  constructor(
    private readonly excel: typeof Excel,
    private readonly supports: SetSupported,
  ) {}

  async readWorkbook(options?: ReadOptions): Promise<WorkbookGrids> {
    let grids = await readExcelWorkbook(this.excel, options);
    // An earlier write was interrupted (the pane closed mid-swap): undo or finish it, then read again.
    if (Object.keys(grids.names ?? {}).some(isSwapMarker) && (await recoverInterruptedWrite(this.excel)))
      grids = await readExcelWorkbook(this.excel, options);
    this.inventory = inventoryOf(grids);
    return grids;
  }

  /** Writes the plan; uses what the last read saw of the workbook, or reads its sheet list first. */
  async applyPlan(plan: WorkbookPlan, options?: HostOptions): Promise<void> {
    const inventory =
      this.inventory ?? inventoryOf(await readExcelWorkbook(this.excel, { sheets: () => false }));
    this.inventory = null; // the workbook changes now: the next write reads again
    await writeExcelPlan(this.excel, plan, inventory, this.features(), options);
    // After the swap: the charts go on the sheets in place, new sheets with no chart yet.
    await writeExcelCharts(this.excel, plan, true);
  }

  /** Register template sheets: written as new sheets, then their validations and tables. */
  async addTemplateSheets(plan: WorkbookPlan): Promise<string[]> {
    const inventory = inventoryOf(await readExcelWorkbook(this.excel, { sheets: () => false }));
    const clash = plan.sheets.find((p) =>
      inventory.sheets.some((n) => n.toLowerCase() === p.name.toLowerCase()),
    );
    if (clash) throw new SheetTakenError(clash.name);
    await writeExcelPlan(this.excel, plan, inventory, this.features());
    this.inventory = null;
    await applyTemplateRules(this.excel, plan, this.supports("1.8"));
    return plan.sheets.map((p) => p.name);
  }

  /** Writes sheets already prepared (by the pane's engine worker: values, style runs, rules). */
  async applyPrepared(works: readonly SheetWork[], options?: HostOptions): Promise<void> {
    this.inventory = null;
    await writeExcelWorks(this.excel, works, this.features(), options);
    // The prepared sheets' plans keep their charts (their rows stay in the worker).
    await writeExcelCharts(this.excel, { sheets: works.map((w) => w.plan) }, true);
  }

  private features() {
    return {
      autoFilter: this.supports("1.9"),
      pageLayout: this.supports("1.9"),
      screenUpdating: this.supports("1.9"),
    };
  }

  async addSheet(name: string, rows: readonly (readonly CellValue[])[]): Promise<string> {
    const inventory = inventoryOf(await readExcelWorkbook(this.excel, { sheets: () => false }));
    const sheetName = freeSheetName(name, inventory.sheets);
    const plan = importSheetPlan(sheetName, rows);
    await writeExcelPlan(this.excel, { sheets: [plan] }, inventory, {
      autoFilter: false,
      pageLayout: false,
      screenUpdating: false,
    });
    this.inventory = null;
    return sheetName;
  }

  /** Used cells across every sheet (two small syncs): how large the work would be. */
  async usedCells(): Promise<number> {
    return this.excel.run({ delayForCellEdit: true }, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const used = sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowCount,columnCount"));
      await context.sync();
      return used.reduce((sum, r) => sum + (r.isNullObject ? 0 : r.rowCount * r.columnCount), 0);
    });
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.excel.run({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  /**
   * One handler per sheet (Worksheet.onChanged, ExcelApi 1.7). Office.js removes a handler only
   * through the context that added it (EventHandlerResult keeps it): stopping goes on with that
   * context, so toggling "Validate as I edit" never piles handlers up.
   */
  async watchChanges(onChange: (sheet: string) => void): Promise<() => Promise<void>> {
    const handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
    await this.excel.run({ delayForCellEdit: true }, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      await context.sync();
      const byId = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
      for (const ws of sheets.items) {
        handlers.push(
          ws.onChanged.add(async (event) => {
            const name = byId.get(event.worksheetId);
            if (name) onChange(name);
          }),
        );
      }
      await context.sync();
    });
    let stopped = false;
    return async () => {
      if (stopped || handlers.length === 0) return;
      stopped = true;
      await this.excel.run(handlers[0].context, async (context) => {
        for (const h of handlers) h.remove();
        await context.sync();
      });
    };
  }
}
