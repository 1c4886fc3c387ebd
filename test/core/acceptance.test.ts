import { checkWorkbook } from "../../src/core/engine";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import {
  ACCEPTANCE_CLEAN_ROWS,
  ACCEPTANCE_EXPECTED,
  ACCEPTANCE_SHEETS,
} from "../helpers/acceptance-register";
import { day } from "../helpers/grids";

describe("issue #2's register, written to .xlsx and read back", () => {
  let findings: ReturnType<typeof checkWorkbook>["validation"]["findings"];
  let check: ReturnType<typeof checkWorkbook>;

  beforeAll(async () => {
    const bytes = await writeSimpleWorkbook(ACCEPTANCE_SHEETS);
    check = checkWorkbook(readWorkbook(bytes).grids, { today: day("2030-01-01") });
    findings = check.validation.findings;
  });

  it("finds the status date in the title block", () => {
    expect(check.asOf).toEqual({ day: day("2026-10-30"), source: "Projects!B2" });
  });

  it.each(ACCEPTANCE_EXPECTED)("reports %s at %s!%s", (code, sheetName, cell) => {
    expect(findings).toContainEqual(expect.objectContaining({ code, sheet: sheetName, cell }));
  });

  it("reports nothing else as an error or warning", () => {
    const unexpected = findings.filter(
      (f) =>
        f.severity !== "info" &&
        !ACCEPTANCE_EXPECTED.some(([code, s, cell]) => f.code === code && f.sheet === s && f.cell === cell),
    );
    expect(unexpected).toEqual([]);
  });

  it("gives no error on its clean rows (synonym headers, text money and dates read)", () => {
    const projects = check.validation.registers.projects!;
    for (const r of ACCEPTANCE_CLEAN_ROWS)
      expect(findings.filter((f) => f.sheet === "Projects" && f.row === r)).toEqual([]);
    const p2 = projects.rows.find((r) => r.values.id === "P-002")!;
    expect(p2.values.bac).toBe(1_250_000);
    expect(p2.values.startDate).toBe(day("2026-01-05"));
    const p11 = projects.rows.find((r) => r.values.id === "P-011")!;
    expect(p11.values.bac).toBe(1_200_000);
    expect(p11.values.forecastFinish).toBe(day("2027-04-15"));
    expect(projects.columns.get("manager")!.header).toBe("PM");
    expect(projects.headerRow).toBe(3);
  });

  it("writes messages that say what to do", () => {
    const enumError = findings.find((f) => f.code === "enum-error")!;
    expect(enumError).toMatchObject({ column: "Stage", value: "Executing phase", row: 10 });
    expect(enumError.message).toMatch(/Did you mean "Execute"\?/);
    expect(findings.find((f) => f.code === "dependency-cycle")!.message).toMatch(
      /P-011 → P-012 → P-002 → P-011/,
    );
  });
});
