import { coerceCell, type CoerceContext } from "../../src/core/register/coerce";
import { parseTextDate } from "../../src/core/register/parse-date";
import { parseTextNumber } from "../../src/core/register/parse-number";
import { defaultStandard } from "../../src/core/standard/load";
import type { ColumnSpec } from "../../src/core/standard/schema";
import { errorCell } from "../../src/core/grid";
import { day, serial } from "../helpers/grids";

const standard = defaultStandard();
const projectColumn = (field: string): ColumnSpec =>
  standard.registers.projects.columns.find((c) => c.field === field)!;
const ctx: CoerceContext = {
  date1904: false,
  dateOrder: "dmy",
  percentScale: "points",
  ragScale: standard.ragScale,
};

function value(
  raw: Parameters<typeof coerceCell>[0],
  field: string,
  extra: Partial<CoerceContext> = {},
  format: string | null = null,
) {
  const result = coerceCell(raw, format, projectColumn(field), { ...ctx, ...extra });
  return result.ok ? result.value : result.code;
}

describe("text dates", () => {
  it.each([
    ["2024-09-07", "2024-09-07"],
    ["2024-09-07T10:30:00Z", "2024-09-07"],
    ["2024/9/7", "2024-09-07"],
    ["07.09.2024", "2024-09-07"],
    ["7/9/24", "2024-09-07"],
    ["07-09-2024", "2024-09-07"],
    ["25/12/2024", "2024-12-25"],
    ["7 Sep 2024", "2024-09-07"],
    ["07-Sep-24", "2024-09-07"],
    ["7th September 2024", "2024-09-07"],
    ["Sep 7, 2024", "2024-09-07"],
    ["September 7 2024", "2024-09-07"],
    ["1/1/30", "1930-01-01"],
    ["1/1/29", "2029-01-01"],
    ["12/Nov/25 9:14 AM", "2025-11-12"],
    ["Mon 31/03/25", "2025-03-31"],
    ["Tue, 1 Apr 2025", "2025-04-01"],
    ["Mon, 12 May 2025 09:14:22 UTC+0000", "2025-05-12"],
    ["12 May 2025 16:02 GMT", "2025-05-12"],
    ["20250331", "2025-03-31"],
    // A month or a quarter is its last day: a date to be met by its end.
    ["March 2025", "2025-03-31"],
    ["Feb-24", "2024-02-29"],
    ["Q2 2026", "2026-06-30"],
    ["2026 Q4", "2026-12-31"],
    ["2030", "2030-12-31"],
    // Serbian, Croatian and Hungarian dates end with a dot.
    ["02.04.2024.", "2024-04-02"],
    ["2. 4. 2024.", "2024-04-02"],
    ["2024. 04. 02.", "2024-04-02"],
    // A state with its date in brackets is that date.
    ["Complete (Jun-25)", "2025-06-30"],
    ["TBC (Q3 2026)", "2026-09-30"],
    // An Australian financial year's quarter, named by its last month.
    ["Jun Qtr FY26", "2026-06-30"],
    ["Sep Qtr FY27", "2026-09-30"],
    ["Mar Quarter FY2027", "2027-03-31"],
  ])("reads %s day-first", (text, iso) => {
    expect(parseTextDate(text, "dmy")).toEqual({ day: day(iso) });
  });

  it("reads ambiguous dates by the standard's order, unambiguous ones either way", () => {
    expect(parseTextDate("03/04/2024", "dmy")).toEqual({ day: day("2024-04-03") });
    expect(parseTextDate("03/04/2024", "mdy")).toEqual({ day: day("2024-03-04") });
    expect(parseTextDate("12/25/2024", "dmy")).toEqual({ day: day("2024-12-25") });
  });

  it("tells impossible dates from non-dates", () => {
    expect(parseTextDate("31/02/2024", "dmy")).toEqual({
      invalid: expect.stringContaining("not a real date"),
    });
    expect(parseTextDate("TBD", "dmy")).toBeNull();
    expect(parseTextDate("sometime in 2024", "dmy")).toBeNull();
  });
});

