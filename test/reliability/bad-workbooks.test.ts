import { readFileSync } from "node:fs";
import { join } from "node:path";
/** Every bad workbook of the corpus, through the .xlsx host and through the Excel host (the strict fake). */
import { checkWorkbook } from "../../src/core/engine";
import { rollupWorkbooks } from "../../src/core/rollup/portfolio-rollup";
import { refreshRollup } from "../../src/host/refresh";
import { WorkbookFileError } from "../../src/xlsx/errors";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writePlanIntoPackage } from "../../src/xlsx/write-plan";
import { expectValidXlsx } from "../helpers/validate-xlsx";
import { day } from "../helpers/grids";
import { fakeFromGrids, hostOf } from "../helpers/fake-workbook";
import { BAD_WORKBOOKS } from "./bad-workbooks";

const today = day("2026-10-30");

describe.each(BAD_WORKBOOKS.map((b) => [b.name, b] as const))("%s", (_, bad) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await bad.make();
  });

  if (bad.outcome.kind === "refused") {
    const message = bad.outcome.message;
    it("is refused by the .xlsx host with one clear line", () => {
      expect(() => readWorkbook(bytes)).toThrow(WorkbookFileError);
      try {
        readWorkbook(bytes);
      } catch (e) {
        expect((e as Error).message).toMatch(message);
        expect((e as Error).message).not.toMatch(/\n/);
      }
    });
    return;
  }
  const { codes, none = [] } = bad.outcome;

  it("gets its findings through the .xlsx host, and a rollup written into it keeps the registers", () => {
    const read = readWorkbook(bytes);
    const check = checkWorkbook(read.grids, { today });
    const found = new Set(check.validation.findings.map((f) => f.code));
    for (const code of codes) expect(found).toContain(code);
    for (const code of none) expect(found).not.toContain(code);
    const rollup = rollupWorkbooks([{ file: "bad.xlsx", grids: read.grids }], { today, refreshed: 46356.5 });
    const output = writePlanIntoPackage(read.pkg, read.info, rollup.plan);
    expectValidXlsx(output, bytes);
    const after = readWorkbook(output).grids.sheets.filter((s) => !s.ownedRole);
    expect(after).toEqual(read.grids.sheets);
    for (const p of rollup.input.projects)
      for (const v of Object.values(p.metrics))
        if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
  });

  (bad.notInExcel ? it.skip : it)(
    "gets the same findings through the Excel host",
    async () => {
      const grids = readWorkbook(bytes).grids;
      const fake = fakeFromGrids(grids);
      const viaExcel = await refreshRollup(hostOf(fake), { file: "bad.xlsx", today, now: 46356.5 });
      const viaFile = rollupWorkbooks([{ file: "bad.xlsx", grids }], { today, refreshed: 46356.5 });
      const codesOf = (r: typeof viaFile) =>
        r.input.findings.map((f) => `${f.finding.code}@${f.finding.sheet}!${f.finding.cell}`).sort();
      expect(codesOf(viaExcel)).toEqual(codesOf(viaFile));
    },
    30_000,
  );
});

describe("docs/RELIABILITY.md", () => {
  it("lists every case of the corpus (npm run reliability-doc regenerates it)", () => {
    const doc = readFileSync(join(__dirname, "../../docs/RELIABILITY.md"), "utf8");
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    for (const b of BAD_WORKBOOKS) expect(doc).toMatch(new RegExp(`\\|\\s*${escape(b.name)}\\s*\\|`));
  });
});
