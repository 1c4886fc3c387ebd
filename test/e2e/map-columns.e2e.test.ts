/**
 * The Map columns step in the built pane (headless Chromium, .xlsx host): a register whose
 * headers match nothing is offered for mapping, each column mapped to one of its headers with
 * sample values, a preview shows what will be read, Save writes PMO Standard and validates again.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { hasChromium, openPane, type OpenPane } from "../helpers/browser";

const dist = join(__dirname, "../../dist");
const ready = (hasChromium() && existsSync(join(dist, "taskpane.html"))) || process.env.CI;
const run = ready ? describe : describe.skip;

const MAPPING: [string, string][] = [
  ["Project ID", "Alpha"],
  ["Project Name", "Bravo"],
  ["Stage", "Charlie"],
  ["Start Date", "Delta"],
  ["Baseline Finish", "Echo"],
  ["Budget", "Foxtrot"],
  ["Actual Cost", "Golf"],
  ["% Complete", "Hotel"],
];

run("mapping columns in the pane", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmo-map-"));
  const file = join(dir, "schemes.xlsx");
  let pane: OpenPane;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Projects");
    ws.addRow(["Register of schemes"]);
    ws.addRow(MAPPING.map(([, h]) => h));
    ws.addRow([
      "S1",
      "Bypass",
      "Delivery",
      new Date("2026-01-05"),
      new Date("2027-03-31"),
      1_000_000,
      400_000,
      0.4,
    ]);
    ws.addRow([
      "S2",
      "Bridge",
      "Planning",
      new Date("2026-02-01"),
      new Date("2027-06-30"),
      500_000,
      50_000,
      0.1,
    ]);
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    pane = await openPane(dist, { width: 400, height: 1400 });
    ({ page, problems } = pane);
  }, 60_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("offers the unrecognised register, previews the mapping and saves it into PMO Standard", async () => {
    await page.getByRole("heading", { name: "PMO Rollup" }).waitFor();
    await page.setInputFiles('input[aria-label="Open workbook"]', file);
    await page.getByText("schemes.xlsx").waitFor();
    await page.getByRole("button", { name: "Validate", exact: true }).click();
    await page.getByText("Some registers or columns were not recognised.").waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Map columns" }).click();
    const group = page.getByRole("group", { name: "Map the Projects register" });
    await group.waitFor({ timeout: 20_000 });
    for (const [field, header] of MAPPING)
      await group.getByRole("combobox", { name: `Projects: ${field}`, exact: true }).selectOption(header);
    await group.getByText("e.g. S1 | S2").waitFor();
    const preview = page.getByLabel("Preview of Projects");
    await preview.getByRole("cell", { name: "Bypass" }).waitFor();
    await preview.getByRole("cell", { name: "Execute" }).waitFor(); // "Delivery" read as the stage Execute
    await group.getByRole("button", { name: "Save the Projects mapping" }).click();
    // Validated again: the mapped columns are recognised, only recommended ones are left to map.
    await group
      .getByRole("combobox", { name: "Projects: Project ID", exact: true })
      .waitFor({ state: "detached", timeout: 30_000 });
    await group.getByRole("combobox", { name: "Projects: Portfolio", exact: true }).waitFor();
    await page.getByRole("tab", { name: "Validate" }).click();
    await page.getByText(/^0 errors, \d+ warnings, \d+ info$/).waitFor({ timeout: 30_000 });
    expect(await page.getByText("Some registers or columns were not recognised.").count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download workbook" }).click(),
    ]);
    const saved = join(dir, "mapped.xlsx");
    await download.saveAs(saved);
    const sheets = readWorkbook(new Uint8Array(readFileSync(saved))).grids.sheets;
    expect(sheets.map((s) => s.name)).toContain("PMO Standard");
    expect(problems).toEqual([]);
  }, 120_000);
});
