/**
 * Writing a plan into the open workbook so that a failure never leaves a half-written sheet:
 * every sheet is first written, block by block, into a hidden temporary sheet; the last sync
 * swaps the finished sheets in (old ones renamed away, new ones named and shown, ownership names
 * pointed at them, old ones deleted). If anything fails the temporary sheets are removed and the
 * workbook is as it was.
 */
import type { WorkbookPlan } from "../core/plan/sheet-plan";
import { IMPORT_ROLE, ownershipName } from "../core/plan/sheet-names";
import { HostAbortedError, throwIfAborted, type HostOptions } from "../host/workbook-host";
import { isPayloadLimitError, REQUEST_BUDGET_BYTES } from "./blocks";
import { STYLES } from "../core/plan/styles";
import { OP_BYTES, prepareSheet, queueBlock, runBytes, type SheetWork } from "./sheet-ops";

/** What the workbook holds now, as the last read saw it (saves a round trip). */
export interface Inventory {
  /** Sheet names in order. */
  readonly sheets: readonly string[];
  /** Our sheets: role -> current name. */
  readonly owned: ReadonlyMap<string, string>;
  /** Workbook-level defined names. */
  readonly names: readonly string[];
}

export interface WriteFeatures {
  readonly autoFilter: boolean;
  readonly pageLayout: boolean;
  readonly screenUpdating: boolean;
}

/** Bytes one link costs (its range and the hyperlink with its texts). */
const LINK_BYTES = 2 * OP_BYTES + 80;

interface Unit {
  readonly sheet: number;
  readonly rowStart: number;
  readonly rowCount: number;
  readonly first: boolean;
}

/** Per row: the bytes a block pays for it when the row is inside (its values, the runs starting there, its links). */
function rowCosts(work: SheetWork): { inside: number[]; openAt: number[] } {
  const rows = Math.max(1, work.values.length);
  const inside = Array.from({ length: rows }, (_, r) => work.rowBytes[r] ?? 2);
  const openAt = new Array<number>(rows).fill(0); // runs covering a row: what a block starting there pays
  for (const run of work.runs) {
    const viaRule = work.ragRules.some(
      (rule) => rule.col === run.col && rule.rowStart <= run.rowStart && run.rowEnd <= rule.rowEnd,
    );
    const cost = runBytes(STYLES[run.style], viaRule);
    inside[run.rowStart] += cost;
    for (let r = run.rowStart + 1; r <= run.rowEnd; r++) openAt[r] += cost;
  }
  for (const l of work.links) inside[l.row] += LINK_BYTES + l.reference.length + l.text.length;
  return { inside, openAt };
}

/**
 * Cut every sheet into row blocks and group them into syncs of at most `budget` bytes.
 * `from[i]` is the first row of sheet i still to write (after a retry at a smaller size).
 */
export function planWrites(
  works: readonly SheetWork[],
  budget: number,
  from: readonly number[] = [],
): Unit[][] {
  const syncs: Unit[][] = [];
  let current: Unit[] = [];
  let used = 0;
  const flush = () => {
    if (current.length > 0) syncs.push(current);
    current = [];
    used = 0;
  };
  works.forEach((work, sheet) => {
    const { inside, openAt } = rowCosts(work);
    const rows = inside.length;
    const sheetWide =
      (work.plan.widths.length * 3 + work.plan.merges.length * 2 + work.ragRules.length * 6 + 8) * OP_BYTES;
    let rowStart = from[sheet] ?? 0;
    while (rowStart < rows) {
      const first = rowStart === 0;
      let bytes = (first ? sheetWide : 0) + openAt[rowStart];
      let rowCount = 0;
      while (rowStart + rowCount < rows) {
        const cost = inside[rowStart + rowCount];
        if ((rowCount > 0 || current.length > 0) && used + bytes + cost > budget) break;
        bytes += cost;
        rowCount++;
      }
      if (rowCount === 0) {
        flush();
        continue;
      }
      current.push({ sheet, rowStart, rowCount, first });
      used += bytes;
      rowStart += rowCount;
      if (rowStart < rows) flush();
    }
  });
  flush();
  return syncs;
}

/** Our temporary sheets' names: "PMO tmp 1", "PMO tmp 1.2"... */
const TEMP_SHEET = /^PMO tmp \d+(\.\d+)?$/;

