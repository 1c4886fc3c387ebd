import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { cli } from "../helpers/cli";
import { PROJECT_HEADER, projectRow, serial } from "../helpers/grids";
import { expectValidXlsx } from "../helpers/validate-xlsx";

const dir = mkdtempSync(join(tmpdir(), "pmo-rollup-"));
const sample = join(dir, "sample.xlsx");
const out = join(dir, "rollup.xlsx");

beforeAll(async () => {
  await cli(["sample", "-o", sample]);
});

describe("pmo-rollup rollup", () => {
  it("writes the rollup workbook and prints the portfolio, red projects first", async () => {
    const before = readFileSync(sample);
    const run = await cli(["rollup", sample, "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Portfolio rollup — status date 30 Oct 2026/);
    expect(run.stdout).toMatch(/60 projects · BAC [\d,]+ · AC/);
    expect(run.stdout.indexOf("Red projects")).toBeLessThan(run.stdout.indexOf("Programmes"));
    expect(run.stdout).toMatch(
      /Wrote .*rollup\.xlsx \(sheets PMO Rollup, PMO Projects, PMO Findings, PMO History\)/,
    );
    expect(readFileSync(sample).equals(before)).toBe(true); // the input is never modified
    const names = readWorkbook(readFileSync(out)).grids.sheets.map((s) => s.name);
    expect(names.slice(-4)).toEqual(["PMO Rollup", "PMO Projects", "PMO Findings", "PMO History"]);
    expectValidXlsx(sample); // the sample workbook we write
    expectValidXlsx(out, sample);
  });

  it("prints the JSON contract, consistent with the sheets", async () => {
    const run = await cli(["rollup", sample, "-o", out, "--format", "json"]);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(["asOf", "portfolio", "programmes", "projects", "findings"]);
    // The contract's fields first, unchanged; then the ones added since (what each index rests on).
    expect(Object.keys(json.portfolio)).toEqual([
      "bac",
      "ac",
      "ev",
      "pv",
      "spi",
      "cpi",
      "counts",
      "projects",
      "spiBasis",
      "cpiBasis",
    ]);
    expect(json.portfolio.spi).toBeCloseTo(json.portfolio.spiBasis.ev / json.portfolio.spiBasis.pv, 12);
    expect(json.portfolio.cpi).toBeCloseTo(json.portfolio.cpiBasis.ev / json.portfolio.cpiBasis.ac, 12);
    expect(Object.keys(json.portfolio.counts)).toEqual(["green", "amber", "red", "grey"]);
    const p = json.projects[0];
    expect(Object.keys(p)).toEqual(["id", "name", "programme", "reported", "rag", "metrics"]);
    expect(Object.keys(p.rag)).toEqual(["schedule", "cost", "risk", "governance", "overall"]);
    expect(Object.keys(p.metrics)).toEqual([
      "bac",
      "ac",
      "ev",
      "pv",
      "sv",
      "cv",
      "spi",
      "cpi",
      "eac",
      "vac",
      "tcpi",
      "slipDays",
    ]);
    for (const project of json.projects)
      for (const v of Object.values(project.rag)) expect(["green", "amber", "red", "grey"]).toContain(v);
    expect(json.projects.length).toBe(60);
    const c = json.portfolio.counts;
    expect(c.green + c.amber + c.red + c.grey).toBe(60);
    expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity/);
    // the sample has a project with a #REF! actual cost: its CPI is no value, not NaN
    expect(json.projects.some((x: { metrics: { cpi: number | null } }) => x.metrics.cpi === null)).toBe(true);
    // every finding code now shows in the sample, the RAG engine's included
    const v = JSON.parse((await cli(["validate", sample, "--format", "json"])).stdout);
    const codes = new Set(v.files[0].findings.map((f: { code: string }) => f.code));
    expect(codes).toContain("rag-mismatch");
    expect(codes).toContain("dependency-at-risk");
    expect(json.findings).toEqual(v.files[0].summary);
  });

  it("never overwrites its input unless --in-place is given", async () => {
    const run = await cli(["rollup", sample, "-o", sample]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/never overwritten unless --in-place/);
    expect((await cli(["rollup", sample])).code).toBe(2);
    const copy = join(dir, "copy.xlsx");
    copyFileSync(sample, copy);
    const mtime = statSync(copy).mtimeMs;
    expect((await cli(["rollup", copy, "--in-place"])).code).toBe(0);
    expect(statSync(copy).mtimeMs).toBeGreaterThanOrEqual(mtime);
    expect(readWorkbook(readFileSync(copy)).grids.sheets.some((s) => s.ownedRole === "rollup")).toBe(true);
    expectValidXlsx(copy, sample);
  });

  it("consolidates several workbooks, tagging projects with their file and flagging clashing IDs", async () => {
    const a = join(dir, "a.xlsx");
    const b = join(dir, "b.xlsx");
    const status = [["Status Date", serial("2026-10-30")], []];
    writeFileSync(
      a,
      await writeSimpleWorkbook([
        { name: "Projects", rows: [...status, PROJECT_HEADER, projectRow("A-1"), projectRow("X-1")] },
      ]),
    );
    writeFileSync(
      b,
      await writeSimpleWorkbook([
        { name: "Projects", rows: [PROJECT_HEADER, projectRow("B-1"), projectRow("X-1")] },
      ]),
    );
    const run = await cli(["rollup", a, b, "-o", join(dir, "portfolio.xlsx"), "--format", "json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(
      json.projects
        .map((p: { id: string; source: string }) => `${p.id}@${p.source.endsWith("a.xlsx") ? "a" : "b"}`)
        .sort(),
    ).toEqual(["A-1@a", "B-1@b", "X-1@a", "X-1@b"]);
    expect(json.findings.errors).toBe(1);
    expectValidXlsx(join(dir, "portfolio.xlsx"), a);
    const findings = readWorkbook(readFileSync(join(dir, "portfolio.xlsx"))).grids.sheets.find(
      (s) => s.name === "PMO Findings",
    )!.rows;
    expect(findings.flat().join(" ")).toMatch(/Project ID "X-1" is also in .*a\.xlsx/);
  });

  it("exits 2 with one line when a workbook cannot be read", async () => {
    writeFileSync(join(dir, "bad.xlsx"), "not a workbook");
    const run = await cli(["rollup", join(dir, "bad.xlsx"), "-o", join(dir, "x.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")).toHaveLength(1);
  });
});