describe("text numbers", () => {
  it.each([
    ["1,234", 1234],
    ["£9,999.99", 9999.99],
    ["$1.2m", 1_200_000],
    ["€ 3 bn", 3e9],
    ["250k", 250_000],
    ["(1,500)", -1500],
    ["-£2,000", -2000],
    ["1.234,56", 1234.56],
    ["1 234 567", 1234567],
    ["USD 5,000", 5000],
  ])("reads %s as money", (text, n) => {
    expect(parseTextNumber(text, true)?.value).toBeCloseTo(n);
  });

  it("refuses what is not a number", () => {
    for (const t of ["TBD", "n/a", "Exempt", "12 apples", "1.2.3", ""])
      expect(parseTextNumber(t, true)).toBeNull();
    expect(parseTextNumber("$5", false)).toBeNull();
  });
});

describe("coerceCell", () => {
  it("reads dates as serials, text, and in the 1904 system", () => {
    expect(value(serial("2024-09-07"), "startDate")).toBe(day("2024-09-07"));
    expect(value(serial("2024-09-07") - 1462, "startDate", { date1904: true })).toBe(day("2024-09-07"));
    expect(value(" 07/09/2024 ", "startDate")).toBe(day("2024-09-07"));
    expect(value(60, "startDate")).toBe("type-error");
    expect(value("soon", "startDate")).toBe("type-error");
    // Placeholders for "not known" read as blank, so a required date reports required-missing.
    for (const t of ["TBD", "TBC", "N/A", "NA", "—", " - ", "Ongoing", "Continuous"])
      expect(value(t, "startDate")).toBeNull();
    expect(value("1850-01-01", "startDate")).toBe("range-error");
    expect(value(true, "startDate")).toBe("type-error");
  });

  it("reads Unix timestamps tools export, in milliseconds or seconds, as numbers or text", () => {
    // ClickUp writes 1743346800000 for 30 March 2025 15:00 UTC; the day is what counts.
    expect(value(1743346800000, "startDate")).toBe(day("2025-03-30"));
    expect(value("1743346800000", "startDate")).toBe(day("2025-03-30"));
    expect(value(1743346800, "startDate")).toBe(day("2025-03-30"));
    // Neither a serial nor a timestamp: 9 or 11 digits, or a fraction.
    expect(value(174334680, "startDate")).toBe("range-error");
    expect(value("17433468000", "startDate")).toBe("type-error");
    expect(value(1743346800.5, "startDate")).toBe("range-error");
  });

  it("reads money as numbers or text", () => {
    expect(value(1500, "bac")).toBe(1500);
    expect(value("£1,250,000", "bac")).toBe(1_250_000);
    expect(value("$1.2m", "bac")).toBe(1_200_000);
    expect(value("soon", "bac")).toBe("type-error");
    expect(value("n/a", "bac")).toBeNull();
    expect(value(-5, "bac")).toBe("range-error");
    expect(value("45%", "bac")).toBe("type-error");
  });

  it("applies a money column's unit to plain numbers only", () => {
    const col = { ...projectColumn("bac"), unit: 1e6 };
    expect(coerceCell(2.5, null, col, ctx)).toEqual({ ok: true, value: 2_500_000 });
    expect(coerceCell("£3m", null, col, ctx)).toEqual({ ok: true, value: 3_000_000 });
  });

  it("reads percentages as 0.45, 45 or 45%", () => {
    expect(value(0.45, "percentComplete", { percentScale: "fraction" })).toBe(45);
    expect(value(45, "percentComplete")).toBe(45);
    expect(value("45%", "percentComplete", { percentScale: "fraction" })).toBe(45);
    expect(value(0.45, "percentComplete", { percentScale: "points" }, "0%")).toBe(45);
    expect(value(1.4, "percentComplete", { percentScale: "fraction" })).toBe("range-error");
    expect(value("half", "percentComplete")).toBe("type-error");
  });

  it("matches enums with aliases and suggests the closest", () => {
    expect(value("execution", "stage")).toBe("Execute");
    expect(value(" CLOSED ", "stage")).toBe("Closed");
    const result = coerceCell("Exectue", null, projectColumn("stage"), ctx);
    expect(result).toMatchObject({
      ok: false,
      code: "enum-error",
      message: expect.stringContaining('Did you mean "Execute"?'),
    });
  });

  it("reads a dash or none in an enum column as no value, unless the list names it", () => {
    expect(value("-", "stage")).toBeNull();
    expect(value("—", "stage")).toBeNull();
    expect(value("none", "stage")).toBeNull();
    expect(value("nothing", "stage")).toBe("enum-error");
  });

  it("reads a value followed by whom or what it is for", () => {
    const changeStatus = standard.registers.changes.columns.find((c) => c.field === "status")!;
    expect(coerceCell("Submitted to ADB", null, changeStatus, ctx)).toEqual({ ok: true, value: "Submitted" });
    expect(coerceCell("Approved by CAB", null, changeStatus, ctx)).toEqual({ ok: true, value: "Approved" });
    // Only a body named by its letters follows: "Ready for Closure" is not Ready, nor "Complete by March" complete.
    expect(coerceCell("Complete by March", null, changeStatus, ctx)).toMatchObject({ ok: false });
    // The body named within it: "Pending AA approval" is pending approval.
    expect(coerceCell("Pending AA approval", null, changeStatus, ctx)).toEqual({
      ok: true,
      value: "Submitted",
    });
    expect(coerceCell("Awaiting SteerCo decision", null, changeStatus, ctx)).toEqual({
      ok: true,
      value: "Submitted",
    });
    expect(coerceCell("Pending approval soon", null, changeStatus, ctx)).toMatchObject({ ok: false });
    // Only a known value may lead: "Sent to CAB" says nothing the column knows.
    expect(coerceCell("Sent to CAB", null, changeStatus, ctx)).toMatchObject({
      ok: false,
      code: "enum-error",
    });
  });

  it("reads RAG ratings in their many spellings", () => {
    expect(value("G", "reportedRag")).toBe("Green");
    expect(value("yellow", "reportedRag")).toBe("Amber");
    expect(value("amber / green", "reportedRag")).toBe("Amber/Green");
    expect(value("RED", "reportedRag")).toBe("Red");
    expect([value("🟢", "reportedRag"), value("🟡", "reportedRag"), value(" 🔴 ", "reportedRag")]).toEqual([
      "Green",
      "Amber",
      "Red",
    ]);
    expect(value("Needs attention", "reportedRag")).toBe("Amber");
    // A Good / At Risk / Bad legend.
    expect(["Good", "At Risk", "Bad"].map((t) => value(t, "reportedRag"))).toEqual(["Green", "Amber", "Red"]);
    expect([value("On Schedule", "reportedRag"), value("Behind Schedule", "reportedRag")]).toEqual([
      "Green",
      "Red",
    ]);
    expect(value("Purple", "reportedRag")).toBe("enum-error");
  });

  it("reads booleans", () => {
    const col: ColumnSpec = { ...projectColumn("name"), type: "boolean" };
    for (const [raw, expected] of [
      ["Yes", true],
      ["n", false],
      [1, true],
      [false, false],
    ] as const)
      expect(coerceCell(raw, null, col, ctx)).toEqual({ ok: true, value: expected });
    expect(coerceCell("maybe", null, col, ctx)).toMatchObject({ ok: false, code: "type-error" });
  });

  it("cleans text: spaces, non-breaking spaces and control characters", () => {
    expect(value("\u00a0 Alpha\u0007  Project \t", "name")).toBe("Alpha Project");
    expect(value(1001, "id")).toBe("1001");
  });

  it("reports error values and uncalculated formulas as formula errors", () => {
    expect(value(errorCell("#N/A"), "bac")).toBe("formula-error");
    expect(value({ kind: "uncalculated", formula: "SUM(A1:A3)" }, "bac")).toBe("formula-error");
  });

  it("treats blanks (including only spaces) as no value", () => {
    expect(value("", "bac")).toBeNull();
    expect(value(" \u00a0 ", "bac")).toBeNull();
    expect(value(null, "bac")).toBeNull();
  });

  it("checks integer columns", () => {
    const prob = standard.registers.risks!.columns.find((c) => c.field === "probability")!;
    expect(coerceCell(3, null, prob, ctx)).toEqual({ ok: true, value: 3 });
    expect(coerceCell(2.5, null, prob, ctx)).toMatchObject({ code: "type-error" });
    expect(coerceCell(7, null, prob, ctx)).toMatchObject({ code: "range-error" });
    expect(coerceCell("4", null, prob, ctx)).toEqual({ ok: true, value: 4 });
  });
});
