import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rollupWorkbooks } from "../../src/core/rollup/portfolio-rollup";
import { refreshRollup, validateIntoFindings } from "../../src/host/refresh";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writePlanIntoPackage } from "../../src/xlsx/write-plan";
import { cli } from "../helpers/cli";
import { day, PROJECT_HEADER, projectRow } from "../helpers/grids";
import { fakeFromGrids, hostOf } from "../helpers/fake-workbook";
import { LIMITS, type FakeExcel } from "../fake-excel/fake-excel";
import { expectValidXlsx } from "../helpers/validate-xlsx";

const AS_OF = day("2026-10-30");
const options = { file: "sample.xlsx", today: AS_OF, now: 46356.5 };
const dir = mkdtempSync(join(tmpdir(), "pmo-excel-"));
let sampleBytes: Uint8Array;

beforeAll(async () => {
  await cli(["sample", "-o", join(dir, "sample.xlsx")]);
  sampleBytes = new Uint8Array(readFileSync(join(dir, "sample.xlsx")));
});

function userGrids(fake: FakeExcel) {
  return fake.workbook.sheets
    .filter((s) => !s.name.startsWith("PMO ") || s.name === "PMO Standard")
    .map((s) => [s.name, s.grid()]);
}

describe("the Excel host on the strict fake", () => {
  it("gives the same findings and rollup values as the .xlsx host: one engine, two hosts, one answer", async () => {
    const fromFile = rollupWorkbooks([{ file: "sample.xlsx", grids: readWorkbook(sampleBytes).grids }], {
      today: AS_OF,
      refreshed: 46356.5,
    });
    const fake = fakeFromGrids(readWorkbook(sampleBytes).grids);
    const fromExcel = await refreshRollup(hostOf(fake), options);
    expect(fromExcel.input.findings.map((f) => f.finding)).toEqual(
      fromFile.input.findings.map((f) => f.finding),
    );
    expect(fromExcel.input.projects.map((p) => [p.id, p.rag, p.metrics])).toEqual(
      fromFile.input.projects.map((p) => [p.id, p.rag, p.metrics]),
    );
    expect(fromExcel.input.figures).toEqual(fromFile.input.figures);
  });

  it("writes the same cells as the .xlsx host writes", async () => {
    const fake = fakeFromGrids(readWorkbook(sampleBytes).grids);
    const rollup = await refreshRollup(hostOf(fake), options);
    const written = writePlanIntoPackage(
      readWorkbook(sampleBytes).pkg,
      readWorkbook(sampleBytes).info,
      rollup.plan,
    );
    expectValidXlsx(written, sampleBytes);
    const file = readWorkbook(written).grids;
    for (const name of ["PMO Rollup", "PMO Projects", "PMO Findings", "PMO History"]) {
      const fromFile = file.sheets
        .find((s) => s.name === name)!
        .rows.map((r) => Array.from(r, (v) => v ?? null));
      expect(fake.workbook.sheet(name).grid()).toEqual(fromFile);
    }
  });

  it("leaves registers and user sheets unchanged, and a second refresh leaves the same sheets", async () => {
    const fake = fakeFromGrids(readWorkbook(sampleBytes).grids);
    const before = userGrids(fake);
    const host = hostOf(fake);
    await refreshRollup(host, options);
    expect(userGrids(fake)).toEqual(before);
    const names = fake.workbook.sheets.map((s) => s.name);
    const projects = fake.workbook.sheet("PMO Projects").grid();
    const history = fake.workbook.sheet("PMO History").grid().length;
    await refreshRollup(host, options);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(names);
    expect(fake.workbook.sheet("PMO Projects").grid()).toEqual(projects);
    // Same status date: its snapshot is replaced, not added to.
    expect(fake.workbook.sheet("PMO History").grid().length).toBe(history);
    expect(userGrids(fake)).toEqual(before);
    expect([...fake.workbook.names.keys()].sort()).toEqual([
      "PMORollup_findings",
      "PMORollup_history",
      "PMORollup_projects",
      "PMORollup_rollup",
    ]);
  });

  it("keeps a renamed rollup sheet's new name and never takes a user's sheet", async () => {
    const grids = readWorkbook(sampleBytes).grids;
    const fake = fakeFromGrids(grids);
    fake.workbook.addSheet("PMO Projects").set(0, 0, "mine");
    const host = hostOf(fake);
    await refreshRollup(host, options);
    expect(fake.workbook.sheet("PMO Projects").grid()).toEqual([["mine"]]);
    expect(fake.workbook.sheet("PMO Projects (2)").grid()[0][0]).toMatch(/^Projects — derived RAG/);
    fake.workbook.sheet("PMO Rollup").name = "Dashboard (PMO)";
    await refreshRollup(host, options);
    expect(fake.workbook.sheets.map((s) => s.name)).toContain("Dashboard (PMO)");
    expect(fake.workbook.sheets.map((s) => s.name)).not.toContain("PMO Rollup");
    expect(fake.workbook.sheet("PMO Projects").grid()).toEqual([["mine"]]);
  });

  it("writes user text that looks like a formula, a number or a date as text", async () => {
    const rows = [
      PROJECT_HEADER,
      projectRow("00123", { "Project Name": '=HYPERLINK("http://x")' }),
      projectRow("2024-01", { "Project Name": "+1 more" }),
      projectRow("@x", { "Project Name": "-minus" }),
    ];
    const fake = fakeFromGrids({ sheets: [{ name: "Projects", rows }], date1904: false });
    await refreshRollup(hostOf(fake), options);
    const sheet = fake.workbook.sheet("PMO Projects");
    const cells = [...sheet.allCells()];
    // The only formulas are our own internal links, with the user's text as their shown value.
    expect(cells.filter((c) => c.formula !== undefined).every((c) => c.link?.startsWith("Projects!"))).toBe(
      true,
    );
    const flat = sheet.grid().flat();
    for (const t of ["00123", "2024-01", "@x", '=HYPERLINK("http://x")', "+1 more", "-minus"])
      expect(flat).toContain(t);
  });

  it("uses delayForCellEdit, suspends calculation, and formats by column run, not per cell", async () => {
    const fake = fakeFromGrids(readWorkbook(sampleBytes).grids);
    await refreshRollup(hostOf(fake), options);
    expect(fake.runs.every((r) => r.delayForCellEdit === true)).toBe(true);
    expect(fake.records.some((r) => r.suspendedCalculation === 1)).toBe(true);
    const projects = fake.workbook.sheet("PMO Projects");
    expect(projects.conditionalFormats.length).toBeGreaterThan(0);
    expect(
      projects.conditionalFormats.every((cf) => cf.operator === "EqualTo" && /^=".*"$/.test(cf.formula1)),
    ).toBe(true);
    expect(projects.freeze).toEqual({ rows: 3, cols: 2 });
    expect(projects.autoFilter).toMatch(/^A3:/);
    const links = [...fake.workbook.sheet("PMO Findings").allCells()].filter((c) => c.link);
    expect(links.length).toBeGreaterThan(10);
    expect(links.every((c) => /^'?[^!]+'?![A-Z]+\d+$/.test(c.link!))).toBe(true);
  });

  it("leaves the workbook as it was when a write fails half way", async () => {
    const fake = fakeFromGrids(readWorkbook(sampleBytes).grids);
    const host = hostOf(fake);
    await refreshRollup(host, options);
    const snapshot = fake.workbook.sheets.map((s) => [s.name, s.grid()]);
    // Fail the first write block (reads are small requests; blocks of the new sheets are large).
    fake.failNextSync = (_n, record) => record.requestBytes > 100_000;
    await expect(refreshRollup(host, { ...options, now: 46400 })).rejects.toThrow(/left as it was/);
    expect(fake.workbook.sheets.map((s) => [s.name, s.grid()])).toEqual(snapshot);
  });

  it("clears temporary sheets a run left behind when the pane closed mid-write", async () => {
    const fake = fakeFromGrids(readWorkbook(sampleBytes).grids);
    const leftover = fake.workbook.addSheet("PMO tmp 1");
    leftover.visibility = "Hidden";
    leftover.set(0, 0, "half written");
    await refreshRollup(hostOf(fake), options);
    expect(fake.workbook.sheets.map((s) => s.name)).not.toContain("PMO tmp 1");
    expect(fake.workbook.sheets.filter((s) => /^PMO tmp/.test(s.name))).toEqual([]);
  });

  it("validate writes only PMO Findings", async () => {
    const fake = fakeFromGrids(readWorkbook(sampleBytes).grids);
    const rollup = await validateIntoFindings(hostOf(fake), options);
    expect(
      fake.workbook.sheets
        .filter((s) => s.name.startsWith("PMO ") && s.name !== "PMO Standard")
        .map((s) => s.name),
    ).toEqual(["PMO Findings"]);
    expect(rollup.input.findings.length).toBeGreaterThan(10);
    // The whole plan is built only when asked for, and once.
    expect(rollup.plan.sheets.map((s) => s.role)).toEqual(["rollup", "projects", "findings", "history"]);
    expect(rollup.plan).toBe(rollup.plan);
  });

  it("selects a finding's cell and hears edits", async () => {
    const fake = fakeFromGrids(readWorkbook(sampleBytes).grids);
    const host = hostOf(fake);
    await host.selectCell("Projects", "G25");
    expect(fake.active).toEqual({ sheet: "Projects", cell: "G25" });
    const changed: string[] = [];
    const stop = await host.watchChanges((s) => changed.push(s));
    await fake.edit("Risks", "B2", "PRJ-001");
    expect(changed).toEqual(["Risks"]);
    await stop();
  });
});

