/**
 * The Excel host against the behaviours of Excel that a lenient fake would hide (issue 14):
 * a batch keeps the actions before a failing one, objects created in a failed sync are unusable,
 * event handlers go only through the context that added them, requests count UTF-8 bytes, and
 * some builds refuse freeze panes or a filter on a hidden sheet.
 */
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyseGrids, refreshRollup } from "../../src/host/refresh";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { cli } from "../helpers/cli";
import { day, PROJECT_HEADER, projectRow } from "../helpers/grids";
import { fakeFromGrids, hostOf } from "../helpers/fake-workbook";
import { LIMITS, type FakeExcel } from "../fake-excel/fake-excel";

const options = { file: "sample.xlsx", today: day("2026-10-30"), now: 46356.5 };
const OURS = ["PMO Rollup", "PMO Projects", "PMO Findings", "PMO History"];
let sampleBytes: Uint8Array;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "pmo-office-"));
  await cli(["sample", "-o", join(dir, "sample.xlsx")]);
  sampleBytes = new Uint8Array(readFileSync(join(dir, "sample.xlsx")));
});

function sample(): FakeExcel {
  return fakeFromGrids(readWorkbook(sampleBytes).grids);
}

/** Sheets and their cells, and the workbook's names with what they point at. */
function state(fake: FakeExcel) {
  return {
    sheets: fake.workbook.sheets.map((s) => [s.name, s.visibility, s.grid()]),
    names: [...fake.workbook.names.entries()].map(([k, n]) => [k, fake.workbook.formulaOf(n)]).sort(),
  };
}

const leftovers = (fake: FakeExcel) =>
  fake.workbook.sheets
    .filter((s) => /^PMO (old|tmp)/.test(s.name) || s.visibility !== "Visible")
    .map((s) => `${s.name} (${s.visibility})`)
    .concat([...fake.workbook.names.keys()].filter((k) => /^PMORollup_(tmp|old|was|commit)/.test(k)));

describe("change watching (defect 1)", () => {
  it("removes its handlers through the context that added them: toggling never piles them up", async () => {
    const fake = sample();
    const host = hostOf(fake);
    for (let i = 0; i < 3; i++) await (await host.watchChanges(() => undefined))();
    expect(fake.handlers.size).toBe(0);
    const changed: string[] = [];
    const stop = await host.watchChanges((s) => changed.push(s));
    await fake.edit("Risks", "B2", "PRJ-001");
    expect(changed).toEqual(["Risks"]);
    await stop();
    expect(fake.handlers.size).toBe(0);
    await fake.edit("Risks", "B2", "PRJ-002");
    expect(changed).toEqual(["Risks"]);
  });
});

describe("the swap (defect 2)", () => {
  it("still refreshes when a rollup sheet was deleted between the read and the write", async () => {
    const fake = sample();
    const host = hostOf(fake);
    await refreshRollup(host, options);
    const grids = await host.readWorkbook();
    // The user deletes PMO Projects while the pane holds the inventory it read.
    fake.workbook.sheets.splice(fake.workbook.sheets.indexOf(fake.workbook.sheet("PMO Projects")), 1);
    await host.applyPlan(analyseGrids(grids, { ...options, now: 46400 }).plan);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(OURS));
    expect(leftovers(fake)).toEqual([]);
  });

  it.each([
    ["renaming the new sheets in", "sheet.name", 6],
    ["showing them", "sheet.visibility", 6],
    ["pointing the ownership names at them", "names.add", 14],
    ["deleting the old sheets", "sheet.delete", 2],
  ])("leaves the workbook as it was when %s fails half way through the batch", async (_what, label, nth) => {
    const fake = sample();
    const host = hostOf(fake);
    await refreshRollup(host, options);
    const before = state(fake);
    let n = 0;
    fake.failAction = (l) => l === label && ++n === nth;
    const outcome = await refreshRollup(host, { ...options, now: 46400 }).then(
      () => "done",
      (e: Error) => e.message,
    );
    expect(fake.failAction).toBeNull(); // the failure did happen
    expect(leftovers(fake)).toEqual([]);
    if (outcome === "done") {
      // A failure after a sheet's old version was deleted keeps the new one: each sheet whole.
      expect(fake.workbook.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s[0]));
    } else {
      expect(outcome).toMatch(/left as it was/);
      expect(state(fake)).toEqual(before);
    }
  });

  it("a failure in the first refresh's swap leaves no sheet and no name behind", async () => {
    const fake = sample();
    const before = state(fake);
    let n = 0;
    fake.failAction = (l) => l === "sheet.name" && ++n === 2;
    await expect(refreshRollup(hostOf(fake), options)).rejects.toThrow(/left as it was/);
    expect(state(fake)).toEqual(before);
  });

  it("cleans up what an earlier failed run left, whatever the user renamed it to", async () => {
    const fake = sample();
    const host = hostOf(fake);
    await refreshRollup(host, options);
    const before = state(fake);
    // A run dies in its swap and its own clean-up cannot run (the pane closed).
    let n = 0;
    fake.failAction = (l) => l === "sheet.name" && ++n === 6;
    const failing = fake.api().run;
    let calls = 0;
    const dying = hostOf(fake);
    (dying as unknown as { excel: { run: unknown } }).excel.run = (...a: unknown[]) =>
      ++calls <= 2 ? (failing as (...x: unknown[]) => unknown)(...a) : Promise.reject(new Error("closed"));
    await expect(refreshRollup(dying, { ...options, now: 46400 })).rejects.toThrow();
    const mess = fake.workbook.sheets.filter((s) => !before.sheets.some((b) => b[0] === s.name));
    expect(mess.length).toBeGreaterThan(0); // the dead run did leave sheets behind
    for (const s of mess) s.name = `Renamed ${s.name.length}${s.id}`.slice(0, 31);
    await refreshRollup(hostOf(fake), { ...options, now: 46500 });
    expect(leftovers(fake)).toEqual([]);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s[0]));
    expect(fake.workbook.sheets.some((s) => s.name.startsWith("Renamed"))).toBe(false);
    expect([...fake.workbook.names.keys()].sort()).toEqual(before.names.map((n) => n[0]));
  });
});