function tempName(index: number, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const name = `PMO tmp ${index + 1}${n > 1 ? `.${n}` : ""}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export async function writeExcelPlan(
  excel: typeof Excel,
  plan: WorkbookPlan,
  inventory: Inventory,
  features: WriteFeatures,
  options: HostOptions = {},
): Promise<void> {
  for (const sheetPlan of plan.sheets) {
    const mine = inventory.owned.get(sheetPlan.role) === sheetPlan.name;
    if (!mine && inventory.sheets.some((n) => n.toLowerCase() === sheetPlan.name.toLowerCase()))
      throw new Error(
        `A sheet named '${sheetPlan.name}' that PMO Rollup did not write is in the way; it was left untouched.`,
      );
  }
  const works = plan.sheets.map(prepareSheet);
  const taken = new Set(inventory.sheets.map((s) => s.toLowerCase()));
  const temps = plan.sheets.map((_, i) => {
    const name = tempName(i, taken);
    taken.add(name.toLowerCase());
    return name;
  });
  let budget = REQUEST_BUDGET_BYTES;
  try {
    await excel.run({ delayForCellEdit: true }, async (context) => {
      const sheets = context.workbook.worksheets;
      // Temporary sheets left by a run that never finished (the pane closed mid-write) go first.
      for (const leftover of inventory.sheets.filter((n) => TEMP_SHEET.test(n)))
        sheets.getItem(leftover).delete();
      const tempSheets = temps.map((name) => {
        const ws = sheets.add(name);
        ws.visibility = "Hidden";
        return ws;
      });
      context.application.suspendApiCalculationUntilNextSync();
      if (features.screenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
      const writtenTo = works.map(() => 0);
      let pending = planWrites(works, budget);
      const total = pending.length;
      let done = 0;
      while (pending.length > 0) {
        throwIfAborted(options.signal);
        const group = pending[0];
        for (const unit of group) queueBlock(tempSheets[unit.sheet], works[unit.sheet], unit, features);
        const last = pending.length === 1;
        if (last) swapIn(context, plan, inventory, tempSheets);
        try {
          // One sync per block of rows is the design: a block is as large as a request may be.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch (e) {
          if (!isPayloadLimitError(e) || budget < 10_000) throw e;
          budget = Math.floor(budget / 2); // the block was too large: retry the rest at half size
          pending = planWrites(works, budget, writtenTo);
          continue;
        }
        for (const unit of group) writtenTo[unit.sheet] = unit.rowStart + unit.rowCount;
        pending = pending.slice(1);
        options.onProgress?.(++done, total, "Writing the rollup sheets");
      }
    });
  } catch (e) {
    await removeSheets(excel, temps).catch(() => undefined);
    if (e instanceof HostAbortedError) throw e;
    throw new Error(
      `The rollup sheets could not be written (${(e as Error).message}); the workbook was left as it was.`,
      { cause: e },
    );
  }
}

/** The last sync's work: old sheets out of the way, new ones in their place, names updated. */
function swapIn(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  inventory: Inventory,
  tempSheets: Excel.Worksheet[],
): void {
  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  plan.sheets.forEach((sheetPlan, i) => {
    const temp = tempSheets[i];
    const oldName = inventory.owned.get(sheetPlan.role);
    const old = oldName ? sheets.getItem(oldName) : null;
    if (old) old.name = `PMO old ${i + 1} ${Date.now() % 100000}`;
    temp.name = sheetPlan.name;
    temp.visibility = "Visible";
    if (old) temp.position = inventory.sheets.indexOf(oldName!);
    if (sheetPlan.role === IMPORT_ROLE) return; // an imported register is the user's from now on
    const nameKey = ownershipName(sheetPlan.role);
    if (inventory.names.includes(nameKey)) names.getItem(nameKey).delete();
    const item = names.add(nameKey, temp.getRange("A1"));
    item.visible = false;
    old?.delete();
  });
}

/** Remove whichever of the temporary sheets exist (after a failure). */
async function removeSheets(excel: typeof Excel, names: readonly string[]): Promise<void> {
  await excel.run(async (context) => {
    const found = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    for (const ws of found) ws.load("name"); // isNullObject comes with any load
    await context.sync();
    for (const ws of found) if (!ws.isNullObject) ws.delete();
    await context.sync();
  });
}
