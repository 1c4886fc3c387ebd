/**
 * Change control through the CLI: two rollups at two status dates, the second after a coordinator
 * moved a baseline finish in the register; with and without an approved change request.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { CellValue } from "../../src/core/grid";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { cli } from "../helpers/cli";
import { PROJECT_HEADER, projectRow, serial } from "../helpers/grids";

const dir = mkdtempSync(join(tmpdir(), "pmo-change-"));
const OLD_FINISH = serial("2027-03-31");
const NEW_FINISH = serial("2027-09-30");

const CHANGE_HEADER: CellValue[] = [
  "Change ID",
  "Project ID",
  "Title",
  "Status",
  "Raised Date",
  "Decision Date",
];

/** A register at the first status date: P-1 forecasts 30 Sep 2027 against a 31 Mar 2027 baseline. */
async function register(changes: CellValue[][]): Promise<string> {
  const file = join(dir, `book-${changes.length}-${Math.random().toString(36).slice(2)}.xlsx`);
  const forecast = { "Forecast Finish": NEW_FINISH, "Baseline Finish": OLD_FINISH };
  writeFileSync(
    file,
    await writeSimpleWorkbook([
      { name: "Projects", rows: [PROJECT_HEADER, projectRow("P-1", forecast), projectRow("P-2")] },
      { name: "Change Log", rows: [CHANGE_HEADER, ...changes] },
    ]),
  );
  return file;
}

/** Edit P-1's baseline finish (I2) in the Projects sheet's part, as a coordinator would in Excel. */
function moveBaseline(file: string, from: number, to: number, ref = "I2"): void {
  const parts = unzipSync(readFileSync(file));
  const name = "xl/worksheets/sheet1.xml";
  const xml = strFromU8(parts[name]);
  const cell = `<c r="${ref}"><v>${from}</v></c>`;
  expect(xml).toContain(cell);
  parts[name] = strToU8(xml.replace(cell, `<c r="${ref}"><v>${to}</v></c>`));
  writeFileSync(file, zipSync(parts));
}

/** Rollup at 30 Sep, move P-1's baseline, rollup at 30 Oct: the findings and sheets of the second. */
async function twoRefreshes(changes: CellValue[][]) {
  const book = await register(changes);
  const first = join(dir, `first-${Math.random().toString(36).slice(2)}.xlsx`);
  expect((await cli(["rollup", book, "-o", first, "--as-of", "2026-09-30"])).code).toBe(0);
  moveBaseline(first, OLD_FINISH, NEW_FINISH);
  const validate = JSON.parse(
    (await cli(["validate", first, "--as-of", "2026-10-30", "--format", "json"])).stdout,
  );
  const second = join(dir, `second-${Math.random().toString(36).slice(2)}.xlsx`);
  const text = await cli(["rollup", first, "-o", second, "--as-of", "2026-10-30"]);
  const json = JSON.parse(
    (await cli(["rollup", first, "-o", second, "--as-of", "2026-10-30", "--format", "json"])).stdout,
  );
  const sheets = readWorkbook(readFileSync(second)).grids.sheets;
  const grid = (role: string) => sheets.find((s) => s.ownedRole === role)!.rows;
  const findings = validate.files[0].findings as {
    code: string;
    severity: string;
    cell: string;
    sheet: string;
    message: string;
  }[];
  return { findings, text: text.stdout, json, grid, second };
}

