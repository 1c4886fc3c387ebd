/**
 * A second review of session 11's change: each input a helper found read wrongly, read right.
 */
import { type CoerceContext, coerceCell } from "../../src/core/register/coerce";
import { parseTextDate } from "../../src/core/register/parse-date";
import { defaultStandard } from "../../src/core/standard/load";
import { day, serial, sheet, workbook } from "../helpers/grids";
import { validateWorkbook } from "../../src/core/validate/validate-workbook";
import { checkWorkbook } from "../../src/core/engine";

const standard = defaultStandard();
const asOf = day("2026-10-30");
const validate = (...sheets: ReturnType<typeof sheet>[]) =>
  validateWorkbook(workbook(...sheets), standard, asOf);

describe('a placeholder with its date in brackets ("TBC (Q3 2026)") is that date', () => {
  const forecastFinish = standard.registers.projects!.columns.find((c) => c.field === "forecastFinish")!;
  const ctx: CoerceContext = {
    date1904: false,
    dateOrder: "dmy",
    percentScale: "points",
    ragScale: standard.ragScale,
  };

  describe("a state with its date in brackets, in a date column", () => {
    it.each([
      ["TBC (Q3 2026)", "2026-09-30"],
      ["TBD (Dec-26)", "2026-12-31"],
      ["Ongoing (2027)", "2027-12-31"],
    ])("%s is read as %s", (text, iso) => {
      // The date parser and the cell coercion agree.
      expect(parseTextDate(text, "dmy")).toEqual({ day: day(iso) });

      expect(coerceCell(text, null, forecastFinish, ctx)).toEqual({ ok: true, value: day(iso) });
    });
  });
});

describe('a rating "prior to mitigation" is the rating, not an earlier period\'s', () => {
  it("reads a risk's ratings prior to mitigation (inherent ratings) as its ratings", () => {
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Project Manager", "Budget"],
        ["P1", "Alpha", "Ann", 1000000],
      ]),
      sheet("Log", [
        [
          "Risk ID",
          "Project ID",
          "Risk Description",
          "Probability (prior to mitigation)",
          "Impact (prior to mitigation)",
          "Mitigation",
          "Owner",
          "Status",
        ],
        ["R1", "P1", "Supplier late", "High", "High", "Chase", "Ann", "Open"],
        ["R2", "P1", "Scope creep", "Medium", "High", "Freeze", "Bo", "Open"],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.columns.get("probability")?.header).toBe("Probability (prior to mitigation)");
    expect(risks.rows.map((r) => [r.values.probability, r.values.impact])).toEqual([
      [5, 5],
      [3, 5],
    ]);
  });
});

describe('a ticket log\'s "Frequency" (Daily / Weekly) is no likelihood: the log is issues', () => {
  it("reads an incident log rated by Impact and Priority, with a Frequency of occurrence, as issues", () => {
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Project Manager", "Budget"],
        ["P1", "Alpha", "Ann", 1000000],
      ]),
      sheet("Log", [
        [
          "ID",
          "Project ID",
          "Summary",
          "Impact",
          "Frequency",
          "Priority",
          "Status",
          "Assigned To",
          "Date Raised",
        ],
        ["T-1", "P1", "Printer jams", "High", "Daily", "P2", "Open", "Ann", 46000],
        ["T-2", "P1", "VPN drops", "Medium", "Weekly", "P3", "Open", "Bo", 46010],
        ["T-3", "P1", "Login slow", "Low", "Monthly", "P4", "Closed", "Cy", 46020],
      ]),
    );
    expect(v.registers.risks?.sheet).toBeUndefined();
    expect(v.registers.issues?.sheet).toBe("Log");
  });
});

describe('a summary table above a one-project log names the project under its "Project" label', () => {
  it("takes no project's name from a summary table's header row above a one-project log", () => {
    const c = checkWorkbook(
      workbook(
        sheet("Risk Log", [
          ["Project", "Open Risks", "Closed Risks", "High", "Medium", "Low"],
          ["Kestrel Depot", 2, 1, 1, 1, 0],
          [],
          ["Risk ID", "Date Raised", "Title", "Probability", "Impact", "Mitigation", "Owner", "Status"],
          ["R1", 46000, "Supplier late", "High", "High", "Chase", "Ann", "Open"],
          ["R2", 46010, "Scope creep", "Medium", "High", "Freeze", "Bo", "Open"],
          ["R3", 46010, "Rain", "Low", "Low", "Wait", "Bo", "Closed"],
        ]),
      ),
      { today: asOf, fileName: "Kestrel RAID.xlsx" },
    );
    expect(c.analysis.projects.map((p) => p.id)).not.toContain("Open Risks");
  });
});

describe("this month's spend is no cost to date, nor this year's budget the budget", () => {
  it.each([
    ["This Month Spend", "ac"],
    ["This Period Cost", "ac"],
    ["This FY Budget", "bac"],
  ])("reads no project-to-date figure from %s", (header, field) => {
    const v = validate(
      sheet("Projects", [
        [
          "Project ID",
          "Project Name",
          "Project Manager",
          "Start Date",
          "Forecast Finish",
          "% Complete",
          "RAG",
          header,
        ],
        ["P1", "Alpha", "Ann", 46000, 46500, 40, "Green", 25000],
        ["P2", "Beta", "Bo", 46000, 46600, 30, "Amber", 12000],
      ]),
    );
    expect(v.registers.projects!.columns.get(field)?.header).toBeUndefined();
  });
});

