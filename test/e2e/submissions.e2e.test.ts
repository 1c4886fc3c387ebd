/**
 * "Add submissions" in the built pane (dist/) in headless Chromium, on the .xlsx host: two
 * coordinators' workbooks scored, kept, consolidated by Refresh rollup with their source, and one
 * submitted again replacing its projects.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { CellValue } from "../../src/core/grid";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { hasChromium, openPane, type OpenPane } from "../helpers/browser";
import { cli } from "../helpers/cli";
import { PROJECT_HEADER, projectRow, serial } from "../helpers/grids";

const root = join(__dirname, "../..");
const dist = join(root, "dist");
const ready = (hasChromium() && existsSync(join(dist, "taskpane.html"))) || process.env.CI;
const run = ready ? describe : describe.skip;

async function register(file: string, ids: string[], broken = false): Promise<void> {
  const rows: CellValue[][] = [PROJECT_HEADER, ...ids.map((id) => projectRow(id))];
  if (broken) rows[1][11] = "TBD"; // a budget that is not a number: an error
  writeFileSync(file, await writeSimpleWorkbook([{ name: "Project Register", rows }]));
}

run("Add submissions, in the pane in a browser", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmo-e2e-submissions-"));
  const portfolio = join(dir, "portfolio.xlsx");
  const north = join(dir, "north.xlsx");
  const south = join(dir, "south.xlsx");
  let pane: OpenPane;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    writeFileSync(
      portfolio,
      await writeSimpleWorkbook([
        { name: "Read Me", rows: [["Status Date", serial("2026-10-30")]] },
        { name: "Projects", rows: [PROJECT_HEADER, projectRow("P-1")] },
      ]),
    );
    await register(north, ["N-1", "N-2"]);
    await register(south, ["S-1", "S-2", "S-3"], true);
    pane = await openPane(dist);
    ({ page, problems } = pane);
    await page.setInputFiles('input[aria-label="Open workbook"]', portfolio);
    await page.getByText("portfolio.xlsx").waitFor();
    await page.getByRole("tab", { name: "Rollup" }).click();
  }, 60_000);

  afterAll(async () => {
    await pane?.close();
  });

  const scorecard = () => page.getByRole("table", { name: "Submissions scorecard" });
  const download = async (name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download workbook" }).click(),
    ]);
    const saved = join(dir, name);
    await file.saveAs(saved);
    return saved;
  };

  it("scores two submitted workbooks and consolidates them into the rollup, tagged with their source", async () => {
    await page.setInputFiles('input[aria-label="Add submissions"]', [north, south]);
    await scorecard()
      .getByRole("row", { name: /north\.xlsx 2 0 Ready/ })
      .waitFor({ timeout: 20_000 });
    await scorecard()
      .getByRole("row", { name: /south\.xlsx 3 1 Not ready/ })
      .waitFor();
    await page.getByRole("button", { name: "Refresh rollup" }).click();
    await page.getByText(/^Rollup refreshed/).waitFor({ timeout: 30_000 });
    await page.getByLabel("Projects 6", { exact: true }).waitFor();

    const saved = await download("consolidated.xlsx");
    const sheets = readWorkbook(new Uint8Array(readFileSync(saved))).grids.sheets;
    expect(sheets.filter((s) => s.ownedRole?.startsWith("sub_")).map((s) => [s.name, s.rows[1]])).toEqual([
      ["Sub north.xlsx", ["Source file", "north.xlsx"]],
      ["Sub south.xlsx", ["Source file", "south.xlsx"]],
    ]);
    const projects = sheets.find((s) => s.name === "PMO Projects")!.rows;
    const source = projects[2].indexOf("Source file");
    const bySource = (file: string) => projects.filter((r) => r[source] === file).map((r) => r[0]);
    expect(bySource("north.xlsx").sort()).toEqual(["N-1", "N-2"]);
    expect(bySource("south.xlsx").sort()).toEqual(["S-1", "S-2", "S-3"]);
    // Reproducible from the workbook alone: the CLI gives the same six projects.
    const json = JSON.parse(
      (await cli(["rollup", saved, "-o", join(dir, "cli.xlsx"), "--format", "json"])).stdout,
    );
    expect(json.projects.length).toBe(6);
  }, 90_000);

  it("replaces a workbook's projects when it is submitted again", async () => {
    await register(north, ["N-7"]);
    await page.setInputFiles('input[aria-label="Add submissions"]', [north]);
    await scorecard()
      .getByRole("row", { name: /north\.xlsx 1 0 Ready/ })
      .waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Refresh rollup" }).click();
    await page.getByLabel("Projects 5", { exact: true }).waitFor({ timeout: 30_000 });
    const saved = await download("resubmitted.xlsx");
    const sheets = readWorkbook(new Uint8Array(readFileSync(saved))).grids.sheets;
    expect(sheets.filter((s) => s.ownedRole?.startsWith("sub_")).map((s) => s.name)).toEqual([
      "Sub north.xlsx",
      "Sub south.xlsx",
    ]);
    const ids = sheets
      .find((s) => s.name === "PMO Projects")!
      .rows.slice(3)
      .map((r) => r[0]);
    expect(ids).toContain("N-7");
    expect(ids).not.toContain("N-1");
    expect(problems).toEqual([]);
  }, 90_000);
});
