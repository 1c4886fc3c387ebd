/** `pmo-rollup template`: an empty register workbook that follows the standard and validates clean. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { columnLetter } from "../../src/core/a1";
import { allowedValues } from "../../src/core/plan/template-plan";
import { defaultStandard } from "../../src/core/standard/load";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { cli } from "../helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "pmo-template-"));
const validator = join(__dirname, "../../../shared/tools/validate-xlsx");
const canValidate = existsSync(validator);

/** Each sheet's worksheet XML, by sheet name. */
function sheetXmlByName(bytes: Uint8Array): Map<string, string> {
  const read = readWorkbook(bytes, { sheetFilter: () => false });
  return new Map(read.info.sheets.map((s) => [s.name, read.pkg.text(s.path!) ?? ""]));
}

function listValidations(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(
    /<dataValidation type="list"[^>]*sqref="([A-Z]+)2:[^"]*"><formula1>([^<]*)<\/formula1>/g,
  ))
    out.set(m[1], m[2]);
  return out;
}

describe("pmo-rollup template", () => {
  const out = join(dir, "register.xlsx");

  it("writes every register of the built-in standard, which then validates with no finding", async () => {
    const run = await cli(["template", "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Projects, Risks, Issues, Dependencies, Milestones, Assumptions, Changes/);
    const bytes = readFileSync(out);
    const names = readWorkbook(bytes).grids.sheets.map((s) => s.name);
    expect(names).toEqual([
      "Read Me",
      "Projects",
      "Risks",
      "Issues",
      "Dependencies",
      "Milestones",
      "Assumptions",
      "Changes",
      "PMO Standard",
    ]);
    const v = JSON.parse((await cli(["validate", out, "--format", "json"])).stdout);
    expect(v.standard).toEqual({ name: "PMO Rollup default standard", version: "1.0" });
    expect(v.files[0].summary).toEqual({ errors: 0, warnings: 0, info: 0 });
  });

  it("puts a dropdown on every allowed-value column, an input message on every column, a table and a frozen header on every register", () => {
    const standard = defaultStandard();
    const xml = sheetXmlByName(readFileSync(out));
    let dropdowns = 0;
    for (const spec of Object.values(standard.registers)) {
      const sheet = xml.get(spec!.sheet)!;
      const lists = listValidations(sheet);
      spec!.columns.forEach((column, i) => {
        const allowed = allowedValues(column, standard);
        if (!allowed) return expect(lists.has(columnLetter(i))).toBe(false);
        dropdowns++;
        expect(lists.get(columnLetter(i))).toBe(`&quot;${allowed.join(",")}&quot;`);
      });
      expect(sheet.match(/showInputMessage="1"/g)).toHaveLength(spec!.columns.length);
      expect(sheet).toContain('<tableParts count="1">');
      expect(sheet).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    }
    // stage, RAG, probability and impact (1-5), a risk's kind (threat or opportunity), severity,
    // and the statuses of the six other registers
    expect(dropdowns).toBe(12);
    expect(xml.get("Projects")).toMatch(
      /promptTitle="Budget" prompt="[^"]*Required: every row needs a value\."/,
    );
  });

  (canValidate ? it : it.skip)("opens valid under validate-xlsx", () => {
    const check = spawnSync(validator, [out], { encoding: "utf8" });
    expect(check.stdout).toMatch(/0 problems/);
    expect(check.status).toBe(0);
  });

  it("writes only the registers asked for, and refuses an unknown one with one line", async () => {
    const some = join(dir, "some.xlsx");
    expect((await cli(["template", "-o", some, "--registers", "projects, Risk Log"])).code).toBe(0);
    expect(readWorkbook(readFileSync(some)).grids.sheets.map((s) => s.name)).toEqual([
      "Read Me",
      "Projects",
      "Risks",
      "PMO Standard",
    ]);
    const bad = await cli(["template", "-o", some, "--registers", "projects,lessons"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^pmo-rollup: the standard has no register 'lessons'; its registers are projects, risks/,
    );
  });

  it("follows a custom standard, long lists going to a PMO Lists sheet, and validates under it", async () => {
    const standard = defaultStandard() as unknown as { name: string; registers: Record<string, unknown> };
    standard.name = "Contoso PMO";
    const regions = Array.from({ length: 40 }, (_, i) => ({ value: `Region number ${i + 1}, north` }));
    standard.registers.benefits = {
      sheet: "Benefits",
      columns: [
        {
          field: "benefitId",
          header: "Benefit ID",
          type: "text",
          presence: "required",
          required: true,
          unique: true,
        },
        {
          field: "region",
          header: "Region",
          type: "enum",
          presence: "required",
          required: true,
          values: regions,
        },
      ],
    };
    const file = join(dir, "contoso.json");
    writeFileSync(file, JSON.stringify(standard));
    const custom = join(dir, "contoso.xlsx");
    expect((await cli(["template", "-o", custom, "--standard", file])).code).toBe(0);
    const bytes = readFileSync(custom);
    const sheets = readWorkbook(bytes).grids.sheets;
    expect(sheets.map((s) => s.name)).toContain("PMO Lists");
    const lists = sheets.find((s) => s.name === "PMO Lists")!.rows;
    expect(lists[0][0]).toBe("Benefits: Region");
    expect(lists[40][0]).toBe("Region number 40, north");
    expect(listValidations(sheetXmlByName(bytes).get("Benefits")!).get("B")).toBe("'PMO Lists'!$A$2:$A$41");
    const v = JSON.parse((await cli(["validate", custom, "--format", "json"])).stdout);
    expect(v.standard.name).toBe("Contoso PMO");
    expect(v.files[0].summary.errors).toBe(0);
    if (canValidate) expect(spawnSync(validator, [custom]).status).toBe(0);
  });
});
