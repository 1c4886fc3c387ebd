/**
 * The real public registers in examples/data, read as published with the example standards:
 * no crash, every data row accounted for, reported ratings read where given, findings a PMO
 * analyst would agree with. The data ships with the repository, so this always runs.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { readFileSync } from "node:fs";
import { cli } from "../helpers/cli";
import { expectValidXlsx } from "../helpers/validate-xlsx";

const corpus = join(__dirname, "../../examples/data");
const standards = join(__dirname, "../../examples/standards");
const run = describe;
const dir = mkdtempSync(join(tmpdir(), "pmo-real-"));

interface Json {
  files: {
    summary: { errors: number };
    csv: { records: number };
    findings: { code: string; row: number; column: string; value: string; message: string }[];
  }[];
}

async function validate(file: string, standard: string, extra: string[] = []): Promise<Json> {
  const r = await cli([
    "validate",
    join(corpus, file),
    "--standard",
    join(standards, standard),
    "--format",
    "json",
    ...extra,
  ]);
  expect(r.code).toBeLessThan(2);
  return JSON.parse(r.stdout);
}

run("the UK GMPP annual data", () => {
  it.each(["gmpp-2019.csv", "gmpp-2023.csv"])(
    "reads %s with one standard, every row accounted for",
    async (file) => {
      const json = await validate(file, "uk-gmpp.json");
      const f = json.files[0];
      const out = join(dir, `${file}.xlsx`);
      const rollup = await cli([
        "rollup",
        join(corpus, file),
        "--standard",
        join(standards, "uk-gmpp.json"),
        "-o",
        out,
        "--format",
        "json",
      ]);
      expect(rollup.code).toBe(0);
      expectValidXlsx(out); // a CSV becomes a workbook we write whole: all of it is checked
      const projects = JSON.parse(rollup.stdout).projects;
      expect(projects.length).toBe(f.csv.records - 1); // every data row became a project
      // Ratings are read for every row that gives one (a DCA word, not an exemption notice).
      const rated = projects.filter((p: { reported: string | null }) => p.reported !== null).length;
      const exempt = f.findings.filter((x) => x.code === "enum-error" && x.column === "colour_rating").length;
      const blank = f.findings.filter(
        (x) => x.code === "required-missing" && x.column === "colour_rating",
      ).length;
      expect(rated + exempt + blank).toBe(projects.length);
      expect(f.findings.some((x) => x.code === "duplicate-header")).toBe(false);
      // "Exempt under Section 43" and "Early planning" where money belongs are type errors.
      expect(f.findings.some((x) => x.code === "type-error" && /Exempt under Section/.test(x.value))).toBe(
        true,
      );
      expect(readWorkbook(new Uint8Array(readFileSync(out))).grids.sheets.map((s) => s.name)).toContain(
        "PMO Rollup",
      );
    },
  );

  it("takes the SRO's rating in 2023 where the IPA gave none (the second colour_rating)", async () => {
    const rollup = JSON.parse(
      (
        await cli([
          "rollup",
          join(corpus, "gmpp-2023.csv"),
          "--standard",
          join(standards, "uk-gmpp.json"),
          "-o",
          join(dir, "x.xlsx"),
          "--format",
          "json",
        ])
      ).stdout,
    );
    const rated = rollup.projects.filter((p: { reported: string | null }) => p.reported !== null).length;
    expect(rated).toBeGreaterThan(200); // the first column alone rates about half of the 244
  });

  it("reads 2019's two-digit years in this century, as the standard says", async () => {
    const json = await validate("gmpp-2019.csv", "uk-gmpp.json");
    expect(json.files[0].findings.filter((x) => x.code === "date-order")).toEqual([]);
  });
});

run("the US IT Dashboard extract", () => {
  it("reads all 2,467 projects with its standard", async () => {
    const json = await validate("us-it-dashboard-2012.csv", "us-it-dashboard.json", [
      "--as-of",
      "2012-06-30",
    ]);
    expect(json.files[0].csv.records).toBe(2468);
    const rollup = JSON.parse(
      (
        await cli([
          "rollup",
          join(corpus, "us-it-dashboard-2012.csv"),
          "--standard",
          join(standards, "us-it-dashboard.json"),
          "--as-of",
          "2012-06-30",
          "-o",
          join(dir, "us.xlsx"),
          "--format",
          "json",
        ])
      ).stdout,
    );
    expect(rollup.projects).toHaveLength(2467);
    expectValidXlsx(join(dir, "us.xlsx"));
    expect(rollup.portfolio.cpi).toBeNull(); // no % complete: cost is judged on forecast cost against budget
    expect(
      rollup.projects.filter((p: { rag: { cost: string } }) => p.rag.cost !== "grey").length,
    ).toBeGreaterThan(2000);
  });
});

describe("layouts we cannot read", () => {
  it("refuses a transposed register with one clear finding", async () => {
    const file = join(dir, "transposed.xlsx");
    writeFileSync(
      file,
      await writeSimpleWorkbook([
        {
          name: "Projects",
          rows: [
            ["Project ID", "P-1", "P-2"],
            ["Project Name", "One", "Two"],
            ["Stage", "Plan", "Execute"],
            ["Budget", 5, 6],
          ],
        },
      ]),
    );
    const r = await cli(["validate", file, "--format", "json"]);
    const findings = JSON.parse(r.stdout).files[0].findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "header-not-found",
      cell: "A1",
      message: expect.stringMatching(/transposed/),
    });
  });
});