describe("cosmetic steps (defect 3)", () => {
  it("freezes panes and filters once the sheet is shown, where hidden sheets refuse them", async () => {
    const fake = sample();
    fake.refuseCosmeticsOnHidden = true;
    await refreshRollup(hostOf(fake), options);
    expect(fake.workbook.sheet("PMO Projects").freeze).toEqual({ rows: 3, cols: 2 });
    expect(fake.workbook.sheet("PMO Projects").autoFilter).toMatch(/^A3:/);
  });

  it("a refused freeze or filter does not fail the refresh", async () => {
    const fake = sample();
    fake.failAction = (l) => l === "freezePanes";
    await refreshRollup(hostOf(fake), options);
    expect(fake.failAction).toBeNull();
    expect(fake.workbook.sheet("PMO Projects").grid().length).toBe(63);
    expect(leftovers(fake)).toEqual([]);
  });
});

describe("write requests (defect 5)", () => {
  it("creates the temporary sheets in their own sync, so a too-large first block is retried", async () => {
    const fake = sample();
    let writes = 0;
    fake.failNextSync = (_n, record) =>
      record.requestBytes > 50_000 && ++writes === 1 ? "RequestPayloadSizeLimitExceeded" : false;
    await refreshRollup(hostOf(fake), options);
    expect(writes).toBeGreaterThan(0);
    expect(fake.workbook.sheet("PMO Projects").grid().length).toBe(63);
    expect(leftovers(fake)).toEqual([]);
  });

  it("sizes blocks in UTF-8 bytes: non-Latin names never make a request over the limit", async () => {
    // 8,000 names of 200 characters at 3 bytes each: 1.6 M characters but 4.8 MB.
    const name = "東京都庁舎改修計画プロジェクト・第二期工事".repeat(10).slice(0, 195);
    const rows = [
      PROJECT_HEADER,
      ...Array.from({ length: 8000 }, (_, i) => projectRow(`P-${i + 1}`, { "Project Name": `${name}${i}` })),
    ];
    const fake = fakeFromGrids({ sheets: [{ name: "Projects", rows }], date1904: false });
    const saved = LIMITS.requestBytes;
    LIMITS.requestBytes = 4_000_000; // Excel's limit, less the room the host keeps for the envelope
    try {
      await refreshRollup(hostOf(fake), options);
    } finally {
      LIMITS.requestBytes = saved;
    }
    expect(fake.workbook.sheet("PMO Projects").grid().length).toBe(8003);
    expect(fake.maxRequestBytes).toBeLessThan(4_000_000);
  }, 60_000);
});

describe("Excel.run options and calculation (defect 6)", () => {
  it("delays for cell edit on every run: reads, writes, clean-up, selecting, watching", async () => {
    const fake = sample();
    const host = hostOf(fake);
    await refreshRollup(host, options);
    fake.failNextSync = (_n, record) => record.requestBytes > 100_000;
    await expect(refreshRollup(host, { ...options, now: 46400 })).rejects.toThrow();
    await host.selectCell("Projects", "A2");
    await (
      await host.watchChanges(() => undefined)
    )();
    expect(fake.runs.length).toBeGreaterThan(6);
    expect(fake.runs.filter((r) => r.delayForCellEdit !== true)).toEqual([]);
  });

  it("recalculates after the syncs that suspended calculation", async () => {
    const fake = sample();
    await refreshRollup(hostOf(fake), options);
    const lastSuspended = fake.records.map((r) => r.suspendedCalculation > 0).lastIndexOf(true);
    const calculated = fake.records.findIndex((r, i) => i > lastSuspended && r.calculations > 0);
    expect(lastSuspended).toBeGreaterThan(0);
    expect(calculated).toBeGreaterThan(lastSuspended);
  });
});
