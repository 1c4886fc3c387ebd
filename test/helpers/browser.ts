/** Debian's Chromium driven by playwright-core, with Microsoft's CDN served from the local @microsoft/office-js copy. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { serveFolder } from "./static-server";

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

/** The built pane open in a fresh browser, offline, with its page errors collected. */
export interface OpenPane {
  readonly page: Page;
  /** Uncaught errors on the page. */
  readonly problems: string[];
  close(): Promise<void>;
}

export async function openPane(dist: string, viewport = { width: 400, height: 900 }): Promise<OpenPane> {
  const server = await serveFolder(dist);
  const browser = await launch();
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  await routeOffline(context, server.url);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${server.url}/taskpane.html`);
  return {
    page,
    problems,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
