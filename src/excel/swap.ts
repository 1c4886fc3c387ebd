/**
 * Putting finished temporary sheets in place of the old ones so that a failure at any action
 * (Excel keeps the actions of a batch before a failing one) can be undone or completed:
 *
 * - every sheet involved is marked by a hidden workbook name pointing at it (`PMORollup_tmp_<role>`
 *   on a new sheet, `PMORollup_old_<role>` on the old one, `PMORollup_was_<role>` holding the old
 *   one's name), so a leftover is found by what it is, whatever it is called now;
 * - step 1, the renames (the actions that can fail: a name taken, a sheet gone), ends by adding
 *   `PMORollup_commit`; step 2 shows, places and owns the new sheets and deletes the old ones;
 * - `queueRecovery` reads the markers: before the commit it deletes the new sheets and gives the
 *   old ones their names back; after it, it finishes step 2. The same routine runs after a
 *   failure and before any later read or write, so an interrupted run never lingers.
 */
import { parseSheetRef } from "../core/a1";
import { IMPORT_ROLE, OWNERSHIP_PREFIX, ownershipName, type SheetRole } from "../core/plan/sheet-names";

const COMMIT = `${OWNERSHIP_PREFIX}commit`;
const MARKER = new RegExp(`^${OWNERSHIP_PREFIX}(?:(tmp|old|was)_(\\w+)|commit)$`);

// Markers are keyed by the sheet's role; imported and template sheets share one role (`import`,
// never owned), so each gets its own key (`import1`, `import2`...).
export const tmpMarker = (key: string) => `${OWNERSHIP_PREFIX}tmp_${key}`;
const oldMarker = (key: string) => `${OWNERSHIP_PREFIX}old_${key}`;
const wasMarker = (key: string) => `${OWNERSHIP_PREFIX}was_${key}`;

/** The marker key of the i-th sheet of a write. */
export function markerKey(role: SheetRole, index: number): string {
  return role === IMPORT_ROLE ? `${IMPORT_ROLE}${index + 1}` : role;
}
const roleOfKey = (key: string): SheetRole => (/^import\d+$/.test(key) ? IMPORT_ROLE : key) as SheetRole;

/** Is this workbook name one of the swap's markers (a sign of an interrupted write)? */
export function isSwapMarker(name: string): boolean {
  return MARKER.test(name);
}

export interface LiveSheet {
  readonly name: string;
  readonly id: string;
  readonly visible: boolean;
}

/** The workbook as it is now: sheets in order, and every workbook name with its formula. */
export interface LiveWorkbook {
  readonly sheets: readonly LiveSheet[];
  readonly names: ReadonlyMap<string, string>;
}

/** Queue the loads of the sheets and names; the result is readable after the next sync. */
export function loadLive(context: Excel.RequestContext): () => LiveWorkbook {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  return () => ({
    sheets: sheets.items.map((ws) => ({ name: ws.name, id: ws.id, visible: ws.visibility === "Visible" })),
    names: new Map(names.items.map((n) => [n.name, String(n.formula)])),
  });
}

/** A hidden "PMO tmp 1" that earlier versions left unmarked when the pane closed mid-write. */
const UNMARKED_TEMP = /^PMO tmp \d+(\.\d+)?$/;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function sheetOf(live: LiveWorkbook, nameKey: string): LiveSheet | null {
  const formula = live.names.get(nameKey);
  const ref = formula ? parseSheetRef(formula) : null;
  return ref ? (live.sheets.find((s) => same(s.name, ref.sheet)) ?? null) : null;
}

/** A name constant as a formula (`="PMO Rollup"`) and back. */
const textFormula = (text: string) => `="${text.replace(/"/g, '""')}"`;
function textOf(formula: string | undefined): string | null {
  const m = /^="((?:[^"]|"")*)"$/.exec(formula ?? "");
  return m ? m[1].replace(/""/g, '"') : null;
}

/** Point our ownership name for `role` at `ws` (replacing whatever it pointed at). */
function own(context: Excel.RequestContext, live: LiveWorkbook, role: SheetRole, ws: Excel.Worksheet): void {
  if (role === IMPORT_ROLE) return; // an imported register is the user's from now on
  const key = ownershipName(role);
  if (live.names.has(key)) context.workbook.names.getItem(key).delete();
  context.workbook.names.add(key, ws.getRange("A1")).visible = false;
}

