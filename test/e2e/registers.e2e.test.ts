/**
 * "Add missing registers" in the built pane (dist/) in headless Chromium, on the .xlsx host: the
 * standard's registers the workbook lacks are added as template sheets, never over a sheet.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { hasChromium, openPane, type OpenPane } from "../helpers/browser";
import { cli } from "../helpers/cli";
import { PROJECT_HEADER, projectRow } from "../helpers/grids";

const root = join(__dirname, "../..");
const dist = join(root, "dist");
const validator = join(root, "../shared/tools/validate-xlsx");
const ready = (hasChromium() && existsSync(join(dist, "taskpane.html"))) || process.env.CI;
const run = ready ? describe : describe.skip;

run("Add missing registers, in the pane in a browser", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmo-e2e-registers-"));
  const book = join(dir, "coordinator.xlsx");
  let pane: OpenPane;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    // Projects and a risk log (found by its synonym), nothing else.
    writeFileSync(
      book,
      await writeSimpleWorkbook([
        { name: "Projects", rows: [PROJECT_HEADER, projectRow("P-1")] },
        { name: "Risk Log", rows: [["Risk ID", "Project ID", "Title", "Probability", "Impact", "Status"]] },
      ]),
    );
    pane = await openPane(dist);
    ({ page, problems } = pane);
  }, 60_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("adds the registers the workbook lacks, with their dropdowns, and never touches the others", async () => {
    await page.setInputFiles('input[aria-label="Open workbook"]', book);
    await page.getByRole("button", { name: "Validate", exact: true }).click();
    await page.getByText(/^\d+ errors, \d+ warnings, \d+ info$/).waitFor({ timeout: 20_000 });
    await page.getByRole("tab", { name: "Standard" }).click();
    await page.getByRole("button", { name: "Add missing registers" }).click();
    await page
      .getByText(/^Added Issues, Dependencies, Milestones, Assumptions, Changes:/)
      .waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Add missing registers" }).click();
    await page.getByText("Every register of the standard is already in the workbook.").waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download workbook" }).click(),
    ]);
    const saved = join(dir, "with-registers.xlsx");
    await download.saveAs(saved);
    const bytes = new Uint8Array(readFileSync(saved));
    const read = readWorkbook(bytes);
    const before = readWorkbook(new Uint8Array(readFileSync(book))).grids.sheets;
    expect(read.grids.sheets.map((s) => s.name)).toEqual([
      "Projects",
      "Risk Log",
      "Issues",
      "Dependencies",
      "Milestones",
      "Assumptions",
      "Changes",
    ]);
    for (const s of before) expect(read.grids.sheets.find((a) => a.name === s.name)!.rows).toEqual(s.rows);
    const issues = read.pkg.text(read.info.sheets.find((s) => s.name === "Issues")!.path!)!;
    expect(issues).toMatch(
      /<dataValidation type="list"[^>]*sqref="D2:D1048576"><formula1>&quot;Low,Medium,High,Critical&quot;/,
    );
    expect(issues).toContain("<tableParts");
    // The workbook still validates: the new registers are empty, not wrong.
    const v = JSON.parse(
      (await cli(["validate", saved, "--as-of", "2026-10-30", "--format", "json"])).stdout,
    );
    expect(
      v.files[0].findings.filter((f: { sheet: string }) =>
        ["Issues", "Dependencies", "Milestones", "Assumptions", "Changes"].includes(f.sheet),
      ),
    ).toEqual([]);
    if (existsSync(validator)) expect(spawnSync(validator, ["--changed-from", book, saved]).status).toBe(0);
    expect(problems).toEqual([]);
  }, 90_000);
});
