/** The WorkbookHost over Office.js: the open workbook in Excel (Windows, Mac, the web). */
import type { CellValue, WorkbookGrids } from "../core/grid";
import { freeSheetName } from "../core/plan/sheet-names";
import type { WorkbookPlan } from "../core/plan/sheet-plan";
import {
  importSheetPlan,
  type HostOptions,
  type ReadOptions,
  type WorkbookHost,
} from "../host/workbook-host";
import { writeExcelCharts } from "./charts";
import { readExcelWorkbook } from "./read-excel";
import { writeExcelPlan, type Inventory } from "./write-excel";

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
    const grids = await readExcelWorkbook(this.excel, options);
    this.inventory = inventoryOf(grids);
    return grids;
  }

  /** Writes the plan; uses what the last read saw of the workbook, or reads its sheet list first. */
  async applyPlan(plan: WorkbookPlan, options?: HostOptions): Promise<void> {
    const inventory =
      this.inventory ?? inventoryOf(await readExcelWorkbook(this.excel, { sheets: () => false }));
    this.inventory = null; // the workbook changes now: the next write reads again
    await writeExcelPlan(
      this.excel,
      plan,
      inventory,
      {
        autoFilter: this.supports("1.9"),
        pageLayout: this.supports("1.9"),
        screenUpdating: this.supports("1.9"),
      },
      options,
    );
    await writeExcelCharts(this.excel, plan); // after the swap: the charts go on the sheets in place
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

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  async watchChanges(onChange: (sheet: string) => void): Promise<() => Promise<void>> {
    const handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
    await this.excel.run(async (context) => {
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
    return async () => {
      await this.excel.run(async (context) => {
        for (const h of handlers) h.remove();
        await context.sync();
      });
    };
  }
}
