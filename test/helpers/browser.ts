/** Debian's Chromium driven by playwright-core, with Microsoft's CDN served from the local @microsoft/office-js copy. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

const officeDist = join(__dirname, "../../node_modules/@microsoft/office-js/dist");

/** Office.js's own telemetry frame (allowed by the pane's CSP, answered here with an empty page). */
const OFFICE_TELEMETRY = "telemetryservice.firstpartyapps.oaspapps.com";

/** No network here: Office.js comes from the npm copy, anything else from outside is refused and listed. */
export async function routeOffline(context: BrowserContext, localOrigin: string): Promise<string[]> {
  const blocked: string[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === localOrigin || url.protocol === "blob:" || url.protocol === "data:")
      return route.continue();
    if (url.hostname === "appsforoffice.microsoft.com") {
      const file = join(officeDist, url.pathname.replace(/^\/lib\/1\/hosted\//, ""));
      if (existsSync(file))
        return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
    }
    if (url.hostname === OFFICE_TELEMETRY)
      return route.fulfill({
        status: 200,
        contentType: "text/html",
        body: "<!doctype html><title>-</title>",
      });
    blocked.push(url.toString());
    return route.abort();
  });
  return blocked;
}
