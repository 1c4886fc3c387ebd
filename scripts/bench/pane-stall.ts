/**
 * The pane's responsiveness, measured in Chromium on the built pane (dist/): the longest
 * main-thread stall while it validates and refreshes a workbook, next to the total time and the
 * CLI's time for the same work. Two probes run in the page: a PerformanceObserver for long tasks
 * (any task over 50 ms, with its duration) and a requestAnimationFrame loop (the longest gap
 * between two frames: what a user sees as a freeze).
 *
 *   npm run bench:pane                # 10,000 and 100,000 projects; writes docs/pane-stall.json
 *   npm run bench:pane -- 10000       # chosen sizes
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launch, routeOffline } from "../../test/helpers/browser";
import { serveFolder } from "../../test/helpers/static-server";

const root = join(__dirname, "../..");
const cli = join(root, "dist/cli/pmo-rollup.js");

export interface StallFigures {
  readonly projects: number;
  /** "open": the file chosen until the pane shows its name (the page checks it is a workbook). */
  readonly action: "open" | "validate" | "refresh";
  /** Longest long task (ms) seen while the action ran; 0 when there was none over 50 ms. */
  readonly longestTaskMs: number;
  readonly longTasks: number;
  /** Longest gap between two animation frames (ms). */
  readonly longestFrameGapMs: number;
  /** From the click to the result on screen (ms). */
  readonly paneMs: number;
  /** The CLI doing the same work on the same file (ms): validate, or rollup into a copy. */
  readonly cliMs: number | null;
}

/** Installed before the pane's scripts: both probes, idle until `__stall.on`. */
const PROBE = `
  window.__stall = { on: false, longest: 0, tasks: 0, gap: 0, last: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!window.__stall.on) continue;
      window.__stall.tasks++;
      window.__stall.longest = Math.max(window.__stall.longest, e.duration);
    }
  }).observe({ type: "longtask" });
  const frame = (t) => {
    const s = window.__stall;
    if (s.on && s.last) s.gap = Math.max(s.gap, t - s.last);
    s.last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

async function measure(page: Page, run: () => Promise<void>) {
  await page.evaluate(() => {
    const s = (window as unknown as { __stall: Record<string, number | boolean> }).__stall;
    Object.assign(s, { on: true, longest: 0, tasks: 0, gap: 0, last: 0 });
  });
  const t0 = Date.now();
  await run();
  const paneMs = Date.now() - t0;
  const s = await page.evaluate(() => {
    const x = (window as unknown as { __stall: { on: boolean; longest: number; tasks: number; gap: number } })
      .__stall;
    x.on = false;
    return { ...x };
  });
  return { longestTaskMs: s.longest, longTasks: s.tasks, longestFrameGapMs: s.gap, paneMs };
}

function timed(args: string[]): number {
  const t0 = Date.now();
  try {
    execFileSync(process.execPath, [cli, ...args], { stdio: "ignore" });
  } catch (e) {
    if ((e as { status?: number }).status !== 1) throw e; // 1 = errors found: it ran
  }
  return Date.now() - t0;
}

/** Validate, then refresh, one workbook in the pane; the CLI does the same for comparison. */
export async function paneStall(browser: Browser, distUrl: string, file: string, projects: number) {
  const context = await browser.newContext({ viewport: { width: 400, height: 900 } });
  await routeOffline(context, distUrl);
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  await page.goto(`${distUrl}/taskpane.html`);
  const out: StallFigures[] = [];
  const open = await measure(page, async () => {
    await page.setInputFiles('input[aria-label="Open workbook"]', file);
    await page.getByText(basename(file), { exact: true }).waitFor({ timeout: 600_000 });
  });
  out.push({ projects, action: "open", ...open, cliMs: null });
  const validate = await measure(page, async () => {
    await page.getByRole("button", { name: "Validate", exact: true }).click();
    await page.getByText(/^\d+ errors?, \d+ warnings?, \d+ info$/).waitFor({ timeout: 600_000 });
  });
  out.push({
    projects,
    action: "validate",
    ...validate,
    cliMs: timed(["validate", file, "--format", "json"]),
  });
  await page.getByRole("tab", { name: "Rollup" }).click();
  const refresh = await measure(page, async () => {
    await page.getByRole("button", { name: "Refresh rollup" }).click();
    await page.getByText(/^Rollup refreshed/).waitFor({ timeout: 600_000 });
  });
  const copy = join(mkdtempSync(join(tmpdir(), "pmo-stall-")), "out.xlsx");
  out.push({ projects, action: "refresh", ...refresh, cliMs: timed(["rollup", file, "-o", copy]) });
  await context.close();
  return out;
}

/** A sample workbook of `projects` projects (the CLI's own generator). */
export function sampleWorkbook(projects: number, dir: string): string {
  const file = join(dir, `sample-${projects}.xlsx`);
  if (!existsSync(file))
    execFileSync(process.execPath, [cli, "sample", "-o", file, "--projects", String(projects)]);
  return file;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  const dir = mkdtempSync(join(tmpdir(), "pmo-stall-"));
  const server = await serveFolder(join(root, "dist"));
  const browser = await launch();
  const results: StallFigures[] = [];
  try {
    for (const n of sizes.length ? sizes : [10_000, 100_000]) {
      process.stderr.write(`pane: ${n} projects…\n`);
      results.push(...(await paneStall(browser, server.url, sampleWorkbook(n, dir), n)));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
  // Sizes measured now replace their earlier figures; the others are kept.
  const saved = join(root, "docs/pane-stall.json");
  const earlier: StallFigures[] = existsSync(saved) ? JSON.parse(readFileSync(saved, "utf8")).results : [];
  const merged = [...earlier.filter((e) => !results.some((r) => r.projects === e.projects)), ...results].sort(
    (a, b) => a.projects - b.projects,
  );
  writeFileSync(
    saved,
    `${JSON.stringify({ measured: new Date().toISOString().slice(0, 10), results: merged }, null, 2)}\n`,
  );
}

if (require.main === module) void main();
