/**
 * LibreOffice opens what we write: the rollup sheets' cells match the JSON, the registers match
 * the input's, and the PMO Rollup page renders (a picture is kept in test-output/).
 */
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "../helpers/cli";
import { hasLibreOffice, renderPageWith, sheetsAsCsv } from "../helpers/libreoffice";
import { expectValidXlsx } from "../helpers/validate-xlsx";

const dir = mkdtempSync(join(tmpdir(), "pmo-lo-"));
const sample = join(dir, "sample.xlsx");
const out = join(dir, "rollup.xlsx");
const run = hasLibreOffice() || process.env.CI ? describe : describe.skip;

run("LibreOffice reading the rollup workbook", () => {
  let json: {
    projects: { id: string; rag: { overall: string }; metrics: { bac: number | null; spi: number | null } }[];
    portfolio: { counts: Record<string, number> };
  };
  let csv: Map<string, string[][]>;

  beforeAll(async () => {
    await cli(["sample", "-o", sample]);
    json = JSON.parse((await cli(["rollup", sample, "-o", out, "--format", "json"])).stdout);
    expectValidXlsx(out, sample);
    csv = sheetsAsCsv(out);
  }, 180_000);

  it("shows every sheet, ours after the registers", () => {
    expect([...csv.keys()]).toEqual(
      expect.arrayContaining([
        "Projects",
        "Risks",
        "PMO Rollup",
        "PMO Projects",
        "PMO Findings",
        "PMO History",
      ]),
    );
  });

  it("shows PMO Projects with the JSON's RAG and numbers", () => {
    const rows = csv.get("PMO Projects")!;
    const header = rows[2];
    const col = (name: string) => header.indexOf(name);
    expect(col("Overall")).toBeGreaterThan(0);
    const body = rows.slice(3).filter((r) => r[0] !== "");
    expect(body.map((r) => r[0])).toEqual(json.projects.map((p) => p.id));
    for (const [i, p] of json.projects.entries()) {
      const r = body[i];
      expect(r[col("Overall")].toLowerCase()).toContain(p.rag.overall);
      if (p.metrics.bac === null) expect(r[col("BAC")]).toBe("");
      else expect(Number(r[col("BAC")].replace(/[^\d.-]/g, ""))).toBeCloseTo(p.metrics.bac, 0);
      if (p.metrics.spi !== null) expect(Number(r[col("SPI")])).toBeCloseTo(p.metrics.spi, 2);
    }
  });

  it("shows the counts by RAG on PMO Rollup", () => {
    const rows = csv.get("PMO Rollup")!;
    for (const [rag, n] of Object.entries(json.portfolio.counts)) {
      const row = rows.find((r) => r[0].toLowerCase().endsWith(rag));
      expect(row).toBeDefined();
      expect(Number(row![1])).toBe(n);
    }
  });

  it("reads the registers of the output exactly as those of the input", () => {
    const input = sheetsAsCsv(sample);
    for (const register of ["Projects", "Risks", "Issues", "Dependencies", "Milestones", "Read Me"])
      expect(csv.get(register)).toEqual(input.get(register));
  }, 120_000);

  it("renders the PMO Rollup page", () => {
    const png = renderPageWith(
      out,
      "Portfolio rollup",
      join(__dirname, "../../test-output/pmo-rollup-page.png"),
    );
    expect(statSync(png).size).toBeGreaterThan(20_000);
  }, 120_000);
});
