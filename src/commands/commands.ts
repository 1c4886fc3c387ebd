/**
 * The ribbon's ExecuteFunction commands: Validate (refreshes PMO Findings) and Refresh Rollup
 * (rewrites all four PMO sheets), for the manager who wants one click and no pane. Both go
 * through the WorkbookHost; a failure leaves no half-written sheet and says what to do.
 */
import { countFindings } from "../core/validate/finding";
import { createExcelHost } from "../excel/create-host";
import { nowSerial, today } from "../host/clock";
import { refreshRollup, validateIntoFindings, type RefreshOptions } from "../host/refresh";

const host = createExcelHost;

function options(): RefreshOptions {
  return { file: "this workbook", today: today(), now: nowSerial() };
}

/** Show the outcome in a small dialog; closing it (or a new one) is up to the user. */
function notify(title: string, message: string, failed = false): Promise<void> {
  const url = new URL("notice.html", window.location.href);
  url.searchParams.set("title", title);
  url.searchParams.set("message", message);
  if (failed) url.searchParams.set("failed", "1");
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      url.toString(),
      { height: 25, width: 30, displayInIframe: true },
      (result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) {
          const dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        }
        resolve();
      },
    );
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export async function validateRegisters(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const h = host();
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
    event.completed();
  }
}

export async function refreshRollupCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const h = host();
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
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("validateRegisters", validateRegisters);
  Office.actions.associate("refreshRollup", refreshRollupCommand);
});