describe("a status in capitals with a body's name within it is read", () => {
  const changeStatus = standard.registers.changes!.columns.find((c) => c.field === "status")!;
  const ctx: CoerceContext = {
    date1904: false,
    dateOrder: "dmy",
    percentScale: "points",
    ragScale: standard.ragScale,
  };

  it.each(["PENDING CAB APPROVAL", "AWAITING CCB DECISION"])("reads %s as Submitted", (text) => {
    expect(coerceCell(text, null, changeStatus, ctx)).toEqual({ ok: true, value: "Submitted" });
  });
});

describe('a risk\'s "Affected Party" is not its owner', () => {
  it("reads no owner from an Affected Party column", () => {
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Project Manager", "Budget"],
        ["P1", "Alpha", "Ann", 1000000],
      ]),
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Affected Party", "Probability", "Impact", "Status"],
        ["R1", "P1", "Supplier late", "Customer", "High", "High", "Open"],
        ["R2", "P1", "Scope creep", "Operations", "Medium", "High", "Open"],
      ]),
    );
    expect(v.registers.risks!.columns.get("owner")?.header).toBeUndefined();
  });
});

describe("a contract list's FAC (final acceptance certificate) dates are no forecast cost", () => {
  it("reads no forecast cost from a column of FAC dates", () => {
    const d = "dd/mm/yyyy";
    const v = validate(
      sheet(
        "Contracts",
        [
          [
            "Project ID",
            "Project Name",
            "Contractor",
            "Start Date",
            "PAC",
            "FAC",
            "Contract Value",
            "Paid to Date",
          ],
          [
            "P1",
            "Alpha",
            "Acme",
            serial("2023-03-15"),
            serial("2025-12-09"),
            serial("2026-12-09"),
            1000000,
            250000,
          ],
          [
            "P2",
            "Beta",
            "Bolt",
            serial("2023-06-23"),
            serial("2026-03-19"),
            serial("2027-03-19"),
            500000,
            400000,
          ],
        ],
        [[], [null, null, null, d, d, d, null, null], [null, null, null, d, d, d, null, null]],
      ),
    );
    const projects = v.registers.projects!;
    expect(projects.rows.map((r) => r.values.forecastCost ?? null)).toEqual([null, null]);
  });
});

describe('a deviation log\'s "Deviation ..." columns are its own, not differences', () => {
  it("reads a deviation log's title, owner and status", () => {
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Project Manager", "Budget"],
        ["P1", "Alpha", "Ann", 1000000],
      ]),
      sheet("Deviation Log", [
        [
          "Deviation No.",
          "Project ID",
          "Deviation Title",
          "Deviation Owner",
          "Deviation Status",
          "Date Raised",
        ],
        ["DEV-1", "P1", "Blend out of trend", "Ann", "Open", 46000],
        ["DEV-2", "P1", "Label gap", "Bo", "Closed", 46010],
      ]),
    );
    const issues = v.registers.issues!;
    expect([issues.columns.get("title")?.header, issues.columns.get("status")?.header]).toEqual([
      "Deviation Title",
      "Deviation Status",
    ]);
  });
});

describe("an amount of ten digits (IDR, VND, KRW, JPY) is no Unix time", () => {
  it("reads no amount of billions as a decision date", () => {
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Project Manager", "Budget"],
        ["P1", "Alpha", "Ann", 1000000],
      ]),
      sheet("Variations", [
        ["VO No.", "Project ID", "Variation", "Raised", "Approved Amount", "Status"],
        ["VO-1", "P1", "Extra retaining wall", serial("2025-02-03"), 2_084_400_000, "Approved"],
        ["VO-2", "P1", "Window upgrade", serial("2025-03-10"), 1_113_050_000, "Approved"],
        ["VO-3", "P1", "Door upgrade", serial("2025-03-14"), 1_213_050_000, "Approved"],
      ]),
    );
    expect(v.registers.changes!.columns.get("decisionDate")?.header).toBeUndefined();
  });
});

describe("a month with its year in brackets is that month", () => {
  it.each([
    ["June (2026)", "2026-06-30"],
    ["Sep (2025)", "2025-09-30"],
  ])("reads %s as %s, or not at all", (text, iso) => {
    const got = parseTextDate(text, "dmy");
    expect(got === null || (got as { day: number }).day === day(iso)).toBe(true);
  });
});

describe('a proof of concept\'s "POC Start Date" is a date', () => {
  it("reads a pilot list's POC Start Date and POC End Date", () => {
    const d = "dd/mm/yyyy";
    const v = validate(
      sheet(
        "Pilots",
        [
          [
            "Project ID",
            "Project Name",
            "Project Manager",
            "POC Start Date",
            "POC End Date",
            "Budget",
            "Actual Cost",
            "Status",
          ],
          ["P1", "Chatbot POC", "Ann", serial("2025-12-09"), serial("2026-03-19"), 100000, 25000, "Active"],
          ["P2", "OCR POC", "Bo", serial("2025-12-19"), serial("2026-09-04"), 50000, 12000, "Active"],
        ],
        [[], [null, null, null, d, d], [null, null, null, d, d]],
      ),
    );
    const columns = v.registers.projects!.columns;
    expect([columns.get("startDate")?.header, columns.get("baselineFinish")?.header]).toEqual([
      "POC Start Date",
      "POC End Date",
    ]);
  });
});
