/**
 * Writing a plan into the open workbook so that a failure never leaves a half-written sheet:
 * every sheet is first written, block by block, into a hidden temporary sheet; then the finished
 * sheets are swapped in (swap.ts: renames first, what can fail; then shown, placed, owned, old
 * ones deleted). A failure before the swap's commit leaves the workbook as it was; one after it
 * is finished by the recovery.
 */
import type { WorkbookPlan } from "../core/plan/sheet-plan";
import { IMPORT_ROLE, ownedSheets } from "../core/plan/sheet-names";
import { HostAbortedError, throwIfAborted, type HostOptions } from "../host/workbook-host";
import { isPayloadLimitError, REQUEST_BUDGET_BYTES, utf8Length, yieldToPage } from "./blocks";
import { STYLES } from "../core/plan/styles";
import { OP_BYTES, prepareSheet, queueBlock, queueCosmetics, runBytes, type SheetWork } from "./sheet-ops";
import {
  loadLive,
  queueCommit,
  queueRecovery,
  queueRenames,
  markerKey,
  tmpMarker,
  type LiveSheet,
  type LiveWorkbook,
  type Swap,
} from "./swap";

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
  for (const l of work.links) inside[l.row] += LINK_BYTES + utf8Length(l.reference) + utf8Length(l.text);
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

/** Temporary sheets are named "PMO tmp 1", "PMO tmp 1 (2)"...: a name is all they need to be created. */
function tempNames(count: number, live: LiveWorkbook): string[] {
  const taken = new Set(live.sheets.map((s) => s.name.toLowerCase()));
  return Array.from({ length: count }, (_, i) => {
    for (let n = 1; ; n++) {
      const name = `PMO tmp ${i + 1}${n > 1 ? ` (${n})` : ""}`;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  });
}

/** Our sheets as the workbook's names say now: role -> the sheet. */
function ownedNow(live: LiveWorkbook): Map<string, LiveSheet> {
  const out = new Map<string, LiveSheet>();
  for (const [sheet, role] of ownedSheets(
    [...live.names].map(([k, f]) => [k, f.replace(/^=/, "")] as const),
  )) {
    const found = live.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (found) out.set(role, found);
  }
  return out;
}

/** Undo or finish a write that was interrupted (see swap.ts); true when there was one. */
export async function recoverInterruptedWrite(excel: typeof Excel): Promise<boolean> {
  return excel.run({ delayForCellEdit: true }, async (context) => {
    const live = loadLive(context);
    await context.sync();
    if (!queueRecovery(context, live())) return false;
    await context.sync();
    return true;
  });
}

/**
 * Write the plan's sheets. The workbook is looked at again first (sheets by id, so a sheet
 * renamed or deleted since the pane read it is no surprise), and what an interrupted earlier
 * run left is undone or finished. Then, one sync each: the temporary sheets are created
 * (hidden, marked); the rows go in, block by block; step 1 of the swap (renames: what can fail);
 * step 2 (show, place, own, delete the old sheets), a recalculation, and last the cosmetic steps,
 * which need the sheet shown and whose failure costs nothing but looks (frozen panes, filter).
 */
export async function writeExcelPlan(
  excel: typeof Excel,
  plan: WorkbookPlan,
  _inventory: Inventory,
  features: WriteFeatures,
  options: HostOptions = {},
): Promise<void> {
  await writeExcelWorks(excel, plan.sheets.map(prepareSheet), features, options);
}

/** The same, for sheets already prepared (in the pane, by the engine's worker). */
export async function writeExcelWorks(
  excel: typeof Excel,
  works: readonly SheetWork[],
  features: WriteFeatures,
  options: HostOptions = {},
): Promise<void> {
  const plan = { sheets: works.map((w) => w.plan) };
  let budget = REQUEST_BUDGET_BYTES;
  let committed = false;
  try {
    await excel.run({ delayForCellEdit: true }, async (context) => {
      let read = loadLive(context);
      await context.sync();
      if (queueRecovery(context, read())) {
        await context.sync();
        read = loadLive(context);
        await context.sync();
      }
      const live = read();
      const owned = ownedNow(live);
      for (const sheetPlan of plan.sheets) {
        const mine = owned.get(sheetPlan.role);
        const clash = live.sheets.find((s) => s.name.toLowerCase() === sheetPlan.name.toLowerCase());
        if (clash && clash.id !== mine?.id)
          throw new Error(
            `A sheet named '${sheetPlan.name}' that PMO Rollup did not write is in the way; it was left untouched.`,
          );
      }
      // The temporary sheets get a sync of their own: objects created in a sync that fails are
      // unusable after it, and a too-large first block must be retried on the same sheets.
      const names = tempNames(plan.sheets.length, live);
      const temps = plan.sheets.map((sheetPlan, i) => {
        const ws = context.workbook.worksheets.add(names[i]);
        ws.visibility = "Hidden";
        context.workbook.names.add(tmpMarker(markerKey(sheetPlan.role, i)), ws.getRange("A1")).visible =
          false;
        return ws;
      });
      await context.sync();

      const writtenTo = works.map(() => 0);
      let pending = planWrites(works, budget);
      const total = pending.length + 2;
      let done = 0;
      while (pending.length > 0) {
        throwIfAborted(options.signal);
        const group = pending[0];
        for (const unit of group) queueBlock(temps[unit.sheet], works[unit.sheet], unit, features);
        context.application.suspendApiCalculationUntilNextSync();
        if (features.screenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
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
        await yieldToPage();
      }
      throwIfAborted(options.signal);
      const swaps: Swap[] = plan.sheets.map((sheetPlan, i) => ({
        role: sheetPlan.role,
        key: markerKey(sheetPlan.role, i),
        temp: temps[i],
        name: sheetPlan.name,
        old: sheetPlan.role === IMPORT_ROLE ? null : (owned.get(sheetPlan.role) ?? null),
      }));
      queueRenames(context, live, swaps);
      await context.sync();
      committed = true; // from here on, a failure is finished rather than undone
      options.onProgress?.(++done, total, "Putting the sheets in place");
      queueCommit(context, live, swaps);
      // Calculation was suspended while the rows went in: the links' formulas need it now.
      context.application.calculate("Recalculate" as Excel.CalculationType);
      // Last in the batch, once the sheets are shown: Excel keeps the actions before a failing
      // one, so a build that refuses a frozen pane or a filter costs only that look.
      works.forEach((work, i) => queueCosmetics(temps[i], work, features));
      await context.sync();
      options.onProgress?.(++done, total, "Putting the sheets in place");
    });
  } catch (e) {
    const recovered = await recoverInterruptedWrite(excel).then(
      () => true,
      () => false,
    );
    // After the commit the new sheets are whole: the recovery finished the swap (or there was
    // nothing left to do but a frozen pane or a filter, which are looks only).
    if (committed && recovered) return;
    if (e instanceof HostAbortedError) throw e;
    throw new Error(
      `The rollup sheets could not be written (${(e as Error).message}); the workbook was left as it was.`,
      { cause: e },
    );
  }
}