describe("the Excel host's round trips", () => {
  function registerOf(rows: number) {
    const body = Array.from({ length: rows }, (_, i) => projectRow(`P-${i + 1}`));
    return fakeFromGrids({
      sheets: [{ name: "Projects", rows: [PROJECT_HEADER, ...body] }],
      date1904: false,
    });
  }

  async function readSyncs(rows: number) {
    const fake = registerOf(rows);
    await hostOf(fake).readWorkbook();
    return { syncs: fake.syncs, maxRequest: fake.maxRequestBytes, maxResponse: fake.maxResponseBytes };
  }

  it("reads a register in a constant number of syncs up to one block, one more per block beyond", async () => {
    const small = await readSyncs(10);
    const medium = await readSyncs(2_000);
    expect(small.syncs).toBe(3);
    expect(medium.syncs).toBe(3);
    const large = await readSyncs(30_000); // ~510,000 cells: several blocks
    expect(large.syncs).toBeGreaterThan(3);
    expect(large.syncs).toBeLessThanOrEqual(3 + Math.ceil((30_001 * 17 * 24) / 4_000_000) + 1);
    expect(large.maxResponse).toBeLessThan(4 * 1024 * 1024);
  });

  it("keeps every request under 4 MB, also for a 1,048,575-row register", async () => {
    const fake = registerOf(0);
    const sheet = fake.workbook.sheet("Projects");
    for (let r = 1; r <= 1_048_575; r++) {
      sheet.set(r, 0, `P-${r}`);
      sheet.set(r, 1, r * 10);
    }
    const grids = await hostOf(fake).readWorkbook();
    expect(grids.sheets[0].rows).toHaveLength(1_048_576);
    expect(grids.sheets[0].rows[1_048_575]).toEqual(["P-1048575", 10_485_750]);
    expect(fake.maxResponseBytes).toBeLessThan(4 * 1024 * 1024);
    expect(fake.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
  }, 120_000);

  // 3 syncs to read, then 1 to look at the workbook again, 1 to create the temporary sheets, the
  // row blocks (5 here), and the swap's 2 steps (renames, then show/own/delete + cosmetics); then 1 for the charts
  // (drawn on the new sheets: none of ours is there to find).
  it("refreshes a 10,000-project workbook in at most 12 + 1 syncs, no request over 4 MB", async () => {
    const { samplePortfolio } = await import("../../src/sample/sample-portfolio");
    const sheets = samplePortfolio({ projects: 10_000, seed: 3 });
    const fake = fakeFromGrids({
      sheets: sheets.map((s) => ({ name: s.name, rows: s.rows })),
      date1904: false,
    });
    await refreshRollup(hostOf(fake), options);
    expect(fake.syncs).toBeLessThanOrEqual(12 + 1);
    expect(fake.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(fake.maxResponseBytes).toBeLessThan(4 * 1024 * 1024);
    expect(fake.workbook.sheet("PMO Projects").grid().length).toBe(3 + 10_000);
  }, 120_000);

  it("retries a block at half size when Excel refuses its payload", async () => {
    const saved = LIMITS.requestBytes;
    LIMITS.requestBytes = 600_000;
    try {
      const fake = fakeFromGrids(readWorkbook(sampleBytes).grids);
      await refreshRollup(hostOf(fake), options);
      expect(fake.workbook.sheet("PMO Projects").grid().length).toBe(63);
      expect(fake.maxRequestBytes).toBeGreaterThan(0);
    } finally {
      LIMITS.requestBytes = saved;
    }
  });
});