describe("change control", () => {
  it("reports a baseline finish moved without an approved change at its cell, and keeps the schedule judged against the old one", async () => {
    const { findings, text, json, grid } = await twoRefreshes([
      ["CR-1", "P-1", "Re-plan", "Submitted", serial("2026-10-10"), ""],
      ["CR-2", "P-2", "Unrelated approval", "Approved", serial("2026-10-10"), serial("2026-10-12")],
    ]);
    const moved = findings.filter((f) => f.code === "baseline-changed");
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ severity: "warning", sheet: "Projects", cell: "I2" });
    expect(moved[0].message).toMatch(/from 31 Mar 2027 to 30 Sep 2027 since the status date 30 Sep 2026/);
    expect(moved[0].message).toMatch(/Changes register/);

    // The schedule light is not improved by the move: still red, as at the first status date.
    const p1 = json.projects.find((p: { id: string }) => p.id === "P-1");
    expect(p1.rag.schedule).toBe("red");
    expect(p1.metrics.slipDays).toBe(183);
    const projects = grid("projects");
    const header = projects.findIndex((r) => r[0] === "Project ID");
    const note = projects[header].indexOf("Baseline change");
    const row = projects.find((r) => r[0] === "P-1")!;
    expect(row[note]).toMatch(
      /Finish 31 Mar 2027 → 30 Sep 2027 \(not approved\); schedule judged against the approved baseline finish 31 Mar 2027/,
    );

    // PMO Rollup lists the re-baselined project; the text report too.
    const rollup = grid("rollup")
      .map((r) => r.join(" "))
      .join("\n");
    expect(rollup).toMatch(/Re-baselined since the previous status date \(1, 1 without an approved change\)/);
    expect(rollup).toMatch(/P-1 .*Finish 31 Mar 2027 → 30 Sep 2027 \(not approved\)/);
    expect(text).toMatch(
      /Re-baselined since the previous status date \(1\)\n {2}P-1 +Finish 31 Mar 2027 → 30 Sep 2027 \(not approved\)/,
    );

    // History keeps the approved baseline (the old one), so the move stays flagged until approved.
    const history = grid("history");
    expect(history[0].slice(11, 13)).toEqual(["Baseline Finish", "Budget"]);
    const last = history.filter((r) => r[2] === "P-1").map((r) => r[11]);
    expect(last).toEqual([OLD_FINISH, OLD_FINISH]);
  });

  it("accepts a move covered by a change request approved between the two status dates", async () => {
    const { findings, json, grid } = await twoRefreshes([
      [
        "CR-1",
        "P-1",
        "Re-plan after supplier change",
        "Approved",
        serial("2026-10-01"),
        serial("2026-10-15"),
      ],
    ]);
    expect(findings.filter((f) => f.code === "baseline-changed")).toEqual([]);
    const p1 = json.projects.find((p: { id: string }) => p.id === "P-1");
    expect(p1.metrics.slipDays).toBe(0);
    expect(p1.rag.schedule).toBe("green");
    const rollup = grid("rollup")
      .map((r) => r.join(" "))
      .join("\n");
    expect(rollup).toMatch(/\(1, 0 without an approved change\)/);
    expect(rollup).toMatch(/Finish 31 Mar 2027 → 30 Sep 2027 \(CR-1\)/);
    expect(
      grid("history")
        .filter((r) => r[2] === "P-1")
        .map((r) => r[11]),
    ).toEqual([OLD_FINISH, NEW_FINISH]);
  });

  it("does not count an approval decided before the previous status date, or a rejected one", async () => {
    const { findings } = await twoRefreshes([
      ["CR-1", "P-1", "Old approval", "Approved", serial("2026-08-01"), serial("2026-09-01")],
      ["CR-2", "P-1", "Rejected re-plan", "Rejected", serial("2026-10-01"), serial("2026-10-15")],
    ]);
    expect(findings.filter((f) => f.code === "baseline-changed").map((f) => f.cell)).toEqual(["I2"]);
  });

  it("reports a budget raised without an approved change at its cell, and History keeps the approved budget", async () => {
    const book = await register([]);
    const first = join(dir, "budget-first.xlsx");
    expect((await cli(["rollup", book, "-o", first, "--as-of", "2026-09-30"])).code).toBe(0);
    moveBaseline(first, 1000000, 1500000, "L2");
    const second = join(dir, "budget-second.xlsx");
    const json = JSON.parse(
      (await cli(["rollup", first, "-o", second, "--as-of", "2026-10-30", "--format", "json"])).stdout,
    );
    expect(json.projects.find((p: { id: string }) => p.id === "P-1").metrics.bac).toBe(1500000);
    const v = JSON.parse(
      (await cli(["validate", second, "--as-of", "2026-10-30", "--format", "json"])).stdout,
    );
    const moved = v.files[0].findings.filter((f: { code: string }) => f.code === "baseline-changed");
    expect(moved.map((f: { cell: string }) => f.cell)).toEqual(["L2"]);
    expect(moved[0].message).toMatch(/budget of P-1 moved from 1,000,000 to 1,500,000/);
    const history = readWorkbook(readFileSync(second)).grids.sheets.find(
      (s) => s.ownedRole === "history",
    )!.rows;
    expect(history.filter((r) => r[2] === "P-1").map((r) => r[12])).toEqual([1000000, 1000000]);
  });
});
