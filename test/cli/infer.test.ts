/**
 * `pmo-rollup infer`: the standard a workbook is read with, as JSON; --write stores it in the
 * PMO Standard sheet (a valid package, read back the same), never over a user's sheet. And
 * one-project logs, consolidated: one project per file.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { cli } from "../helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "pmo-infer-"));
const validateXlsx = join(__dirname, "../../../shared/tools/validate-xlsx");

async function raidLog(file: string, title: string | null, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Raid Log");
  if (title) ws.addRow([title]);
  ws.addRow([]);
  ws.addRow([
    "Ref",
    "Type",
    "Description",
    "Likelihood (High/Med/Low)",
    "Impact (High/Med/Low)",
    "Owner",
    "Current_Status",
  ]);
  for (const r of rows) ws.addRow(r);
  const path = join(dir, file);
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  return path;
}

const ROWS = [
  ["R-1", "Risk", "Vendor late", "High", "High", "Ann", "Open"],
  ["I-1", "Issue", "Server down", "", "High", "Bo", "Open"],
  ["A-1", "Assumption", "Budget holds", "", "", "Cy", "Open"],
];

describe("pmo-rollup infer", () => {
  it("prints each register and column found, how surely, with samples and the inferred standard", async () => {
    const file = await raidLog("phoenix.xlsx", "Project Name: Phoenix", ROWS);
    const r = await cli(["infer", file]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.registers.map((x: { register: string }) => x.register).sort()).toEqual([
      "assumptions",
      "issues",
      "risks",
    ]);
    const risks = json.registers.find((x: { register: string }) => x.register === "risks");
    expect(risks).toMatchObject({ sheet: "Raid Log", headerRow: 3, rows: 1 });
    expect(risks.columns.find((c: { field: string }) => c.field === "probability")).toMatchObject({
      header: "Likelihood (High/Med/Low)",
      column: "D",
      scale: "three-point",
      sample: ["High"],
      confidence: expect.any(Number),
    });
    expect(risks.missing.map((m: { field: string }) => m.field)).not.toContain("projectId");
    expect(json.standard.registers.risks.sheet).toBe("Raid Log");
    expect(json.notes.map((n: { code: string }) => n.code)).toContain("implied-project");
    const text = await cli(["infer", file, "--format", "text"]);
    expect(text.stdout).toMatch(/probability\s+D: Likelihood \(High\/Med\/Low\)/);
  });

  it("--write stores the standard in a PMO Standard sheet: a valid package, read back alike", async () => {
    const original = await raidLog("write.xlsx", "Project Name: Phoenix", ROWS);
    const file = join(dir, "write-copy.xlsx");
    copyFileSync(original, file);
    const r = await cli(["infer", file, "--write", "--format", "text"]);
    expect(r.code).toBe(0);
    const sheets = readWorkbook(new Uint8Array(readFileSync(file))).grids.sheets;
    expect(sheets.map((s) => [s.name, s.ownedRole ?? null])).toEqual([
      ["Raid Log", null],
      ["PMO Standard", "standard"],
    ]);
    if (existsSync(validateXlsx))
      execFileSync(validateXlsx, ["--changed-from", original, file], { stdio: "pipe" });
    const before = JSON.parse((await cli(["validate", original, "--format", "json"])).stdout).files[0]
      .findings;
    const after = JSON.parse((await cli(["validate", file, "--format", "json"])).stdout).files[0].findings;
    expect(after.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`).sort()).toEqual(
      before.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`).sort(),
    );
    // Again: our own sheet is refreshed, not duplicated.
    expect((await cli(["infer", file, "--write"])).code).toBe(0);
    expect(readWorkbook(new Uint8Array(readFileSync(file))).grids.sheets).toHaveLength(2);
  });

  it("never writes over a user's sheet named PMO Standard", async () => {
    const wb = new ExcelJS.Workbook();
    const own = wb.addWorksheet("PMO Standard"); // a PMO's own, hand-written standard
    own.addRow(["Setting", "Value"]);
    own.addRow(["name", "Our standard"]);
    const file = join(dir, "theirs.xlsx");
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const bytes = readFileSync(file);
    const r = await cli(["infer", file, "--write"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already has a 'PMO Standard' sheet/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe("one-project logs", () => {
  it("consolidate into one portfolio, one project per file, named by title or file", async () => {
    const a = await raidLog("Atlas RAID.xlsx", null, ROWS);
    const b = await raidLog("b.xlsx", "Project Name: Borealis", [
      ["R-9", "Risk", "Late", "Low", "Low", "Di", "Open"],
      ["I-9", "Issue", "x", "", "Low", "Ed", "Open"],
    ]);
    const out = join(dir, "portfolio.xlsx");
    const r = await cli(["rollup", a, b, "-o", out, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.projects.map((p: { id: string; rag: { risk: string } }) => [p.id, p.rag.risk])).toEqual([
      ["Atlas RAID", "red"],
      ["Borealis", "green"],
    ]);
    const v = JSON.parse((await cli(["validate", a, b, "--format", "json"])).stdout);
    for (const f of v.files)
      expect(f.findings.map((x: { code: string }) => x.code)).not.toContain("missing-register");
    if (existsSync(validateXlsx)) execFileSync(validateXlsx, ["--changed-from", a, out], { stdio: "pipe" });
  });
});
