/**
 * The ribbon commands' notice dialog. A command's event is completed only once the dialog is
 * closed (completing earlier lets Office unload the function file, and the dialog with it); a
 * new notice closes the one still open (Office allows one dialog at a time: error 12007), and
 * a 12007 from elsewhere is retried a few times before the command gives up on showing it.
 */

/** Office's "a dialog is already open from this add-in". */
export const DIALOG_ALREADY_OPEN = 12007;
const RETRIES = 3;
const RETRY_MS = 500;

interface Open {
  readonly dialog: Office.Dialog;
  readonly closed: () => void;
}
let current: Open | null = null;

/** Close the notice still open, if any (its command then completes). */
export function closeNotice(): void {
  const open = current;
  current = null;
  if (!open) return;
  try {
    open.dialog.close();
  } finally {
    open.closed();
  }
}

function display(url: string): Promise<Office.AsyncResult<Office.Dialog>> {
  return new Promise((resolve) =>
    Office.context.ui.displayDialogAsync(url, { height: 25, width: 30, displayInIframe: true }, resolve),
  );
}

/** Show the outcome in a small dialog; resolves when the user closes it (or it cannot be shown). */
export async function notify(title: string, message: string, failed = false): Promise<void> {
  const url = new URL("notice.html", window.location.href);
  url.searchParams.set("title", title);
  url.searchParams.set("message", message);
  if (failed) url.searchParams.set("failed", "1");
  closeNotice();
  for (let attempt = 0; ; attempt++) {
    const result = await display(url.toString());
    if (result.status === Office.AsyncResultStatus.Succeeded) {
      const dialog = result.value;
      await new Promise<void>((resolve) => {
        const open: Open = { dialog, closed: resolve };
        current = open;
        const done = () => {
          if (current === open) current = null;
          resolve();
        };
        // The Close button sends a message; the X of the dialog raises DialogEventReceived (12006).
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog.close();
          done();
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
      });
      return;
    }
    if (result.error?.code !== DIALOG_ALREADY_OPEN || attempt >= RETRIES) return;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}
