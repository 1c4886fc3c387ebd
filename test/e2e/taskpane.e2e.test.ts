/**
 * The built task pane (dist/) in headless Chromium, outside Office: it runs on the .xlsx host,
 * loads the sample through its file input, validates (same count as the CLI), refreshes the
 * rollup, hands the workbook back, switches theme, and passes an axe-core scan. Screenshots of
 * each view go to test-output/ (and are copied to docs/ by `npm run screenshots`).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { hasChromium, launch, routeOffline } from "../helpers/browser";
import { cli } from "../helpers/cli";
import { serveFolder } from "../helpers/static-server";
import { expectValidXlsx } from "../helpers/validate-xlsx";

const root = join(__dirname, "../..");
const dist = join(root, "dist");
const shots = join(root, "test-output");
const ready = (hasChromium() && existsSync(join(dist, "taskpane.html"))) || process.env.CI;
const run = ready ? describe : describe.skip;

run("the task pane in a browser", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmo-e2e-"));
  const sample = join(dir, "sample.xlsx");
  let expectedErrors = 0;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  let blocked: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    await cli(["sample", "-o", sample]);
    expectedErrors = JSON.parse((await cli(["validate", sample, "--format", "json"])).stdout).files[0].summary
      .errors;
    server = await serveFolder(dist);
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 400, height: 900 }, acceptDownloads: true });
    blocked = await routeOffline(context, server.url);
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${server.url}/taskpane.html`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens a workbook through its file input and validates it, with the CLI's error count", async () => {
    await page.getByRole("heading", { name: "PMO Rollup" }).waitFor();
    await page.setInputFiles('input[aria-label="Open workbook"]', sample);
    await page.getByText("sample.xlsx").waitFor();
    await page.getByRole("button", { name: "Validate", exact: true }).click();
    await page
      .getByText(new RegExp(`^${expectedErrors} errors, \\d+ warnings, \\d+ info$`))
      .waitFor({ timeout: 20_000 });
    await page.getByText("Not ready to submit").waitFor();
    const list = page.getByRole("list", { name: "Findings" });
    await list
      .getByText(/is already used on row/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(shots, "pane-validate.png") });
  }, 60_000);

  it("filters the findings by text", async () => {
    await page.getByRole("searchbox", { name: "Search findings" }).fill("did you mean");
    const list = page.getByRole("list", { name: "Findings" });
    await list.getByText(/Did you mean "Execute"/).waitFor();
    expect(await list.getByText(/is already used on row/).count()).toBe(0);
    await page.getByRole("searchbox", { name: "Search findings" }).fill("");
  });

  it("refreshes the rollup and shows the watermelons and red projects first", async () => {
    await page.getByRole("tab", { name: "Rollup" }).click();
    await page.getByRole("button", { name: "Refresh rollup" }).click();
    await page.getByText(/^Rollup refreshed/).waitFor({ timeout: 30_000 });
    await page.getByRole("img", { name: /Projects by overall RAG: \d+ red/ }).waitFor();
    await page
      .getByRole("list", { name: "Watermelons" })
      .getByText(/reported Green/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(shots, "pane-rollup.png"), fullPage: true });
  }, 60_000);

  it("hands back the workbook with the rollup sheets, registers unchanged", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download workbook" }).click(),
    ]);
    const saved = join(dir, "downloaded.xlsx");
    await download.saveAs(saved);
    expectValidXlsx(saved, sample);
    const after = readWorkbook(new Uint8Array(readFileSync(saved))).grids.sheets;
    const before = readWorkbook(new Uint8Array(readFileSync(sample))).grids.sheets;
    expect(after.map((s) => s.name)).toEqual([
      ...before.map((s) => s.name),
      "PMO Rollup",
      "PMO Projects",
      "PMO Findings",
      "PMO History",
    ]);
    for (const s of before) expect(after.find((a) => a.name === s.name)!.rows).toEqual(s.rows);
  }, 30_000);

  it("imports a CSV as a new register sheet, never over an existing one", async () => {
    const csv = join(dir, "risks.csv");
    writeFileSync(
      csv,
      'Risk ID;Project ID;Title;Probability;Impact;Status\nR-1;PRJ-001;"Supplier; late";3;4;Open\n',
    );
    await page.getByText("Import CSV as a register sheet").click();
    await page.setInputFiles('input[aria-label="CSV file to import"]', csv);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page
      .getByText(
        /^Imported 2 records \(1 row under a header\) from risks\.csv into a new sheet 'Projects \(CSV\)'/,
      )
      .waitFor();
  });

  it("shows the standard in force and its thresholds", async () => {
    await page.getByRole("tab", { name: "Standard" }).click();
    await page.getByText("Northwind PMO standard 2.1").waitFor();
    await page.getByText("From this workbook's PMO Standard sheet.").waitFor();
    expect(await page.getByLabel("Cost green: CPI at least").inputValue()).toBe("0.95");
    await page.screenshot({ path: join(shots, "pane-standard.png"), fullPage: true });
  });

  it("switches to the dark theme", async () => {
    const background = () =>
      page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
    const light = await background();
    await page.getByRole("combobox", { name: "Theme" }).click();
    await page.getByRole("option", { name: "Dark" }).click();
    await page.waitForFunction(
      (before) => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor !== before,
      light,
    );
    expect(await background()).not.toBe(light);
    await page.getByRole("tab", { name: "Validate" }).click();
    await page.screenshot({ path: join(shots, "pane-dark.png") });
  });

  it("logged no errors and made no network calls beyond Office.js", () => {
    expect(problems).toEqual([]);
    expect(blocked).toEqual([]);
  });

  it("has no serious or critical accessibility violations in any view (axe-core)", async () => {
    const axeContext = await browser.newContext({ viewport: { width: 400, height: 900 }, bypassCSP: true });
    await routeOffline(axeContext, server.url);
    const p = await axeContext.newPage();
    await p.goto(`${server.url}/taskpane.html`);
    await p.setInputFiles('input[aria-label="Open workbook"]', sample);
    await p.getByRole("button", { name: "Validate", exact: true }).click();
    await p.getByRole("list", { name: "Findings" }).waitFor({ timeout: 20_000 });
    await p.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    const scan = async (view: string) => {
      // Colours are judged once transitions have ended (a message bar fading in blends its colours).
      await p.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      const result = await p.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(ctx: Document): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
            };
          }
        ).axe;
        // Tabster's focus sentinels (data-tabster-dummy) are a known axe false positive in Fluent v9
        // (microsoft/fluentui#25133); Microsoft's own Accessibility Insights excludes them too.
        const r = await axe.run({ exclude: [["[data-tabster-dummy]"]] } as unknown as Document);
        return r.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.nodes.length})`);
      });
      return result.map((v) => `${view}: ${v}`);
    };
    const violations = [...(await scan("Validate"))];
    await p.getByRole("tab", { name: "Rollup" }).click();
    await p.getByRole("button", { name: "Refresh rollup" }).click();
    await p.getByText(/^Rollup refreshed/).waitFor({ timeout: 30_000 });
    violations.push(...(await scan("Rollup")));
    await p.getByRole("tab", { name: "Standard" }).click();
    violations.push(...(await scan("Standard")));
    await axeContext.close();
    expect(violations).toEqual([]);
  }, 90_000);

  afterAll(() => {
    // Keep the current pictures for the README when asked (npm run screenshots).
    if (process.env.UPDATE_SCREENSHOTS)
      for (const f of ["pane-validate.png", "pane-rollup.png", "pane-standard.png", "pane-dark.png"])
        if (existsSync(join(shots, f))) copyFileSync(join(shots, f), join(root, "docs", f));
  });
});
