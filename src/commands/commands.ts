/**
 * The ribbon's ExecuteFunction commands: Validate (refreshes PMO Findings) and Refresh Rollup
 * (rewrites all four PMO sheets), for the manager who wants one click and no pane. Both go
 * through the WorkbookHost; a failure leaves no half-written sheet and says what to do.
 */
import { countFindings } from "../core/validate/finding";
import { createExcelHost } from "../excel/create-host";
import { nowSerial, today } from "../host/clock";
import { refreshRollup, validateIntoFindings, type RefreshOptions } from "../host/refresh";
import { requestPaneRun, RIBBON_CELL_LIMIT, type PaneAction } from "./handover";
import { notify } from "./notify";

const host = createExcelHost;

function options(): RefreshOptions {
  return { file: "this workbook", today: today(), now: nowSerial() };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * A workbook too large to finish within a ribbon command's time goes to the pane (see
 * handover.ts). True when it was handed over.
 */
async function handedOver(h: ReturnType<typeof host>, action: PaneAction): Promise<boolean> {
  const cells = await h.usedCells();
  if (cells <= RIBBON_CELL_LIMIT) return false;
  requestPaneRun(action, window.localStorage);
  const sharedRuntime = Office.context.requirements.isSetSupported("SharedRuntime", "1.1");
  if (sharedRuntime) await Office.addin.showAsTaskpane();
  await notify(
    "Continue in the PMO Rollup pane",
    `This workbook has ${cells.toLocaleString("en-US")} used cells: more than a ribbon button can go through in the time Office gives it. ${
      sharedRuntime
        ? "The PMO Rollup pane has opened and is doing it, with its progress and a Stop button."
        : "Open the PMO Rollup pane (Home tab): it will start at once, with its progress and a Stop button."
    }`,
  );
  return true;
}

export async function validateRegisters(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const h = host();
    if (await handedOver(h, "validate")) return;
    const rollup = await validateIntoFindings(h, options());
    const c = countFindings(rollup.input.findings.map((f) => f.finding));
    await h.selectCell(rollup.input.names.findings, "A1");
    await notify(
      c.errors === 0 ? "Ready to submit" : "Not ready to submit",
      `${plural(c.errors, "error")}, ${plural(c.warnings, "warning")}, ${c.info} info. The ${rollup.input.names.findings} sheet lists each with a link to its cell.`,
    );
  } catch (e) {
    await notify("Validation failed", (e as Error).message, true);
  } finally {
    event.completed(); // only now: the dialog has been closed (or could not be shown)
  }
}

export async function refreshRollupCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const h = host();
    if (await handedOver(h, "refresh")) return;
    const rollup = await refreshRollup(h, options());
    const p = rollup.input.figures.portfolio;
    await h.selectCell(rollup.input.names.rollup, "A1");
    await notify(
      "Rollup refreshed",
      `${plural(p.projects, "project")}: ${p.counts.green} green, ${p.counts.amber} amber, ${p.counts.red} red, ${p.counts.grey} grey. The PMO sheets were rewritten; nothing else changed.`,
    );
  } catch (e) {
    await notify("Refresh failed", (e as Error).message, true);
  } finally {
    event.completed(); // only now: the dialog has been closed (or could not be shown)
  }
}

Office.onReady(() => {
  Office.actions.associate("validateRegisters", validateRegisters);
  Office.actions.associate("refreshRollup", refreshRollupCommand);
});
