/**
 * Submissions kept in the workbook (the pane's "Add submissions") on the .xlsx host: scorecard,
 * consolidation on refresh with source tags and clashing IDs, replacement on re-submission, and
 * the same rollup from the CLI on the saved workbook alone.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CellValue } from "../../src/core/grid";
import { refreshRollup } from "../../src/host/refresh";
import { addSubmissions } from "../../src/taskpane/session/submissions";
import { FileWorkbookHost } from "../../src/xlsx/file-host";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { cli } from "../helpers/cli";
import { day, PROJECT_HEADER, projectRow, serial } from "../helpers/grids";

const AS_OF = day("2026-10-30");
const dir = mkdtempSync(join(tmpdir(), "pmo-submissions-"));

async function book(...ids: string[]): Promise<Uint8Array> {
  const rows: CellValue[][] = [PROJECT_HEADER, ...ids.map((id) => projectRow(id))];
  return writeSimpleWorkbook([
    { name: "Projects", rows },
    {
      name: "Risks",
      rows: [
        ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Status"],
        ["R-1", ids[0], "Late supplier", 4, 4, "Open"],
      ],
    },
  ]);
}

async function pmoWorkbook(): Promise<FileWorkbookHost> {
  const bytes = await writeSimpleWorkbook([
    { name: "Read Me", rows: [["Status Date", serial("2026-10-30")]] },
    { name: "Projects", rows: [PROJECT_HEADER, projectRow("P-1")] },
  ]);
  return new FileWorkbookHost("portfolio.xlsx", bytes);
}

const refresh = (host: FileWorkbookHost, now = 46356.5) =>
  refreshRollup(host, { file: "portfolio.xlsx", today: AS_OF, now });

describe("submissions kept in the workbook", () => {
  it("scores each file, keeps it tagged, and consolidates it on refresh, clashing IDs as findings", async () => {
    const host = await pmoWorkbook();
    await refresh(host);
    const lines = await addSubmissions(
      host,
      [
        { name: "north.xlsx", bytes: await book("N-1", "N-2") },
        { name: "south.xlsx", bytes: await book("S-1", "P-1") },
        { name: "notes.xlsx", bytes: new TextEncoder().encode("not a workbook") },
      ],
      { today: AS_OF, now: 46357.25 },
    );
    expect(lines.map((l) => [l.file, l.projects, l.errors, l.ready, l.kept])).toEqual([
      ["north.xlsx", 2, 0, true, "Sub north.xlsx"],
      ["south.xlsx", 2, 0, true, "Sub south.xlsx"],
      ["notes.xlsx", 0, 0, false, null],
    ]);
    expect(lines[2].problem).toMatch(/not/i);

    const kept = readWorkbook(host.bytes).grids.sheets.find((s) => s.name === "Sub north.xlsx")!;
    expect(kept.ownedRole).toBe("sub_1");
    expect(kept.rows[1]).toEqual(["Source file", "north.xlsx"]);
    expect(kept.rows[2]).toEqual(["Submitted", 46357.25]);

    const rollup = await refresh(host);
    expect(rollup.input.projects.map((p) => `${p.id}@${p.source}`).sort()).toEqual([
      "N-1@north.xlsx",
      "N-2@north.xlsx",
      "P-1@portfolio.xlsx",
      "P-1@south.xlsx",
      "S-1@south.xlsx",
    ]);
    expect(rollup.input.openRisks.map((r) => `${r.id}@${r.source}`).sort()).toEqual([
      "R-1@north.xlsx",
      "R-1@south.xlsx",
    ]);
    const clash = rollup.input.findings.filter((f) => f.finding.code === "duplicate-id");
    expect(clash.map((f) => f.file)).toEqual(["south.xlsx"]);
    expect(clash[0].finding.message).toMatch(/^Project ID "P-1" is also in portfolio\.xlsx/);
    // Our sheets kept their ownership through the submission's write: no "PMO Rollup (2)".
    const names = readWorkbook(host.bytes).grids.sheets.map((s) => s.name);
    expect(names).toEqual([
      "Read Me",
      "Projects",
      "PMO Rollup",
      "PMO Projects",
      "PMO Findings",
      "PMO History",
      "Sub north.xlsx",
      "Sub south.xlsx",
    ]);
    const projects = readWorkbook(host.bytes).grids.sheets.find((s) => s.name === "PMO Projects")!.rows;
    const sourceCol = projects[2].indexOf("Source file");
    expect(projects.filter((r) => r[sourceCol] === "north.xlsx")).toHaveLength(2);

    // The saved workbook alone gives the same rollup from the command line.
    const saved = join(dir, "portfolio.xlsx");
    writeFileSync(saved, host.bytes);
    const json = JSON.parse(
      (await cli(["rollup", saved, "-o", join(dir, "again.xlsx"), "--format", "json"])).stdout,
    );
    expect(json.projects.length).toBe(5);
    expect(json.findings).toEqual({ errors: 1, warnings: expect.any(Number), info: expect.any(Number) });
  });

  it("replaces a file's projects when it is submitted again", async () => {
    const host = await pmoWorkbook();
    await addSubmissions(host, [{ name: "north.xlsx", bytes: await book("N-1", "N-2") }], {
      today: AS_OF,
      now: 1,
    });
    await addSubmissions(host, [{ name: "North.xlsx", bytes: await book("N-3") }], { today: AS_OF, now: 2 });
    const sheets = readWorkbook(host.bytes).grids.sheets;
    expect(sheets.filter((s) => s.ownedRole?.startsWith("sub_")).map((s) => s.name)).toEqual([
      "Sub north.xlsx",
    ]);
    const rollup = await refresh(host);
    expect(rollup.input.projects.map((p) => p.id).sort()).toEqual(["N-3", "P-1"]);
    expect(rollup.input.projects.find((p) => p.id === "N-3")!.source).toBe("North.xlsx");
  });

  it("moves a 1904-date-system submission's dates into the workbook's system", async () => {
    const host = await pmoWorkbook();
    const dates = ["Start Date", "Baseline Finish", "Forecast Finish", "Last Updated"].map((h) =>
      PROJECT_HEADER.indexOf(h),
    );
    const row = projectRow("M-1").map((v, c) => (dates.includes(c) ? (v as number) - 1462 : v));
    const mac = await writeSimpleWorkbook([{ name: "Projects", rows: [PROJECT_HEADER, row] }], {
      date1904: true,
    });
    expect(readWorkbook(mac).grids.date1904).toBe(true);
    await addSubmissions(host, [{ name: "mac.xlsx", bytes: mac }], { today: AS_OF, now: 1 });
    const m1 = (await refresh(host)).input.projects.find((p) => p.id === "M-1")!;
    expect(m1.metrics.daysSinceUpdate).toBe(5); // 25 Oct 2026 to 30 Oct 2026, not four years more
    expect(m1.metrics.slipDays).toBe(15);
  });
});