/**
 * Undo (before the commit) or finish (after it) an interrupted swap, from its markers. Queues the
 * actions; returns false when there was nothing to do.
 */
export function queueRecovery(context: Excel.RequestContext, live: LiveWorkbook): boolean {
  const markers = [...live.names.keys()].filter(isSwapMarker);
  const marked = new Set(markers.map((m) => sheetOf(live, m)?.id));
  const unmarked = live.sheets.filter((s) => !s.visible && UNMARKED_TEMP.test(s.name) && !marked.has(s.id));
  for (const s of unmarked) context.workbook.worksheets.getItem(s.id).delete();
  if (markers.length === 0) return unmarked.length > 0;
  const committed = live.names.has(COMMIT);
  const sheets = context.workbook.worksheets;
  const keys = new Set(markers.map((m) => MARKER.exec(m)![2]).filter(Boolean));
  const taken = new Set(live.sheets.map((s) => s.name.toLowerCase()));
  // New sheets first: before the commit they go, which frees the names the old ones get back.
  for (const key of keys) {
    const temp = sheetOf(live, tmpMarker(key));
    if (!temp) continue;
    const ws = sheets.getItem(temp.id);
    if (committed) {
      ws.visibility = "Visible";
      own(context, live, roleOfKey(key), ws);
    } else {
      ws.delete();
      taken.delete(temp.name.toLowerCase());
    }
  }
  for (const key of keys) {
    const old = sheetOf(live, oldMarker(key));
    if (!old) continue;
    const ws = sheets.getItem(old.id);
    const was = textOf(live.names.get(wasMarker(key)));
    if (committed) ws.delete();
    else if (was && !same(was, old.name) && !taken.has(was.toLowerCase())) {
      taken.delete(old.name.toLowerCase());
      taken.add(was.toLowerCase());
      ws.name = was;
    }
  }
  const names = context.workbook.names;
  for (const m of markers) if (m !== COMMIT) names.getItem(m).delete();
  if (committed) names.getItem(COMMIT).delete(); // last: a failure above leaves the roll-forward to redo
  return true;
}

export interface Swap {
  readonly role: SheetRole;
  /** Its markers' key (markerKey). */
  readonly key: string;
  /** The finished temporary sheet (hidden, marked). */
  readonly temp: Excel.Worksheet;
  /** The name it takes. */
  readonly name: string;
  /** The sheet it replaces, if any. */
  readonly old: LiveSheet | null;
}

function freeName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** Step 1, what can fail: old sheets renamed away (marked, their names kept), new ones named; then the commit mark. */
export function queueRenames(
  context: Excel.RequestContext,
  live: LiveWorkbook,
  swaps: readonly Swap[],
): void {
  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  const taken = new Set(live.sheets.map((s) => s.name.toLowerCase()));
  for (const s of swaps) {
    if (!s.old) continue;
    const ws = sheets.getItem(s.old.id);
    names.add(oldMarker(s.key), ws.getRange("A1")).visible = false;
    names.add(wasMarker(s.key), textFormula(s.old.name)).visible = false;
    ws.name = freeName(`PMO old ${s.role}`, taken);
  }
  for (const s of swaps) s.temp.name = s.name;
  names.add(COMMIT, "=TRUE").visible = false;
}

/** Step 2, after the commit: new sheets shown where the old ones were, owned; old ones and the marks removed. */
export function queueCommit(context: Excel.RequestContext, live: LiveWorkbook, swaps: readonly Swap[]): void {
  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  // Where each new sheet goes: the old one's place, in the order the sheets will have then.
  const order: (LiveSheet | Swap)[] = [...live.sheets, ...swaps];
  for (const s of swaps) {
    s.temp.visibility = "Visible";
    if (!s.old) continue;
    order.splice(order.indexOf(s), 1);
    const at = order.findIndex((x) => "id" in x && x.id === s.old!.id);
    order.splice(at, 0, s);
    s.temp.position = at;
  }
  for (const s of swaps) {
    own(context, live, s.role, s.temp);
    if (s.old) sheets.getItem(s.old.id).delete();
    names.getItem(tmpMarker(s.key)).delete();
    if (s.old) {
      names.getItem(oldMarker(s.key)).delete();
      names.getItem(wasMarker(s.key)).delete();
    }
  }
  names.getItem(COMMIT).delete();
}
