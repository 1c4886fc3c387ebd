/**
 * A ribbon command has about five minutes before Office stops it. On a workbook too large for
 * that, the command hands the work over to the task pane, which shows progress and can be
 * stopped: it leaves a request here (local storage, shared by the pages of the add-in's origin)
 * and opens the pane where Office allows it (Office.addin.showAsTaskpane, SharedRuntime 1.1);
 * the pane takes the request when it starts or is shown.
 */

/** Used cells past which a ribbon command hands over to the pane (reading, analysing and writing a million cells through Office.js takes minutes on the web). */
export const RIBBON_CELL_LIMIT = 1_000_000;
/** A request older than this is stale (the user opened the pane for something else). */
const FRESH_MS = 10 * 60_000;
const KEY = "pmo-rollup.handover";

export type PaneAction = "validate" | "refresh";

export function requestPaneRun(action: PaneAction, storage: Storage, now = Date.now()): void {
  storage.setItem(KEY, JSON.stringify({ action, at: now }));
}

/** The action a ribbon command left for the pane, if fresh; taken once. */
export function takePaneRequest(storage: Storage | undefined, now = Date.now()): PaneAction | null {
  const raw = storage?.getItem(KEY);
  if (!raw) return null;
  storage!.removeItem(KEY);
  try {
    const { action, at } = JSON.parse(raw) as { action: unknown; at: unknown };
    if ((action === "validate" || action === "refresh") && typeof at === "number" && now - at < FRESH_MS)
      return action;
  } catch {
    // not ours, or damaged: nothing to do
  }
  return null;
}
