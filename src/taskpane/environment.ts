/**
 * The one place that decides where the pane runs: inside Excel (Office.js says so) or in a plain
 * browser (Office.js absent, or present but outside Office), where it works on an .xlsx file.
 */
export type Environment = { readonly kind: "excel" } | { readonly kind: "browser" };

/** Resolves once Office.js has answered, or at once when it is not on the page. */
export async function detectEnvironment(timeoutMs = 3000): Promise<Environment> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return { kind: "browser" };
  const info = await Promise.race([
    office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  return info && info.host === office.HostType.Excel ? { kind: "excel" } : { kind: "browser" };
}
