/**
 * Registers as people keep them: headers with hints and other wording, worded scales, sheets
 * not named as the register, combined RAID sheets, one project's log with no Projects sheet.
 */
import { checkWorkbook } from "../../src/core/engine";
import type { CellValue } from "../../src/core/grid";
import { headerIndex, lookupHeader, registerWords } from "../../src/core/register/header";
import { headerCodes, headerHint } from "../../src/core/register/header-hints";
import { statusQuestion } from "../../src/core/register/question-header";
import { defaultStandard } from "../../src/core/standard/load";
import { analyseRegisters } from "../../src/core/rollup/analyse";
import { isClosedRow } from "../../src/core/register/register-table";
import { validateWorkbook } from "../../src/core/validate/validate-workbook";
import { day, PROJECT_HEADER, projectRow, serial, sheet, workbook } from "../helpers/grids";

const standard = defaultStandard();
const asOf = day("2026-10-30");
const validate = (...sheets: ReturnType<typeof sheet>[]) =>
  validateWorkbook(workbook(...sheets), standard, asOf);
const codesOf = (findings: { code: string; cell: string | null }[]) =>
  findings.map((f) => `${f.code}@${f.cell}`);

describe("header hints", () => {
  it.each<[string, object]>([
    ["Likelihood (High/Med/Low)", { base: "Likelihood", words: ["High", "Med", "Low"] }],
    ["Impact_1_5", { base: "Impact", range: { min: 1, max: 5 } }],
    ["Budget_kEUR", { base: "Budget", unit: 1000, currency: "EUR" }],
    ["Cost (£m)", { base: "Cost", unit: 1e6, currency: "GBP" }],
    ["Budget ($M)", { base: "Budget", unit: 1e6, currency: "USD" }],
    ["Expenditure to Date (J$M)", { base: "Expenditure to Date", unit: 1e6, currency: "JMD" }],
    ["Budget (HK$k)", { base: "Budget", unit: 1e3, currency: "HKD" }],
    ["Status (Open/In Progress/Closed)", { base: "Status", words: ["Open", "In Progress", "Closed"] }],
    ["Progress %", { base: "Progress", percent: true }],
    ["% Complete", { base: "% Complete" }],
    ["Project M", { base: "Project M" }],
    // Other ISO codes in capitals, glued to a unit or as two words.
    ["Spent kNOK", { base: "Spent", unit: 1000, currency: "NOK" }],
    ["Budget SEK m", { base: "Budget", unit: 1e6, currency: "SEK" }],
    ["BudgetZAR", { base: "Budget", currency: "ZAR" }],
    ["Revised Contract Sum (ZMW)", { base: "Revised Contract Sum", currency: "ZMW" }],
    // A header written as a path: its last named steps, or the column a record was expanded from.
    ["contractingProcesses/0/summary/modifications/0/id", { base: "modifications id" }],
    ["Owner.Title", { base: "Owner" }],
    ["Budget/Actual", { base: "Budget/Actual" }],
    // A rarer code needs a money word or a unit beside it: a project's IRR is its rate of return.
    ["Project IRR", { base: "Project IRR" }],
    ["ProjectIRR", { base: "ProjectIRR" }],
    // In lower case such a code is a word.
    ["Cost try", { base: "Cost try" }],
  ])("reads %s", (header, hint) => {
    expect(headerHint(header)).toEqual(hint);
  });
});

describe("a small organisation's plain headers", () => {
  it.each<[string, string, string]>([
    ["risks", "What could go wrong", "title"],
    ["risks", "What we'll do", "response"],
    ["risks", "What we are doing about it", "response"],
    ["issues", "What's gone wrong", "title"],
    ["issues", "How urgent", "severity"],
    ["issues", "Date", "raised"],
    ["changes", "What's changed", "title"],
    ["changes", "Date signed", "decisionDate"],
    ["projects", "Project Coordinator", "manager"],
    ["projects", "Vice-Presidency", "portfolio"],
    ["projects", "Capability Area", "portfolio"],
    ["changes", "Date of Request", "raisedDate"],
    ["projects", "Est. at Completion ($M)", "forecastCost"],
    ["projects", "MDA", "portfolio"],
    ["dependencies", "Nature of Dependency", "description"],
    // Power Query's expanded record and a flattened JSON export's path.
    ["issues", "Owner.Title", "owner"],
    ["projects", "Implementation Progress Rating", "reportedRag"],
    ["issues", "How serious", "severity"],
    ["issues", "Planned End Date", "targetDate"],
    ["milestones", "RAG", "status"],
    ["issues", "End Date", "targetDate"],
    ["milestones", "When", "baselineDate"],
    ["milestones", "Moved to", "forecastDate"],
    ["risks", "Risk Index", "score"],
    ["risks", "Risk / Opportunity", "riskType"],
    ["risks", "Manager", "owner"],
    ["projects", "As of Date", "lastUpdated"],
    ["projects", "Whole Life Budget", "bac"],
    ["milestones", "Current Completion Date (incl. EOT)", "forecastDate"],
    ["dependencies", "RAG", "status"],
  ])("in the %s register, %s is %s", (register, header, field) => {
    const spec = standard.registers[register]!;
    expect(lookupHeader(headerIndex(spec), header, registerWords(spec))?.cols.map((c) => c.field)).toEqual([
      field,
    ]);
  });
});

describe("a status asked as a question", () => {
  it.each<[string, string | null]>([
    ["Done?", "done"],
    ["Is it sorted?", "done"],
    ["Still true?", "truth"],
    ["Holding?", "truth"],
    ["Escalated?", null],
    ["Done", null],
    ["Why was it late?", null],
  ])("%s asks %s", (header, question) => {
    expect(statusQuestion(header)).toBe(question);
  });
});

describe("codes a header explains", () => {
  it.each<[string, Record<string, string> | null]>([
    ["Status\n(O)pen, (C)losed, (H)old", { o: "Open", c: "Closed", h: "Hold" }],
    ["Status (O=Open, C=Closed)", { o: "Open", c: "Closed" }],
    ["RAG (R/A/G)", null],
    ["Status", null],
  ])("reads %s", (header, codes) => {
    const found = headerCodes(header);
    expect(found ? Object.fromEntries(found) : null).toEqual(codes);
  });
});

describe("headers in real wording", () => {
  const riskHeader = [
    "Risk #",
    "Project ID",
    "Risk Description",
    "Likelihood (High/Med/Low)",
    "Impact_1_5",
    "Current_Status",
    "Mitigation Strategy",
    "Target_Resolution",
    "Raised_Date",
    "RiskOwner",
  ];
  const projects = sheet("Projects", [PROJECT_HEADER, projectRow("P1")]);

  it("matches case, underscores, camelCase, hints and filler words, and reads worded scales", () => {
    const v = validate(
      projects,
      sheet("Risks", [
        riskHeader,
        ["R1", "P1", "Supplier late", "High", 4, "Open", "Chase", "2026-12-01", "2026-09-01", "Ann"],
        ["R2", "P1", "Scope creep", "Med", 2, "Mitigated", "Freeze", "2026-12-01", "2026-09-01", "Bo"],
      ]),
    );
    const risks = v.registers.risks!;
    expect([...risks.columns.keys()].sort()).toEqual(
      [
        "dueDate",
        "impact",
        "owner",
        "probability",
        "projectId",
        "raised",
        "response",
        "riskId",
        "status",
        "title",
      ].sort(),
    );
    expect(risks.columns.get("probability")!.scale).toBe("three-point");
    expect(risks.rows.map((r) => [r.values.probability, r.values.impact, r.values.status])).toEqual([
      [5, 4, "Open"],
      [3, 2, "Closed"],
    ]);
    expect(v.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reads a funder's Low / Moderate / Substantial / High ratings, and Serious as High", () => {
    const v = validate(
      projects,
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Likelihood", "Impact", "Status"],
        ["R1", "P1", "Counterpart funds late", "Substantial", "High", "Open"],
        ["R2", "P1", "Procurement capacity", "Moderate", "Substantial", "Open"],
        ["R3", "P1", "Flood season", "Low", "Moderate", "Open"],
      ]),
      sheet("Issues", [
        ["Issue ID", "Project ID", "Title", "Consequence", "Status"],
        ["I1", "P1", "Crane down", "Serious", "Open"],
        ["I2", "P1", "Permit late", "Minor", "Open"],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.columns.get("probability")!.scale).toBe("low-to-substantial");
    expect(risks.rows.map((r) => [r.values.probability, r.values.impact])).toEqual([
      [4, 5],
      [2, 4],
      [1, 2],
    ]);
    expect(v.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reads a 1-10 scale named in the header, and says what a value off the scale should be", () => {
    const v = validate(
      projects,
      sheet("Risks", [
        ["ID", "Project ID", "Title", "Probability (1-10)", "Impact", "Status", "Owner"],
        ["R1", "P1", "A", 8, "Very High", "Open", "Ann"],
        ["R2", "P1", "B", "Often", "Low", "Open", "Bo"],
      ]),
    );
    expect(v.registers.risks!.rows[0].values).toMatchObject({ probability: 4, impact: 5 });
    expect(v.findings).toMatchObject([
      { code: "type-error", cell: "D3", message: expect.stringContaining("1, 2, 3") },
    ]);
  });

  it("reads money in the header's unit", () => {
    const header = PROJECT_HEADER.map((h) =>
      h === "Budget" ? "Budget_kEUR" : h === "Actual Cost" ? "Actual Spend (£m)" : h,
    );
    const v = validate(sheet("Projects", [header, projectRow("P1", { Budget: 1200, "Actual Cost": 0.4 })]));
    const row = v.registers.projects!.rows[0];
    expect(row.values.bac).toBe(1_200_000);
    expect(row.values.ac).toBe(400_000);
    expect(v.registers.projects!.columns.get("bac")!.spec).toMatchObject({ unit: 1000, currency: "EUR" });
  });

  it("reads a header of alternatives by its first, treatment qualifiers, and a qualified name", () => {
    const v = validate(
      projects,
      sheet("Risks", [
        [
          "Risk ID",
          "Project ID",
          "Title",
          "Pre-Response Probability",
          "Post-Mitigation Impact",
          "Status",
          "Mitigation / Resolution / Validation",
        ],
        ["R1", "P1", "Vendor late", "High", "Low", "Open", "Second supplier on call"],
      ]),
      sheet("Milestones", [
        [
          "Project ID",
          "Milestone / Quality Gate",
          "Planned Completion Date",
          "Actual Completion Date",
          "Status",
        ],
        ["P1", "Q-Gate 2", day("2025-03-31"), day("2025-04-04"), "Complete"],
      ]),
    );
    const risks = v.registers.risks!.columns;
    expect(risks.get("probability")?.header).toBe("Pre-Response Probability");
    expect(risks.get("impact")?.header).toBe("Post-Mitigation Impact");
    expect(risks.get("response")?.header).toBe("Mitigation / Resolution / Validation");
    const milestones = v.registers.milestones!.columns;
    expect(milestones.get("milestone")?.header).toBe("Milestone / Quality Gate");
    // "Planned" says which date it is: not the actual one.
    expect(milestones.get("baselineDate")?.header).toBe("Planned Completion Date");
    expect(milestones.get("actualDate")?.header).toBe("Actual Completion Date");
  });

  it("takes the one of two people headers named by its last word, and an accountable executive as the sponsor", () => {
    const v = validate(
      sheet("Portfolio", [
        ["Ref", "Project Name", "Delivery Lead", "Responsible Body", "Accountable SMF", "Phase", "Budget £k"],
        ["NIG-001", "IFRS 17 disclosure", "Priya Raman", "Finance", "CFO (SMF2)", "Execute", 1200],
        ["NIG-002", "Consumer Duty", "Tom Hale", "Compliance", "CRO (SMF4)", "Plan", 800],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("manager")?.header).toBe("Delivery Lead");
    expect(columns.get("sponsor")?.header).toBe("Accountable SMF");
  });

  it("reads a change board's log: its disposition, a handover as a finish, a country's dollars", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Change Log", [
        ["CR No.", "Project ID", "Title", "Disposition", "Revised Handover", "Revised Project Budget (US$k)"],
        ["CR-01", "P1", "Add cold room", "Approved", serial("2026-06-30"), 1250],
        ["CR-02", "P1", "Defer car park", "Deferred", serial("2026-08-31"), 1100],
      ]),
    );
    const columns = v.registers.changes!.columns;
    expect(columns.get("status")?.header).toBe("Disposition");
    expect(columns.get("newBaselineFinish")?.header).toBe("Revised Handover");
    expect(columns.get("newBudget")?.header).toBe("Revised Project Budget (US$k)");
    expect(columns.get("newBudget")?.scale).toBeUndefined();
    expect(v.registers.changes!.rows[0].values.newBudget).toBe(1250000);
  });

  it("reads a state in a RAG column as not rated, noted once, and a funder's rating words as ratings", () => {
    const v = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("P1", { "Reported RAG": "Complete" }),
        projectRow("P2", { "Reported RAG": "On Hold" }),
        projectRow("P3", { "Reported RAG": "Satisfactory" }),
        projectRow("P4", { "Reported RAG": "Slow Progress" }),
        projectRow("P5", { "Reported RAG": "On programme" }),
        projectRow("P6", { "Reported RAG": "Monitor" }),
        projectRow("P7", { "Reported RAG": "Significant delay" }),
      ]),
    );
    expect(v.registers.projects!.rows.map((r) => r.values.reportedRag)).toEqual([
      null,
      null,
      "Green",
      "Amber",
      "Green",
      "Amber",
      "Red",
    ]);
    const notes = v.findings.filter((f) => f.code === "unlisted-values");
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain('holds states, not ratings ("Complete", "On Hold")');
    expect(v.findings.filter((f) => f.code === "enum-error" || f.code === "required-missing")).toEqual([]);
  });

  it("reads slippage as a rating, a project not started as not rated, and a rating not given as missing", () => {
    const v = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("P1", { "Reported RAG": "Minor Slippage" }),
        projectRow("P2", { "Reported RAG": "Major Slippage" }),
        projectRow("P3", { "Reported RAG": "Not Started" }),
        projectRow("P4", { "Reported RAG": "Not Reported" }),
      ]),
    );
    expect(v.registers.projects!.rows.map((r) => r.values.reportedRag)).toEqual(["Amber", "Red", null, null]);
    expect(v.findings.filter((f) => f.code === "enum-error")).toEqual([]);
    const missing = v.findings.filter((f) => f.code === "required-missing");
    expect(missing.map((f) => f.value)).toEqual(["Not Reported"]);
  });

  it("reads a tracker's On Track / Delayed / High Risk as ratings, and a score below 1 as a score", () => {
    const v = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("P1", { "Reported RAG": "On Track" }),
        projectRow("P2", { "Reported RAG": "High Risk" }),
      ]),
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Exposure", "Status"],
        ["R1", "P1", "Scope creep", 0.7, 9, 6.3, "Open"],
        ["R2", "P2", "Late vendor", 0.1, 3, 0.3, "Open"],
      ]),
    );
    expect(v.registers.projects!.rows.map((r) => r.values.reportedRag)).toEqual(["Green", "Red"]);
    const graded = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("P1", { "Reported RAG": "Low Risk" }),
        projectRow("P2", { "Reported RAG": "Medium Risk" }),
      ]),
    );
    expect(graded.registers.projects!.rows.map((r) => r.values.reportedRag)).toEqual(["Green", "Amber"]);
    expect(v.registers.risks!.rows.map((r) => r.values.score)).toEqual([6.3, 0.3]);
  });

  it("reads monday.com's 4 (Likely) ratings, and a second impact header of products as the score", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Risk Register", [
        ["Name", "Risk ID", "Project ID", "Likelihood", "Impact", "Severity", "Status"],
        ["NFC readers fail", "R1", "P1", "4 (Likely)", "4 (Major)", 16, "Open"],
        ["Renewals missing", "R2", "P1", "3 (Possible)", "4 (Major)", 12, "Open"],
        ["Wi-Fi at kick-off", "R3", "P1", "2 (Unlikely)", "5 (Severe)", 10, "Open"],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.columns.get("score")?.header).toBe("Severity");
    expect(risks.rows.map((r) => [r.values.probability, r.values.impact, r.values.score])).toEqual([
      [4, 4, 16],
      [3, 4, 12],
      [2, 5, 10],
    ]);
    expect(v.findings.filter((f) => f.code === "duplicate-header" || f.code === "misfit-column")).toEqual([]);
  });

  it("reads a likelihood given as a band of percentages at the band's middle", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("All Active Risks", [
        ["JIRA ID", "Project ID", "Summary", "Probability", "Consequence", "Status"],
        ["RM-1", "P1", "Dome drive late", "25%-50%", 3, "Open"],
        ["RM-2", "P1", "Mirror coating", "5%-10%", 4, "Open"],
        ["RM-3", "P1", "Cable wrap", "50%-75%", 2, "Open"],
      ]),
    );
    expect(v.registers.risks!.rows.map((r) => r.values.probability)).toEqual([2, 1, 4]);
    expect(v.findings.filter((f) => f.code === "misfit-column" || f.code === "type-error")).toEqual([]);
  });

  it("does not read a decision log as risks", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Decision Log", [
        ["Decision ID", "Date", "Decision Description", "Decision Maker(s)", "Rationale", "Impact", "Status"],
        [
          "D-01",
          day("2025-02-03"),
          "Delivery starts in spring",
          "CCB",
          "Ice roads",
          "Moves first lot",
          "Approved",
        ],
        [
          "D-02",
          day("2025-03-10"),
          "Accept 30 days on first lot",
          "PM",
          "Supplier capacity",
          "30 days",
          "Approved",
        ],
        ["D-03", day("2025-04-14"), "Keep SMP scope", "Board", "Budget", "None", "Open"],
      ]),
    );
    expect(v.registers.risks).toBeUndefined();
  });

  it("reads 3 (High) as the top of a three-level rating, and a second impact in days as no score", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Impact (days)", "Status"],
        ["R1", "P1", "Late steel", "1 (Low)", 3, 20, "Open"],
        ["R2", "P1", "Strike", "2 (Medium)", 2, 8, "Open"],
        ["R3", "P1", "Flood", "3 (High)", 4, 15, "Open"],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.rows.map((r) => r.values.probability)).toEqual([1, 3, 5]);
    expect(risks.columns.get("score")).toBeUndefined();
    expect(v.findings.filter((f) => f.code === "score-mismatch")).toEqual([]);
  });

  it("reads no share of completion as a finish date, and a change's description before a form's Name", () => {
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Start Date", "Budget", "Completion Rate"],
        ["P1", "Depot", day("2025-01-06"), 1000, 45],
        ["P2", "Fleet", day("2025-02-03"), 2000, 80],
      ]),
      sheet("Change Requests", [
        ["ID", "Email", "Name", "Project ID", "Description of change", "Status"],
        ["CR1", "ann@x.org", "Ann Lee", "P1", "Move the depot's go-live after the peak season", "Open"],
        ["CR2", "bob@x.org", "Bob Ray", "P2", "Add two electric vans to the fleet order", "Approved"],
      ]),
    );
    expect(v.registers.projects!.columns.get("baselineFinish")).toBeUndefined();
    expect(v.findings.filter((f) => f.code === "date-order")).toEqual([]);
    expect(v.registers.changes!.columns.get("title")?.header).toBe("Description of change");
  });

  it("reads Jira's release states as milestone states", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Releases", [
        ["Project ID", "Version", "Status", "Original release date", "Release date"],
        ["P1", "LAPP 6.0", "RELEASED", day("2025-08-28"), day("2025-09-02")],
        ["P1", "LAPP 6.1", "UNRELEASED", day("2025-10-01"), day("2025-10-14")],
        ["P1", "LAPP 5.8", "ARCHIVED", day("2025-04-01"), day("2025-04-08")],
      ]),
    );
    const milestones = v.registers.milestones!;
    expect(milestones.columns.get("forecastDate")?.header).toBe("Release date");
    expect(milestones.rows.map((r) => r.values.status)).toEqual(["Complete", "Not Started", "Complete"]);
  });

  it("reads the HSE's risk levels, Trivial to Intolerable, as a risk's score", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Risk Level", "Status"],
        ["R1", "P1", "Fall from height", 4, 5, "Intolerable", "Open"],
        ["R2", "P1", "Manual handling", 3, 3, "Moderate", "Open"],
        ["R3", "P1", "Noise", 2, 2, "Tolerable", "Open"],
        ["R4", "P1", "Dust", 3, 4, "Substantial", "Open"],
      ]),
    );
    expect(v.registers.risks!.rows.map((r) => r.values.score)).toEqual([5, 3, 2, 4]);
    expect(v.findings.filter((f) => f.code === "type-error")).toEqual([]);
  });

  it("reads a plain due date as the forecast beside a finish that says it is the baseline", () => {
    const v = validate(
      sheet("Projects", [
        [
          "Project ID",
          "Project Name",
          "Due Date",
          "Contracted Go-Live",
          "Project Fee",
          "ManagerFullName",
          "Group Name",
        ],
        ["P1", "Clinic A", serial("2026-09-30"), serial("2026-08-31"), 120000, "Ann Lee", "West"],
        ["P2", "Clinic B", serial("2026-12-15"), serial("2026-12-15"), 95000, "Bo Chan", "East"],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("baselineFinish")?.header).toBe("Contracted Go-Live");
    expect(columns.get("forecastFinish")?.header).toBe("Due Date");
    expect(columns.get("bac")?.header).toBe("Project Fee");
    expect(columns.get("manager")?.header).toBe("ManagerFullName");
    expect(columns.get("programme")?.header).toBe("Group Name");
  });

  it("reads a funder's coded ratings, a small organisation's urgency and importance, and a risk that materialised", () => {
    const v = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("P1", { "Reported RAG": "Satisfactory (S)" }),
        projectRow("P2", { "Reported RAG": "Marginally Satisfactory (MS)" }),
        projectRow("P3", { "Reported RAG": "Marginally Unsatisfactory (MU)" }),
        projectRow("P4", { "Reported RAG": "Highly Satisfactory (HS)" }),
      ]),
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Status"],
        ["R1", "P1", "Volunteers leave", "Very important", "Very important", "Materialised"],
        ["R2", "P1", "Data lost in move", "Important", "Important", "Reduced"],
        ["R3", "P2", "Supplier late", "Not important", "Not important", "Not materialised"],
      ]),
      sheet("Problems log", [
        ["Ref", "Project ID", "Problem", "How urgent", "Action", "Who's dealing", "Status"],
        ["P1", "P1", "Boiler failed", "URGENT", "New boiler", "Chair", "Open"],
        ["P2", "P1", "Leak over the stage", "Soon", "Roofer booked", "Treasurer", "Open"],
        ["P3", "P2", "Notice board broken", "Can wait", "Ask a volunteer", "Secretary", "Open"],
      ]),
    );
    expect(v.registers.projects!.rows.map((r) => r.values.reportedRag)).toEqual([
      "Green",
      "Amber/Green",
      "Amber/Red",
      "Green",
    ]);
    const risks = v.registers.risks!.rows.map((r) => [r.values.impact, r.values.status]);
    expect(risks).toEqual([
      [5, "Closed"],
      [3, "Mitigating"],
      [1, "Closed"],
    ]);
    const issues = v.registers.issues!;
    expect(issues.columns.get("owner")?.header).toBe("Who's dealing");
    expect(issues.rows.map((r) => r.values.severity)).toEqual(["Critical", "Medium", "Low"]);
    expect(v.findings.filter((f) => f.code === "enum-error" || f.code === "type-error")).toEqual([]);
  });

  it("reads a bare By as the owner, unless another header names the owner", () => {
    const log = (header: string[], row: string[]) =>
      validate(sheet("Projects", [PROJECT_HEADER, projectRow("P1")]), sheet("Issues", [header, row]));
    const alone = log(
      ["Issue ID", "Project ID", "Title", "By", "Status"],
      ["I1", "P1", "Lift late", "GM", "Open"],
    );
    expect(alone.registers.issues!.columns.get("owner")?.header).toBe("By");
    const both = log(
      ["Issue ID", "Project ID", "Title", "By", "Assigned To", "Status"],
      ["I1", "P1", "Lift late", "GM", "Engineer", "Open"],
    );
    expect(both.registers.issues!.columns.get("owner")?.header).toBe("Assigned To");
  });

  it("reads a tracker's states and a quality log's CAPA stages", () => {
    const v = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("P1", { "Reported RAG": "Pending" }),
        projectRow("P2", { "Reported RAG": "Done" }),
      ]),
      sheet("Issues", [
        ["Issue ID", "Project ID", "Title", "Severity", "Status"],
        ["I1", "P1", "Seal leak on lot 4", "High", "Investigation"],
        ["I2", "P1", "Label misprint", "Medium", "Effectiveness Check"],
        ["I3", "P2", "Supplier audit finding", "Low", "Implementation"],
      ]),
      sheet("Milestones", [
        ["Project ID", "Milestone", "Baseline Date", "Status"],
        ["P1", "Soft opening", day("2026-03-01"), "In Process"],
      ]),
    );
    expect(v.registers.projects!.rows.map((r) => r.values.reportedRag)).toEqual([null, null]);
    expect(v.registers.issues!.rows.map((r) => r.values.status)).toEqual([
      "In Progress",
      "In Progress",
      "In Progress",
    ]);
    expect(v.registers.milestones!.rows[0].values.status).toBe("In Progress");
    expect(
      v.findings.filter(
        (f) => f.code === "enum-error" || (f.code === "unlisted-values" && f.sheet !== "Projects"),
      ),
    ).toEqual([]);
  });

  it("reads a status asked as a question from its Yes / No answers", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Problems", [
        ["Ref", "Project ID", "Problem", "How serious", "Sorted?"],
        ["P1", "P1", "Marquee booking lost", "Big", "Yes"],
        ["P2", "P1", "Printer late with brochures", "Medium", "Partly"],
        ["P3", "P1", "Card reader faulty", "Minor", "No"],
      ]),
      sheet("Assumptions", [
        ["Ref", "Project ID", "Assumption", "Still true?"],
        ["A1", "P1", "Hall free in June", "Yes"],
        ["A2", "P1", "Grant paid by March", "No"],
      ]),
    );
    const issues = v.registers.issues!;
    expect(issues.columns.get("status")?.header).toBe("Sorted?");
    expect(issues.rows.map((r) => r.values.status)).toEqual(["Closed", "In Progress", "Open"]);
    const assumptions = v.registers.assumptions!;
    expect(assumptions.columns.get("status")?.header).toBe("Still true?");
    expect(assumptions.rows.map((r) => r.values.status)).toEqual(["Valid", "Invalid"]);
    expect(v.findings.filter((f) => f.code === "enum-error")).toEqual([]);
  });

  it("reads a header naming the register's own entries as their title, and sentences never as the key", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Risks", [
        ["Risk ID", "Project ID", "Likelihood", "Impact", "Principal Risk", "Status"],
        ["BAF1", "P1", 3, 4, "Failure to recruit and retain enough registered nurses for winter", "Open"],
        ["BAF2", "P1", 2, 5, "Estates backlog makes parts of the site unsafe to use", "Open"],
        ["BAF3", "P1", 4, 3, "Cyber attack takes the patient record offline for days", "Open"],
      ]),
      sheet("Issues", [
        ["No.", "Project ID", "Key Issue", "Priority", "Status"],
        ["1", "P1", "Counterpart funding for the second tranche has not been released", "High", "Open"],
        ["2", "P1", "Procurement of the works contract is three months behind plan", "Medium", "Open"],
        ["3", "P1", "Land acquisition for the eastern section is still disputed in court", "High", "Open"],
      ]),
    );
    expect(v.registers.risks!.columns.get("title")?.header).toBe("Principal Risk");
    const issues = v.registers.issues!.columns;
    expect(issues.get("issueId")?.header).toBe("No.");
    expect(issues.get("title")?.header).toBe("Key Issue");
  });

  it("takes a risk's score from its own numbers before its band in words", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Likelihood", "Consequence", "Rating", "Risk Level", "Status"],
        ["R1", "P1", "Ground conditions", 3, 4, 12, "High", "Open"],
        ["R2", "P1", "Crane availability", 2, 3, 6, "Medium", "Open"],
      ]),
    );
    expect(v.registers.risks!.columns.get("score")?.header).toBe("Rating");
  });

  it("reads a team's blockers as its issues", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Blockers", [
        ["Ref", "Project ID", "Blocker", "Priority", "Status"],
        ["B1", "P1", "Test environment down since Monday", "High", "Open"],
        ["B2", "P1", "Awaiting security sign-off", "Medium", "Open"],
      ]),
    );
    expect(v.registers.issues?.columns.get("title")?.header).toBe("Blocker");
  });

  it("takes the response from the column of sentences, not from a strategy of one word", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Risk Register", [
        [
          "Risk ID",
          "Project ID",
          "Risk title",
          "Probability",
          "Impact",
          "Status",
          "Response strategy",
          "Mitigating actions",
        ],
        ["R1", "P1", "Vendor late", 3, 4, "Open", "Mitigate", "Weekly calls with the vendor's delivery lead"],
        ["R2", "P1", "Key person leaves", 2, 3, "Open", "Accept", "Handover notes kept current"],
        ["R3", "P1", "Data not clean", 4, 4, "Open", "Mitigate", "Extra cleansing cycle before cutover"],
      ]),
    );
    expect(v.registers.risks!.columns.get("response")?.header).toBe("Mitigating actions");
  });

  it("still reports what is a slip or a missing rating, not a word of the register's own", () => {
    const v = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("P1", { "Reported RAG": "Not Rated" }),
        projectRow("P2", { "Reported RAG": "TBC" }),
      ]),
      sheet("Risks", [
        [
          "Risk ID",
          "Project ID",
          "Title",
          "Probability",
          "Impact",
          "Status",
          "Severity (H = High i.e. stops work, M = Medium, L = Low)",
        ],
        ["R1", "P1", "Vendor late", 3, 4, "Donee", "H"],
        ["R2", "P1", "Scope creep", 2, 3, 3, "M"],
        ["R3", "P2", "Key person", 2, 2, "Open", "L"],
      ]),
      sheet("Changes", [
        ["Change ID", "Project ID", "Title", "Expected Outcome"],
        ["C1", "P1", "Add module", "Better reporting for finance"],
      ]),
    );
    // A rating not given ("Not Rated", "TBC") is a rating missing, in each cell.
    expect(codesOf(v.findings)).toEqual(
      expect.arrayContaining(["required-missing@P2", "required-missing@P3"]),
    );
    expect(codesOf(v.findings)).not.toContain("enum-error@P2");
    // A letter doubled is a slip; a number is no status word.
    expect(codesOf(v.findings)).toEqual(expect.arrayContaining(["enum-error@F2", "enum-error@F3"]));
    // "i.e." ends no code's meaning.
    expect(headerCodes("Severity (H = High i.e. stops work, M = Medium, L = Low)")?.get("h")).not.toBe(
      "High i",
    );
    // An outcome in words is no change's status.
    expect(v.registers.changes!.columns.get("status")).toBeUndefined();
  });

  it("reads a rating's letter as the legend above the header explains it", () => {
    const v = validate(
      sheet("Sep-23", [
        [
          "RAG legend:",
          "G = on track",
          "A = at risk",
          "R = off track",
          "C = completed / closed",
          "H = on hold",
        ],
        PROJECT_HEADER,
        projectRow("P1", { "Reported RAG": "C" }),
        projectRow("P2", { "Reported RAG": "H" }),
        projectRow("P3", { "Reported RAG": "G" }),
      ]),
    );
    expect(v.registers.projects!.rows.map((r) => r.values.reportedRag)).toEqual([null, null, "Green"]);
    expect(v.findings.find((f) => f.code === "unlisted-values")?.message).toContain(
      '"C: completed", "H: on hold"',
    );
    expect(v.findings.filter((f) => f.code === "enum-error")).toEqual([]);
  });

  it("reads a bilingual header by the alternative that names a column", () => {
    const v = validate(
      sheet("Projekti", [
        [
          "Kods",
          "Projekts / Project",
          "Projekta vadītājs / Project manager",
          "Sākums / Start",
          "Plānotās beigas / Planned end",
          "Kopējās izmaksas / Total cost",
        ],
        ["TM-01", "E-lieta", "A. Bērziņa", serial("2024-01-08"), serial("2025-06-30"), 1200000],
        ["TM-02", "Tiesu portāls", "J. Kalniņš", serial("2024-03-01"), serial("2025-12-31"), 800000],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("manager")?.header).toBe("Projekta vadītājs / Project manager");
    expect(columns.get("startDate")?.header).toBe("Sākums / Start");
    expect(columns.get("baselineFinish")?.header).toBe("Plānotās beigas / Planned end");
    expect(columns.get("bac")?.header).toBe("Kopējās izmaksas / Total cost");
    // Two English alternatives, neither a column, are no bilingual header.
    const english = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Key Issues / Risks (free text)"],
        ["P1", "Alpha", "Vendor late; scope creep"],
        ["P2", "Beta", "None"],
      ]),
    );
    expect(codesOf(english.findings).filter((c) => c.startsWith("duplicate-header"))).toEqual([]);
  });

  it("reads a date that is one or the other (Forecast / Actual) as the forecast: the date as it stands", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Milestones", [
        ["Project ID", "Milestone", "Date per Lease", "Planned / Forecast", "Status"],
        ["P1", "Break notice served", serial("2026-03-31"), serial("2026-04-15"), "Not Started"],
        ["P1", "Lease expiry", serial("2026-09-30"), serial("2026-09-30"), "Not Started"],
      ]),
    );
    expect(v.registers.milestones!.columns.get("forecastDate")?.header).toBe("Planned / Forecast");
    // A trial's start or a campaign's launch is a date, not the project.
    const plan = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Milestones", [
        ["Project ID", "Milestone", "Baseline Date", "Trial Start", "Campaign Launch"],
        ["P1", "First patient in", serial("2026-03-31"), serial("2026-04-15"), serial("2026-05-01")],
      ]),
    );
    expect(codesOf(plan.findings).filter((c) => c.startsWith("duplicate-header"))).toEqual([]);
  });

  it("reads what was paid as the actual cost and a contractual completion as the baseline finish", () => {
    const v = validate(
      sheet("Sheet1", [
        [
          "Project ID",
          "Project Name",
          "Project Manager",
          "Grant (€)",
          "Paid to date (€)",
          "Contractual Completion",
        ],
        ["JTF-01", "Peatland visitor hub", "M. Walsh", 450000, 120000, serial("2026-06-30")],
        ["JTF-02", "Greenway extension", "S. Byrne", 800000, 610000, serial("2025-12-31")],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("ac")?.header).toBe("Paid to date (€)");
    expect(columns.get("baselineFinish")?.header).toBe("Contractual Completion");
  });

  it("reads a punch list as issues: its items are what is left to close, not risks", () => {
    const v = validate(
      sheet("Punch List", [
        [
          "Punch No.",
          "System",
          "Description",
          "Cat.",
          "Raised By",
          "Responsible",
          "Target Date",
          "Status",
          "Closed Date",
        ],
        [
          "P-0112",
          "Isolator",
          "Glove port leak test fails",
          "A",
          "CQV Engineer",
          "Vendor",
          serial("2025-03-07"),
          "Open",
          null,
        ],
        [
          "P-0118",
          "Filler",
          "Alarm not in audit trail",
          "B",
          "CSV Lead",
          "Automation",
          serial("2025-03-14"),
          "Closed",
          serial("2025-03-10"),
        ],
      ]),
    );
    expect(v.registers.risks).toBeUndefined();
    expect(v.registers.issues?.columns.get("issueId")?.header).toBe("Punch No.");
  });

  it("reads a bracket saying which date or cost it is, and the words of capital, grant and trial portfolios", () => {
    const v = validate(
      sheet("AFE Register", [
        [
          "AFE No.",
          "Title",
          "Sector",
          "Project Engineer",
          "Start",
          "End Date (original)",
          "End Date (revised / NCE)",
        ],
        [
          "AFE-101",
          "Well pad 7 tie-in",
          "Upstream",
          "R. Okafor",
          serial("2025-01-06"),
          serial("2025-09-30"),
          serial("2025-12-19"),
        ],
        [
          "AFE-102",
          "Compressor overhaul",
          "Midstream",
          "L. Brandt",
          serial("2025-02-03"),
          serial("2025-06-30"),
          serial("2025-08-29"),
        ],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("baselineFinish")?.header).toBe("End Date (original)");
    expect(columns.get("forecastFinish")?.header).toBe("End Date (revised / NCE)");
    expect(columns.get("portfolio")?.header).toBe("Sector");
    expect(columns.get("manager")?.header).toBe("Project Engineer");
    const money = validate(
      sheet("Studies", [
        [
          "Study ID",
          "Study Title",
          "Clinical Trial Lead",
          "Phase",
          "Total Authorised ($)",
          "EFC ($)",
          "Last Review",
          "Status Colour",
        ],
        [
          "ST-01",
          "HT-201 dose finding",
          "Dr A. Lund",
          "Execute",
          1200000,
          1350000,
          serial("2025-03-01"),
          "Green",
        ],
        ["ST-02", "HT-305 pivotal", "Dr K. Moss", "Plan", 5400000, 5100000, serial("2025-03-03"), "Amber"],
      ]),
    ).registers.projects!.columns;
    expect(money.get("manager")?.header).toBe("Clinical Trial Lead");
    expect(money.get("bac")?.header).toBe("Total Authorised ($)");
    expect(money.get("forecastCost")?.header).toBe("EFC ($)");
    expect(money.get("lastUpdated")?.header).toBe("Last Review");
    expect(money.get("reportedRag")?.header).toBe("Status Colour");
    // Only a date's bracket says which it is: a revised budget is still the budget.
    const figures = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Budget (Revised)", "Actual Cost (Current FY)", "EAC"],
        ["P1", "Alpha", 1000, 400, 1100],
        ["P2", "Beta", 500, 100, 480],
      ]),
    ).registers.projects!.columns;
    expect(figures.get("bac")?.header).toBe("Budget (Revised)");
    expect(figures.get("ac")?.header).toBe("Actual Cost (Current FY)");
  });

  it("reads the entries' names by their values when no header names them, and 'Programme / Project' as the name", () => {
    const v = validate(
      sheet("Capital Programme", [
        ["Ref", "Scheme", "Ward", "Status notes", "Budget £k", "Start Date"],
        ["C-01", "Riverside footbridge renewal", "Riverside", "On site", 1200, day("2025-04-01")],
        ["C-02", "Town hall roof replacement", "Central", "Tendering", 800, day("2025-06-01")],
        ["C-03", "Northfield library extension", "Northfield", "Design", 950, day("2025-09-01")],
        ["C-04", "Park Lane resurfacing", "Central", "Complete", 300, day("2024-05-01")],
      ]),
    );
    expect(v.registers.projects!.columns.get("name")?.header).toBe("Scheme");
    const alternatives = validate(
      sheet("Portfolio", [
        ["Ref", "Programme / Project", "Phase", "Budget £k"],
        ["P-1", "Finance transformation", "Execute", 100],
        ["P-2", "IFRS 17 disclosure", "Plan", 200],
      ]),
    );
    const columns = alternatives.registers.projects!.columns;
    expect(columns.get("name")?.header).toBe("Programme / Project");
    expect(columns.get("programme")).toBeUndefined();
  });

  it("reads a site's name as the project's name, not its portfolio", () => {
    const v = validate(
      sheet("Rollout Tracker", [
        [
          "Site ID",
          "Site Name",
          "Stage",
          "Start Date",
          "Baseline Finish",
          "Budget",
          "Actual Cost",
          "% Complete",
        ],
        ["S1", "Kuala Lumpur 412", "Execute", day("2025-01-06"), day("2025-09-30"), 100, 20, 15],
        ["S2", "Petaling Jaya 77", "Plan", day("2025-02-03"), day("2025-10-31"), 120, 0, 0],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("name")?.header).toBe("Site Name");
    expect(columns.get("portfolio")).toBeUndefined();
  });

  it("reads an MS Project task table as milestones, its Resource Names as people, a RAG column as no one", () => {
    const v = validate(
      sheet("Task_Table1", [
        [
          "ID",
          "Task Name",
          "Duration",
          "Start",
          "Finish",
          "Baseline Finish",
          "Actual Finish",
          "% Complete",
          "Resource Names",
        ],
        [
          1,
          "Design freeze",
          "0 days",
          day("2026-04-30"),
          day("2026-04-30"),
          day("2026-04-15"),
          day("2026-04-30"),
          1,
          "Ana Ruiz",
        ],
        [2, "Go-live", "0 days", day("2026-09-30"), day("2026-10-14"), day("2026-09-30"), null, 0, "Tom Lee"],
      ]),
      sheet("Portfolio Summary", [
        [
          "Project ID",
          "Project Name",
          "Stage",
          "Start Date",
          "Baseline Finish",
          "Budget",
          "Actual Cost",
          "% Complete",
          "Delivery Lead",
          "Resources",
        ],
        ["P9", "Payments", "Execute", day("2025-01-06"), day("2025-09-30"), 100, 20, 15, "Kim Park", "G"],
        ["P8", "Ledger", "Plan", day("2025-02-03"), day("2025-10-31"), 120, 0, 0, "Raj Patel", "A"],
      ]),
    );
    expect(v.registers.milestones?.sheet).toBe("Task_Table1");
    expect(v.registers.milestones!.columns.get("milestone")?.header).toBe("Task Name");
    const portfolio = v.registers.projects!;
    expect(portfolio.sheet).toBe("Portfolio Summary");
    expect(portfolio.columns.get("manager")?.header).toBe("Delivery Lead");
  });

  it("reads a date or an amount no word names by whether its header says baseline, forecast or actual", () => {
    const v = validate(
      sheet("Pipeline", [
        [
          "Project ID",
          "Scheme",
          "Stage",
          "Start Date",
          "PC – Approved",
          "PC – Forecast",
          "Approved TDC £m",
          "Forecast TDC £m",
          "Physical Actual (%)",
        ],
        [
          "D1",
          "Riverside Quarter",
          "Execute",
          day("2024-01-08"),
          day("2026-06-30"),
          day("2026-09-30"),
          84.5,
          91.2,
          40,
        ],
        ["D2", "Mill Lane", "Plan", day("2025-03-03"), day("2027-03-31"), day("2027-03-31"), 42, 42, 5],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("baselineFinish")?.header).toBe("PC – Approved");
    expect(columns.get("forecastFinish")?.header).toBe("PC – Forecast");
    expect(columns.get("bac")?.header).toBe("Approved TDC £m");
    expect(columns.get("forecastCost")?.header).toBe("Forecast TDC £m");
    expect(v.registers.projects!.rows[0].values.bac).toBe(84_500_000);
    // A percentage is never a date, whatever its header says.
    expect(columns.get("actualFinish")).toBeUndefined();
  });

  it("skips the row of HXL hashtags a humanitarian export puts under its header", () => {
    const v = validate(
      sheet("Appeals", [
        [
          "Project ID",
          "Project Name",
          "Stage",
          "start_date",
          "end_date",
          "Budget",
          "Actual Cost",
          "% Complete",
        ],
        [
          "#activity+code",
          "#activity+name",
          "#status",
          "#date+start",
          "#date+end",
          "#value+budget",
          "#value+spent",
          "#indicator+pct",
        ],
        ["MDRKE061", "Kenya floods", "Execute", day("2025-05-01"), day("2026-04-30"), 2_000_000, 800_000, 40],
      ]),
    );
    expect(v.registers.projects!.rows.map((r) => r.values.id)).toEqual(["MDRKE061"]);
    expect(codesOf(v.findings).filter((c) => /type-error|enum-error/.test(c))).toEqual([]);
  });

  it("prefers the column whose values fit when two headers compete, and says so", () => {
    const v = validate(
      projects,
      sheet("Issues", [
        ["Issue ID", "Project ID", "Title", "Impact", "Priority", "Status", "Status"],
        ["I1", "P1", "Server down", "Users cannot log in", "High", "Red", "Open"],
        ["I2", "P1", "Late data", "Reports delayed", "Low", "Amber", "Closed"],
      ]),
    );
    const issues = v.registers.issues!;
    expect(issues.columns.get("severity")!.header).toBe("Priority");
    expect(issues.columns.get("status")!.col).toBe(6);
    expect(codesOf(v.findings)).toEqual(
      // The narrative "Impact" is no severity at all; the RAG-valued "Status" lost to the other.
      expect.arrayContaining(["misfit-column@D1", "ambiguous-column@F1"]),
    );
    expect(v.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reads numbered issue severities on the header's range, 1 at the top only for a priority", () => {
    const issues = (header: string, values: CellValue[]) =>
      validate(
        projects,
        sheet("Issues", [
          ["Issue ID", "Project ID", "Title", header, "Status"],
          ...values.map((v, i) => [`I${i}`, "P1", "X", v, "Open"]),
        ]),
      );
    const read = (v: ReturnType<typeof validate>) => v.registers.issues!.rows.map((r) => r.values.severity);
    expect(read(issues("Impact Level (1-3)", [1, 2, 3]))).toEqual(["Low", "Medium", "High"]);
    expect(read(issues("Severity (1-4)", [1, 2, 3, 4]))).toEqual(["Critical", "High", "Medium", "Low"]);
    expect(read(issues("Priority", ["1", "2", "3"]))).toEqual(["Critical", "High", "Medium"]);
    expect(read(issues("Impact", [1, 2, 3, 4, 5]))).toEqual(["Low", "Low", "Medium", "High", "Critical"]);
    const off = issues("Impact (1-3)", [1, 4]);
    expect(off.findings.filter((f) => f.severity === "error")).toMatchObject([
      { code: "range-error", cell: "D3", message: expect.stringContaining("1-3 rating") },
    ]);
  });

  it("reads a P x I score however the product is written", () => {
    for (const header of ["L x I", "P*I Score", "Prob x Imp", "Likelihood × Consequence"]) {
      const v = validate(
        projects,
        sheet("Risks", [
          ["Risk ID", "Project ID", "Title", "Probability", "Impact", header, "Status"],
          ["R1", "P1", "X", 3, 4, 12, "Open"],
        ]),
      );
      expect({ header, score: v.registers.risks!.columns.get("score")?.header }).toEqual({
        header,
        score: header,
      });
    }
  });

  it("takes the one column of RAG ratings as the RAG when no header names it, and none of several", () => {
    const tracker = (extra: string[], values: string[][]) =>
      validate(
        sheet("Tracker", [
          [...PROJECT_HEADER.filter((h) => h !== "Reported RAG"), ...extra],
          ...values.map((v, i) => [
            ...projectRow(`P${i}`).filter((_, c) => PROJECT_HEADER[c] !== "Reported RAG"),
            ...v,
          ]),
        ]),
      );
    const one = tracker(["Overall"], [["Green"], ["Yellow"]]);
    expect(one.registers.projects!.columns.get("reportedRag")?.header).toBe("Overall");
    expect(one.registers.projects!.rows.map((r) => r.values.reportedRag)).toEqual(["Green", "Amber"]);
    const three = tracker(
      ["Schedule", "Cost"],
      [
        ["Green", "Red"],
        ["Amber", "Green"],
      ],
    );
    expect(three.registers.projects!.columns.get("reportedRag")?.header).toBeUndefined();
  });

  it("reads exports as they come: Jira's dates, multi-line headers, format hints, MS Project's flags", () => {
    const v = validate(
      projects,
      sheet("Issues", [
        ["Issue key", "Project key", "Summary", "Priority", "Status\n(O)pen, (C)losed", "Created (dd/mm/yy)"],
        ["DCX-1", "P1", "Firewall", "High", "Open", "12/Nov/25 9:14 AM"],
        ["DCX-2", "P1", "Backups", "Low", "C", "13/Nov/25 10:00 AM"],
      ]),
      sheet("Task_Table1", [
        ["Project ID", "Name", "Milestone", "Baseline Finish", "Forecast Finish", "Actual Finish"],
        ["P1", "Go-live", "Yes", "2026-05-11", "2026-05-18", "NA"],
      ]),
    );
    const issues = v.registers.issues!;
    expect(issues.columns.get("status")!.header).toBe("Status\n(O)pen, (C)losed");
    expect(issues.columns.get("raised")!.header).toBe("Created (dd/mm/yy)");
    expect(issues.rows[0].values.raised).toBe(day("2025-11-12"));
    expect(issues.rows.map((r) => r.values.status)).toEqual(["Open", "Closed"]); // "C" as the header explains
    const milestones = v.registers.milestones!;
    expect(milestones.columns.get("milestone")!.header).toBe("Name");
    expect(milestones.rows[0].values).toMatchObject({ milestone: "Go-live", actualDate: null });
    expect(v.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("knows a register by its acronym and a header by its last word", () => {
    const v = validate(
      projects,
      sheet("Sheet1", [
        ["CR #", "Project ID", "CR Title", "Change Request Description", "Status", "Date Raised"],
        ["CR-1", "P1", "Add SSO", "Users asked for single sign-on", "Open", "2026-09-01"],
      ]),
    );
    expect(v.registers.changes!.columns.get("title")!.header).toBe("CR Title");
    const gmpp = validate(
      sheet("Q2 Return", [
        [
          "GMPP ID Number",
          "Project Name",
          "Department",
          "SRO",
          "Start Date",
          "End Date",
          "Whole Life Cost Forecast (£m)",
          "TOTAL Baseline Whole Life Costs (£m)",
        ],
        ["DRG-1", "Border Systems", "Home Office", "A. Jones", "2025-04-01", "2027-03-31", 120, 100],
      ]),
    );
    const cols = gmpp.registers.projects!.columns;
    expect([cols.get("id")?.header, cols.get("bac")?.header, cols.get("forecastCost")?.header]).toEqual([
      "GMPP ID Number",
      "TOTAL Baseline Whole Life Costs (£m)",
      "Whole Life Cost Forecast (£m)",
    ]);
  });

  it("reads a group running past the columns it heads as no part of them, and a fiscal year as no word", () => {
    const v = validate(
      sheet("Data", [
        ["Major programs, $ in millions"],
        [
          null,
          null,
          null,
          null,
          "Acquisition Program Baseline (APB)",
          null,
          "Current Estimate",
          null,
          null,
          null,
        ],
        [
          "CIP No.",
          "Program Name",
          "Program Manager",
          "Phase",
          "APB F&E ($M)",
          "APB Last Site IOC",
          "Current F&E Est. ($M)",
          "Forecast Last Site IOC",
          "Expended thru FY24 ($M)",
          "Overall Health",
        ],
        [
          "G06A",
          "Terminal Flight Data",
          "K. Ruiz",
          "Execute",
          1200,
          serial("2028-09-30"),
          1450,
          serial("2029-06-30"),
          610,
          "Amber",
        ],
        [
          "G05N",
          "Data Comm",
          "P. Shah",
          "Execute",
          900,
          serial("2027-03-31"),
          980,
          serial("2027-12-31"),
          720,
          "Green",
        ],
      ]),
    );
    const header = (field: string) => v.registers.projects!.columns.get(field)?.header;
    expect(header("bac")).toBe("Acquisition Program Baseline (APB) APB F&E ($M)");
    expect(header("forecastCost")).toBe("Current Estimate Current F&E Est. ($M)");
    expect(header("ac")).toBe("Expended thru FY24 ($M)");
    // A person's group over their name and e-mail is the person's name.
    const people = validate(
      sheet("Tracker", [
        ["Project ID", "Project Name", "Project Manager", null, "Baseline", null],
        [null, null, "Name", "Email", "Start", "Finish"],
        ["P1", "Alpha", "Ann Lee", "ann@x.org", serial("2026-01-05"), serial("2026-12-18")],
        ["P2", "Beta", "Bo Chan", "bo@x.org", serial("2026-02-02"), serial("2026-10-30")],
      ]),
    );
    expect(people.registers.projects!.columns.get("manager")?.header).toBe("Project Manager Name");
  });

  it("reads a two-row header as one, under its groups and around cells merged down both rows", () => {
    const v = validate(
      sheet("Tracker", [
        ["Portfolio tracker Q3"],
        [
          "Project ID",
          "Project Name",
          "PM",
          "Stage",
          "Baseline",
          null,
          "Forecast",
          null,
          "Budget (£k)",
          null,
          null,
          "RAG",
        ],
        [
          null,
          null,
          null,
          null,
          "Start",
          "Finish",
          "Start",
          "Finish",
          "Approved",
          "Actual",
          "Forecast",
          null,
        ],
        [
          "P1",
          "Alpha",
          "Ann",
          "Execute",
          "2026-01-01",
          "2026-12-31",
          "2026-01-10",
          "2027-01-31",
          500,
          200,
          550,
          "Amber",
        ],
      ]),
    );
    const projects = v.registers.projects!;
    expect(projects.headerRow).toBe(2);
    const header = (field: string) => projects.columns.get(field)?.header;
    expect([
      header("baselineFinish"),
      header("forecastFinish"),
      header("bac"),
      header("ac"),
      header("forecastCost"),
    ]).toEqual([
      "Baseline Finish",
      "Forecast Finish",
      "Budget (£k) Approved",
      "Budget (£k) Actual",
      "Budget (£k) Forecast",
    ]);
    expect(projects.rows.map((r) => [r.values.id, r.values.bac, r.values.ac])).toEqual([
      ["P1", 500_000, 200_000],
    ]);
    // A register whose first data row is text is not taken for a two-row header.
    const plain = validate(
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Likelihood", "Impact", "Status"],
        ["R1", "P1", "Supplier late", "High", "Low", "Open"],
      ]),
    );
    expect(plain.registers.risks!.rows).toHaveLength(1);
  });

  it("reads Azure DevOps' ratings: '2 - High' by its word, a 0-100 probability in fifths, Priority over an empty Severity", () => {
    const v = validate(
      projects,
      sheet("Work Items", [
        ["ID", "Work Item Type", "Project ID", "Title", "Priority", "Severity", "Probability", "State"],
        ["11", "Risk", "P1", "Vendor late", "", "2 - High", 60, "Active"],
        ["12", "Risk", "P1", "Key person", "", "4 - Low", "15%", "Active"],
        ["13", "Issue", "P1", "Build broken", "1", "", "", "Active"],
        ["14", "Issue", "P1", "Docs stale", "3", "", "", "Active"],
      ]),
    );
    // High and Low alone read on the three-point scale (5 and 1); 60 % is the third fifth.
    expect(v.registers.risks!.rows.map((r) => [r.values.impact, r.values.probability])).toEqual([
      [5, 3],
      [1, 1],
    ]);
    expect(v.registers.issues!.columns.get("severity")!.header).toBe("Priority");
    expect(v.registers.issues!.rows.map((r) => r.values.severity)).toEqual(["Critical", "Medium"]);
    expect(v.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reads a rating or stage by its words after a numbered code: 'Sev 2 - High', 'G3 Delivery'", () => {
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Gate"],
        ["P1", "Fleet renewal", "G3 Delivery"],
        ["P2", "Cabin retrofit", "G2 Business Case"],
        ["P3", "Hangar", "G1 Feasibility"],
      ]),
      sheet("Issues", [
        ["Issue ID", "Project ID", "Title", "Severity", "Status"],
        ["I1", "P1", "Parts late", "Sev 2 - High", "Open"],
        ["I2", "P2", "Seat supplier", "Sev 4 - Low", "Open"],
      ]),
    );
    expect(v.registers.projects!.rows.map((r) => r.values.stage)).toEqual(["Execute", "Plan", "Initiate"]);
    // After a code the words may say that step is done, not the project: never closed so.
    const coded = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Stage"],
        ["P1", "Depot", "Phase 2 Complete"],
        ["P2", "Yard", "Execute"],
      ]),
    );
    expect(coded.registers.projects!.rows[0].values.stage).not.toBe("Closed");
    expect(v.registers.issues!.rows.map((r) => r.values.severity)).toEqual(["High", "Low"]);
    expect(v.findings.filter((f) => f.code === "enum-error")).toEqual([]);
  });

  it("reads a government flash report: words it only knows as concepts, crore, MM/YYYY, overruns left alone", () => {
    const v = validate(
      sheet("Flash Report", [
        ["PROJECT IMPLEMENTATION STATUS (₹150 crore & above)"],
        [null, null, null, "Date of Completion", null, "Cost (₹ crore)"],
        [
          "Proj. Code",
          "Project Name",
          "Date of Approval",
          "Original",
          "Anticipated",
          "Sanctioned Cost",
          "Cum. Expdr. upto 09/2024",
          "Cost Overrun (%)",
          "Physical\nProgress (%)",
        ],
        ["PW-1", "Hydro plant", "2011-07-18", "07/2018", "03/2025", 1657.6, 4316.02, 191.1, 94],
      ]),
    );
    const projects = v.registers.projects!;
    const header = (field: string) => projects.columns.get(field)?.header ?? null;
    expect([
      header("id"),
      header("baselineFinish"),
      header("forecastFinish"),
      header("bac"),
      header("ac"),
    ]).toEqual([
      "Proj. Code",
      "Date of Completion Original",
      "Date of Completion Anticipated",
      "Cost (₹ crore) Sanctioned Cost",
      "Cost (₹ crore) Cum. Expdr. upto 09/2024",
    ]);
    expect(header("percentComplete")).toBe("Physical\nProgress (%)");
    expect(projects.rows[0].values).toMatchObject({
      baselineFinish: day("2018-07-31"),
      forecastFinish: day("2025-03-31"),
      bac: 16_576_000_000,
    });
  });

  it("reads a timestamp by its name, not its time zone", () => {
    const v = validate(
      projects,
      sheet("Issues", [
        ["Issue ID", "Project ID", "Title", "Priority", "Status", "Created At (UTC)"],
        ["I1", "P1", "Login", "High", "Open", "2024-10-14 09:00:00"],
      ]),
    );
    expect(v.registers.issues!.columns.get("raised")?.header).toBe("Created At (UTC)");
  });

  it("finds a header on row 12 under a title and a banner", () => {
    const rows: CellValue[][] = [["Programme Alpha — Risk Register"], ["CONFIDENTIAL"]];
    for (let i = 0; i < 9; i++) rows.push([]);
    rows.push(
      ["ID", "Project ID", "Risk", "Likelihood", "Impact", "Status"],
      ["R1", "P1", "X", "H", "M", "Open"],
    );
    const v = validate(projects, sheet("Risks", rows));
    expect(v.registers.risks!.headerRow).toBe(11);
    expect(v.registers.risks!.rows[0].values).toMatchObject({ probability: 5, impact: 3 });
  });
});

describe("registers found by what they hold", () => {
  it("reads a plan's dated rows that name no project as the milestones, not as projects", () => {
    const v = validate(
      sheet("Log", [
        ["#", "Type", "Description", "Likelihood", "Impact", "Owner", "Status"],
        [1, "Risk", "Installer capacity short in wave 5", "High", "High", "Ops", "Open"],
        [2, "Issue", "Harness re-order", "Medium", "Medium", "Fleet", "Open"],
      ]),
      sheet("Waves", [
        ["Wave", "Units", "Planned Start", "Planned Finish", "Re-forecast", "Actual Finish", "Status"],
        [
          "Pilot",
          25,
          serial("2019-06-03"),
          serial("2019-06-14"),
          serial("2019-06-21"),
          serial("2019-06-21"),
          "Complete",
        ],
        ["Wave 1", 190, serial("2019-07-08"), serial("2019-07-26"), serial("2019-08-02"), "", "In progress"],
        ["Wave 2", 230, serial("2019-08-05"), serial("2019-08-30"), serial("2019-09-13"), "", "Not started"],
      ]),
    );
    expect(v.registers.projects?.sheet).not.toBe("Waves");
    const milestones = v.registers.milestones!;
    expect(milestones.sheet).toBe("Waves");
    expect(milestones.columns.get("baselineDate")?.header).toBe("Planned Finish");
    expect(milestones.columns.get("forecastDate")?.header).toBe("Re-forecast");
    expect(milestones.columns.get("actualDate")?.header).toBe("Actual Finish");
  });

  it("reads a projects register on 'Dashboard Overview' and risks on 'Sheet1', each with a note", () => {
    const v = validate(
      sheet("Dashboard Overview", [["Portfolio dashboard"], [], PROJECT_HEADER, projectRow("P1")]),
      sheet("Sheet1", [
        ["Risk ID", "Project ID", "Description", "Likelihood", "Impact", "Status", "Owner"],
        ["R1", "P1", "X", 3, 4, "Open", "Ann"],
      ]),
    );
    expect(v.registers.projects!.sheet).toBe("Dashboard Overview");
    expect(v.registers.risks!.sheet).toBe("Sheet1");
    expect(codesOf(v.findings).sort()).toEqual(["register-guessed@A1", "register-guessed@A3"]);
  });

  it("takes the sheet named as the register over another that looks like it, and says so", () => {
    const risks = [
      ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Status", "Owner"],
      ["R1", "P1", "X", 3, 4, "Open", "Ann"],
    ];
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Old copy", risks),
      sheet("Risks", risks),
    );
    expect(v.registers.risks!.sheet).toBe("Risks");
    expect(v.findings).toMatchObject([
      { code: "ambiguous-register", sheet: "Old copy", severity: "warning" },
    ]);
  });

  it("reads a second sheet with none of the register's keys as more of it, each row at its own sheet", () => {
    const v = validate(
      sheet("Active Projects", [PROJECT_HEADER, projectRow("P1"), projectRow("P2")]),
      sheet("Completed Projects", [
        [
          "Agency",
          "Project ID",
          "Project Name",
          "Stage",
          "Start Date",
          "Baseline Finish",
          "Budget",
          "Actual Cost",
        ],
        ["DOT", "P9", "Old portal", "Closed", day("2023-01-01"), day("2024-01-01"), 100, "lots"],
      ]),
    );
    const projects = v.registers.projects!;
    expect(projects.sheet).toBe("Active Projects");
    expect(projects.parts?.map((p) => p.sheet)).toEqual(["Completed Projects"]);
    expect(projects.rows.map((r) => r.values.id)).toEqual(["P1", "P2", "P9"]);
    expect(codesOf(v.findings)).toContain("register-continued@A1");
    // A finding on the further sheet's row points at its own sheet and cell.
    expect(v.findings.find((f) => f.code === "type-error")).toMatchObject({
      sheet: "Completed Projects",
      cell: "H2",
    });
    const analysis = analyseRegisters(workbook(), v, standard, asOf);
    expect(analysis.projects.find((p) => p.id === "P9")).toMatchObject({
      sheet: "Completed Projects",
      idCell: "B2",
    });
    expect(analysis.sources.filter((s) => s.register === "projects").map((s) => [s.sheet, s.rows])).toEqual([
      ["Active Projects", 2],
      ["Completed Projects", 1],
    ]);
  });

  it("reads a register's further sheet before the registers that refer to it", () => {
    const v = validate(
      sheet("Active Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Completed Projects", [PROJECT_HEADER, projectRow("P9")]),
      sheet("Risk Log", [
        ["ID", "CIP #", "Risk Description", "Likelihood", "Impact", "Status"],
        ["R1", "P9", "Warranty claims", "Low", "Medium", "Open"],
      ]),
    );
    // "CIP #" holds only the further sheet's IDs: it is found as the project by them.
    expect(v.registers.risks!.columns.get("projectId")?.header).toBe("CIP #");
    expect(v.findings.filter((f) => f.code === "foreign-key")).toEqual([]);
  });

  it("reads a schedule of dated deliverables as milestones: dates are no cost, and its shared words suffice", () => {
    const v = validate(
      sheet("Qualification Schedule", [
        ["Line 4 Isolator: Commissioning & Qualification"],
        [],
        [
          "#",
          "System / Equipment",
          "Deliverable",
          "Phase",
          "Protocol No.",
          "Planned Approval",
          "Revised Forecast",
          "Actual Approval",
          "Status",
        ],
        [
          1,
          "Isolator",
          "User Requirement Specification",
          "URS",
          "URS-001",
          serial("2024-07-15"),
          serial("2024-07-15"),
          serial("2024-07-12"),
          "Complete",
        ],
        [
          2,
          "Isolator",
          "Design Qualification report",
          "DQ",
          "DQ-001",
          serial("2024-10-31"),
          serial("2024-11-22"),
          serial("2024-11-25"),
          "Complete",
        ],
        [
          3,
          "Isolator",
          "Installation Qualification",
          "IQ",
          "IQ-001",
          serial("2025-03-31"),
          serial("2025-05-30"),
          null,
          "Late",
        ],
      ]),
    );
    const milestones = v.registers.milestones!;
    expect(milestones.sheet).toBe("Qualification Schedule");
    expect(
      ["milestone", "baselineDate", "forecastDate", "actualDate"].map(
        (f) => milestones.columns.get(f)?.header,
      ),
    ).toEqual(["Deliverable", "Planned Approval", "Revised Forecast", "Actual Approval"]);
  });

  it("gives a sheet that is as much an issue log as a project list to the issues when another sheet lists the projects", () => {
    const v = validate(
      sheet("Form 2", [
        [
          "Project ID",
          "(a) Name of Project",
          "(b) Location",
          "Total Project Cost (PhP)",
          "Disbursement",
          "Physical Target to Date (%)",
          "Physical Actual to Date (%)",
        ],
        ["PEO-1", "Concreting of provincial road", "Carmen", 38450000, 30330000, 100, 92],
        ["PEO-6", "Farm-to-market road", "Calape", 21600000, 2000000, 40, 12],
      ]),
      sheet("Problem Projects", [
        [
          "Project ID",
          "Name of Project",
          "Location",
          "Implementing Agency",
          "Total Project Cost (PhP)",
          "Issues",
          "Strategies/Actions Taken to Resolve the Issue",
          "Status of Issue",
        ],
        [
          "PEO-6",
          "Farm-to-market road",
          "Calape",
          "PEO",
          21600000,
          "Right-of-way claim by lot owner",
          "Negotiation facilitated",
          "Ongoing",
        ],
      ]),
    );
    expect(v.registers.projects?.sheet).toBe("Form 2");
    expect(v.registers.issues?.sheet).toBe("Problem Projects");
  });

  it("reads a defect log as issues: a Type of Bug is no risk's Threat / Opportunity", () => {
    const v = validate(
      sheet("erp_defects_export", [
        [
          "Work Item ID",
          "Title",
          "Type",
          "Status",
          "Handler",
          "Priority",
          "Severity",
          "Created",
          "Estimated End Date",
        ],
        [
          "688201",
          "GL import rejects 3-decimal amounts",
          "Bug",
          "In progress",
          "wei",
          "High",
          "Major",
          "2025/03/04",
          "2025/04/11",
        ],
        [
          "688219",
          "Payroll variance on overtime codes",
          "Bug",
          "New",
          "kim",
          "High",
          "Critical",
          "2025/03/11",
          "2025/04/04",
        ],
        [
          "688240",
          "Duplicate check ignores tax ID",
          "Bug",
          "Testing",
          "ana",
          "Medium",
          "Normal",
          "2025/03/14",
          "2025/04/18",
        ],
      ]),
    );
    expect(v.registers.issues?.sheet).toBe("erp_defects_export");
    expect(v.registers.risks).toBeUndefined();
  });

  it("reads a sheet that only touches a register's columns as neither more of it nor a copy", () => {
    const v = validate(
      sheet("Portfolio", [PROJECT_HEADER, projectRow("P1"), projectRow("P2")]),
      sheet("Reg Horizon", [
        ["Horizon ID", "Regulator", "Title", "Published", "Review status", "Business owner"],
        ["H-01", "PRA", "Operational resilience", day("2025-03-01"), "Assessed", "COO"],
      ]),
    );
    expect(v.registers.projects!.parts).toBeUndefined();
    expect(v.registers.projects!.rows).toHaveLength(2);
    expect(v.findings.filter((f) => f.sheet === "Reg Horizon")).toEqual([]);
  });

  it("reads the one sheet that names a register's entries and its figures as that register when none qualifies better", () => {
    const v = validate(
      sheet("Pipeline", [
        ["STATUS OF PPP PROJECTS IN THE NATIONAL PIPELINE"],
        [],
        [
          "No.",
          "Project Name",
          "Contracting Authority",
          "Sector",
          "Estimated Project Cost (KES Bn)",
          "Date of PPP Committee Approval",
          "Status Update",
        ],
        [
          1,
          "Smart Street Lighting",
          "Nairobi City County",
          "Energy",
          9.8,
          day("2022-11-17"),
          "Draft feasibility study under review",
        ],
        [
          2,
          "Student Hostels",
          "University of Nairobi",
          "Education",
          6.2,
          day("2022-11-17"),
          "Bids under evaluation",
        ],
        [3, "Bulk Water Supply", "Water Works Agency", "Water", 12.5, day("2023-03-02"), "Negotiations"],
      ]),
    );
    expect(v.registers.projects?.sheet).toBe("Pipeline");
    expect(v.registers.projects!.columns.get("name")?.header).toBe("Project Name");
    expect(v.findings.find((f) => f.code === "register-guessed")?.sheet).toBe("Pipeline");
  });

  it("reads a change control log in its board's words: Headline, Submit Date, CCB Date, Revised Contract Sum, New Due Date", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Change Control", [
        [
          "CR #",
          "Project ID",
          "Headline",
          "State",
          "Submit Date",
          "CCB Date",
          "Revised Contract Sum",
          "New Due Date",
        ],
        [
          "CR-1",
          "P1",
          "Add second data centre",
          "Approved",
          day("2025-01-10"),
          day("2025-02-01"),
          1200000,
          day("2026-03-31"),
        ],
        ["CR-2", "P1", "Drop legacy reports", "Submitted", day("2025-02-14"), null, null, null],
      ]),
    );
    const columns = v.registers.changes!.columns;
    expect(
      ["title", "raisedDate", "decisionDate", "newBudget", "newBaselineFinish"].map(
        (f) => columns.get(f)?.header,
      ),
    ).toEqual(["Headline", "Submit Date", "CCB Date", "Revised Contract Sum", "New Due Date"]);
  });

  it("reads a reporting calendar as milestones: reports due, and submitted when done", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1"), projectRow("P2")]),
      sheet("Reporting Calendar", [
        ["Grant #", "Funder", "Report", "Due Date", "Submitted", "Status", "Responsible"],
        [
          "P1",
          "Lottery Fund",
          "Q1 narrative report",
          day("2025-04-30"),
          day("2025-04-28"),
          "Submitted",
          "Ann",
        ],
        ["P1", "Lottery Fund", "Q2 narrative report", day("2025-07-31"), null, "Due", "Ann"],
        [
          "P2",
          "City Trust",
          "Interim financial report",
          day("2025-06-30"),
          day("2025-07-04"),
          "Submitted late",
          "Bo",
        ],
      ]),
    );
    const milestones = v.registers.milestones!;
    expect(milestones.sheet).toBe("Reporting Calendar");
    expect(["milestone", "baselineDate", "actualDate"].map((f) => milestones.columns.get(f)?.header)).toEqual(
      ["Report", "Due Date", "Submitted"],
    );
    expect(v.registers.issues).toBeUndefined();
  });

  it("leaves an action log of dates alone, and a client is no project's name", () => {
    const v = validate(
      sheet("Projects", [
        ["Project Code", "Client", "Location", "Start Date", "Finish Date", "Contract Value", "RAG"],
        [
          "C-101",
          "Leeds City Council",
          "Kirkstall Road, Leeds",
          day("2025-01-06"),
          day("2025-12-19"),
          100000,
          "Green",
        ],
        [
          "C-102",
          "York Housing Trust",
          "Fulford Road, York",
          day("2025-02-03"),
          day("2026-03-31"),
          250000,
          "Amber",
        ],
        [
          "C-103",
          "Hull Port Authority",
          "Albert Dock, Hull",
          day("2025-03-03"),
          day("2026-06-30"),
          75000,
          "Green",
        ],
      ]),
      sheet("Actions", [
        ["Action No", "Action Description", "Owner", "Date Raised", "Due Date", "Date Closed"],
        ["A1", "Chase the survey report", "Ann", day("2025-03-01"), day("2025-03-15"), null],
        ["A2", "Book the design review", "Bo", day("2025-03-02"), day("2025-03-20"), day("2025-03-18")],
        ["A3", "Confirm the crane slot", "Cy", day("2025-03-05"), day("2025-04-01"), null],
      ]),
    );
    expect(v.registers.projects!.columns.get("name")).toBeUndefined();
    expect(v.registers.issues).toBeUndefined();
  });

  it("leaves a lookup list alone", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Lists", [
        ["Status", "Owner"],
        ["Open", "Ann"],
      ]),
    );
    expect(Object.keys(v.registers)).toEqual(["projects"]);
    expect(v.findings).toEqual([]);
  });
});

describe("a combined RAID sheet", () => {
  const raid = sheet("Raid Log", [
    ["Project RAID log"],
    ["ID", "Type", "Project ID", "Description", "Likelihood", "Impact", "Owner", "Status", "Due Date"],
    ["R1", "Risk", "P1", "Supplier late", "High", "High", "Ann", "Open", "2026-12-01"],
    ["A1", "Assumption", "P1", "Funding holds", "", "", "Bo", "Open", "2026-11-01"],
    ["I1", "Issue", "P1", "Server down", "", "Critical", "Cy", "Open", "2026-11-15"],
    ["O1", "Opportunity", "P1", "Early grant", "Medium", "High", "Di", "Open", ""],
    ["D1", "Decision", "P1", "Go with vendor B", "", "", "Ed", "Closed", ""],
    ["R2", "Risk", "P1", "Key person leaves", "Sometimes", "Low", "Fe", "Open", ""],
  ]);

  it("reads an issue's severity from its consequence, or from the one rating column where it has none", () => {
    const projects = sheet("Projects", [PROJECT_HEADER, projectRow("P1")]);
    const rated = validate(
      projects,
      sheet("Log", [
        ["Ref", "Type", "Project ID", "Description", "L", "C", "Rating", "Owner", "Status"],
        ["R-1", "Risk", "P1", "High winds", 3, 4, "High", "Ann", "Open"],
        ["I-1", "Issue", "P1", "Welds failed", null, null, "High", "Bo", "Open"],
        ["I-2", "Issue", "P1", "Late deliveries", null, null, "Medium", "Cy", "Open"],
      ]),
    );
    expect(rated.registers.issues!.columns.get("severity")?.header).toBe("Rating");
    expect(rated.registers.risks!.columns.get("score")?.header).toBe("Rating");
    const consequence = validate(
      projects,
      sheet("RAID", [
        ["Ref", "R/I", "Project ID", "Description", "Likelihood", "Consequence", "Rating", "Owner", "Status"],
        ["R-1", "R", "P1", "High winds", "Likely", "Major", "High", "Ann", "Open"],
        ["I-1", "I", "P1", "Welds failed", "n/a", "Moderate", "Medium", "Bo", "Open"],
      ]),
    );
    expect(consequence.registers.issues!.columns.get("severity")?.header).toBe("Consequence");
  });

  it("reads a type letter as the legend above the header says (D = Decision, not Dependency)", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("RAID", [
        ["Type: R = Risk, I = Issue, A = Assumption, D = Decision.  L = likelihood, I = impact"],
        ["Ref", "Type", "Project ID", "Description", "L", "I", "Owner", "Status"],
        ["1", "R", "P1", "Supplier late", 3, 4, "Ann", "Open"],
        ["2", "I", "P1", "Server down", null, 4, "Bo", "Open"],
        ["3", "D", "P1", "Go with vendor B", null, null, "Cy", "Closed"],
        ["4", "A", "P1", "Funding holds", null, null, "Di", "Open"],
      ]),
    );
    expect(v.registers.dependencies).toBeUndefined();
    expect(v.registers.risks!.rows).toHaveLength(1);
    expect(v.registers.issues!.rows).toHaveLength(1);
    expect(v.findings.find((f) => f.code === "unrouted-rows")?.message).toContain('type "Decision"');
    // Or an acronym spelled out in the title: RAID (Risks, Assumptions, Issues, Decisions).
    const spelled = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("RAID", [
        ["RAID (Risks, Assumptions, Issues, Decisions)"],
        ["Ref", "RAID Code", "Project ID", "Description", "Owner", "Status"],
        ["1", "R", "P1", "Supplier late", "Ann", "Open"],
        ["2", "I", "P1", "Server down", "Bo", "Open"],
        ["3", "D", "P1", "Go with vendor B", "Cy", "Closed"],
      ]),
    );
    expect(spelled.registers.dependencies).toBeUndefined();
    expect(spelled.registers.issues!.rows).toHaveLength(1);
  });

  it("reads a RAG key above a combined sheet as no type legend, and a Threat / Opportunity column as no Type column", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("RAID", [
        ["RAG key: R = Red, A = Amber, G = Green"],
        ["ID", "Threat / Opportunity", "Type", "Project ID", "Title", "Owner", "Status"],
        ["R1", "Threat", "R", "P1", "Supplier late", "Ann", "Open"],
        ["I1", null, "I", "P1", "Server down", "Bo", "Open"],
        ["A1", null, "A", "P1", "Funding holds", "Cy", "Open"],
      ]),
    );
    expect(v.registers.risks!.rows).toHaveLength(1);
    expect(v.registers.issues!.rows).toHaveLength(1);
    expect(v.registers.assumptions!.rows).toHaveLength(1);
  });

  it("takes a column headed by the types themselves (R / I) as the Type column", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("SRS Upgrade", [
        [
          "Date put forward",
          "R / I",
          "Project ID",
          "Description of risk / issue",
          "Target date",
          "Status",
          "Probability",
          "Impact",
        ],
        [
          serial("2024-05-14"),
          "R",
          "P1",
          "Migration staff shared with registration",
          serial("2025-02-28"),
          "Open",
          3,
          4,
        ],
        [
          serial("2024-08-19"),
          "I",
          "P1",
          "Old records have no ID numbers",
          serial("2025-04-30"),
          "Open",
          null,
          4,
        ],
        [serial("2024-09-02"), "R", "P1", "Vendor release not certified", serial("2025-03-31"), "Open", 2, 5],
      ]),
    );
    expect(v.registers.risks!.rows).toHaveLength(2);
    expect(v.registers.issues!.rows).toHaveLength(1);
  });

  it("reads a type written in the plural (a board's 'Risks' bucket) as its word", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("RAID", [
        ["ID", "Type", "Project ID", "Description", "Likelihood", "Impact", "Status"],
        ["R1", "Risks", "P1", "Supplier late", "High", "High", "Open"],
        ["I1", "Issues", "P1", "Server down", "", "Critical", "Open"],
        ["R2", "Risks", "P1", "Key person leaves", "Low", "Low", "Open"],
      ]),
    );
    expect(v.registers.risks!.rows.map((r) => r.values.riskType)).toEqual(["Threat", "Threat"]);
    expect(v.findings.filter((f) => f.code === "enum-error")).toEqual([]);
  });

  it("is split by its Type column, every finding at its real cell", () => {
    const v = validate(sheet("Projects", [PROJECT_HEADER, projectRow("P1")]), raid);
    expect(v.registers.risks!.rows.map((r) => r.values.riskId)).toEqual(["R1", "O1", "R2"]);
    expect(v.registers.issues!.rows.map((r) => [r.values.issueId, r.values.severity])).toEqual([
      ["I1", "Critical"],
    ]);
    expect(v.registers.assumptions!.rows.map((r) => r.values.assumptionId)).toEqual(["A1"]);
    expect(v.registers.risks!.rows[1].values.riskType).toBe("Opportunity");
    const codes = codesOf(v.findings);
    expect(codes).toContain("type-error@E8"); // "Sometimes" on R2's row
    expect(codes).toContain("unrouted-rows@B7"); // the Decision, kept aside
    expect(codes.filter((c) => c.startsWith("unknown-column"))).toEqual([]);
  });

  it("is found by the words of its type column whatever it is headed, never by a column of R/A/G", () => {
    const tracker = (typeHeader: string, types: string[]) =>
      validate(
        sheet("Tracker", [
          ["Row ID", typeHeader, "Priority", "Item Description", "Assigned To", "Due Date", "Status"],
          ...types.map((t, i) => [`X-${i}`, t, "High", `Item ${i}`, "Ann", "2026-12-01", "Open"]),
        ]),
      );
    const split = tracker("Row Type", ["Risks", "Issues", "Risks", "Decisions"]);
    expect(split.registers.risks!.rows.map((r) => r.values.riskId)).toEqual(["X-0", "X-2"]);
    expect(split.registers.issues!.rows.map((r) => r.values.issueId)).toEqual(["X-1"]);
    const rag = tracker("Flag", ["R", "A", "R", "A"]);
    expect(rag.registers.risks === undefined || rag.registers.issues === undefined).toBe(true);
  });

  it("routes a type named with a qualifier by its last word (Identified Risk, Emergent Risk)", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Major Risks & Issues", [
        ["Project ID", "Type", "Ref", "Description", "Probability", "Impact", "Severity", "Status"],
        ["P1", "Identified Risk", "R1", "Supplier late", 3, 4, null, "Open"],
        ["P1", "Emergent Risk", "R2", "Skills gap", 2, 3, null, "Open"],
        ["P1", "Issue", "I1", "Test rig failed", null, null, "High", "Open"],
      ]),
    );
    expect(v.registers.risks?.rows.map((r) => r.values.riskId)).toEqual(["R1", "R2"]);
    expect(v.registers.issues?.rows.map((r) => r.values.issueId)).toEqual(["I1"]);
  });

  it("reads a status by the value before its qualifier", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("EW Register", [
        ["Risk ID", "Project ID", "Title", "Likelihood", "Impact", "Status", "Date Notified"],
        ["EW-1", "P1", "Utility diversion", 3, 4, "Closed – avoided", "2025-01-15"],
        ["EW-2", "P1", "Ground water", 2, 3, "Open (escalated)", "2025-02-01"],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.rows.map((r) => r.values.status)).toEqual(["Closed", "Open"]);
    expect(risks.columns.get("raised")?.header).toBe("Date Notified");
  });

  it("reads a compound stage or status by the one value its parts name", () => {
    const v = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("P1", { Stage: "Execution & Control" }),
        projectRow("P2", { Stage: "Planning / Design" }),
        projectRow("P3", { Stage: "Plan & Execute" }),
      ]),
    );
    expect(v.registers.projects!.rows.map((r) => r.values.stage)).toEqual(["Execute", "Plan", null]);
    expect(codesOf(v.findings)).toContain("enum-error@G4");
  });

  it("routes a Change to a changes register when the standard has one", () => {
    const withChanges = defaultStandard();
    withChanges.registers.changes = {
      sheet: "Changes",
      synonyms: [],
      required: false,
      key: "changeId",
      columns: [
        {
          field: "changeId",
          header: "Change ID",
          synonyms: ["ID"],
          type: "text",
          presence: "required",
          required: true,
          unique: true,
        },
        {
          field: "title",
          header: "Description",
          synonyms: [],
          type: "text",
          presence: "optional",
          required: false,
          unique: false,
        },
      ],
    };
    const grid = sheet("RAID", [
      ["ID", "Type", "Project ID", "Description", "Likelihood", "Impact", "Status"],
      ["R1", "Risk", "P1", "X", 2, 2, "Open"],
      ["C1", "Change Request", "P1", "Add scope", "", "", "Open"],
      ["I1", "Issue", "P1", "Y", "", "High", "Open"],
    ]);
    const v = validateWorkbook(
      workbook(sheet("Projects", [PROJECT_HEADER, projectRow("P1")]), grid),
      withChanges,
      asOf,
    );
    expect(v.registers.changes!.rows.map((r) => r.values.changeId)).toEqual(["C1"]);
    expect(v.findings.filter((f) => f.code === "unrouted-rows")).toEqual([]);
  });

  it("keeps opportunities out of the risk light", () => {
    const rows = [
      ["ID", "Type", "Project ID", "Description", "Likelihood", "Impact", "Status"],
      ["O1", "Opportunity", "P1", "Grant", "High", "High", "Open"],
      ["R1", "Risk", "P1", "Minor", "Low", "Low", "Open"],
      ["I1", "Issue", "P1", "Minor issue", "", "Low", "Open"],
    ];
    const check = checkWorkbook(
      workbook(sheet("Projects", [PROJECT_HEADER, projectRow("P1")]), sheet("RAID", rows)),
      {
        today: asOf,
        asOf,
      },
    );
    const p = check.analysis.projects[0];
    expect(p.metrics.maxRiskScore).toBe(1);
    expect(p.rag.risk).toBe("green");
    expect(check.analysis.openRisks.map((r) => r.id)).toEqual(["R1"]);
  });
});

describe("one project's log", () => {
  const log = (title: CellValue[][]) =>
    sheet("Risk Log", [
      ...title,
      ["Risk ID", "Description", "Probability", "Impact", "Status", "Owner"],
      ["R1", "Supplier late", "H", "H", "Open", "Ann"],
    ]);

  it("belongs to the project its title cell names, with no missing-register or missing-column", () => {
    const check = checkWorkbook(workbook(log([["Project Name: Phoenix"], []])), {
      today: asOf,
      fileName: "x.xlsx",
    });
    const v = check.validation;
    expect(v.findings.map((f) => f.code)).toEqual(["implied-project"]);
    expect(v.findings[0]).toMatchObject({ cell: "A1", value: "Phoenix" });
    expect(v.registers.risks!.rows[0].values.projectId).toBe("Phoenix");
    expect(check.analysis.projects.map((p) => [p.id, p.metrics.maxRiskScore, p.rag.risk])).toEqual([
      ["Phoenix", 25, "red"],
    ]);
  });

  it("is named by a label beside its name, a defined name, or the file", () => {
    const labelled = checkWorkbook(workbook(log([["Project:", "", "Atlas"]])), { today: asOf });
    expect(labelled.analysis.projects[0].id).toBe("Atlas");
    const named = checkWorkbook(
      { ...workbook(log([]), sheet("Cover", [["", "Orion"]])), names: { ProjectName: "Cover!$B$1" } },
      { today: asOf },
    );
    expect(named.analysis.projects[0].id).toBe("Orion");
    const byFile = checkWorkbook(workbook(log([])), { today: asOf, fileName: "/tmp/Zephyr RAID log.xlsx" });
    expect(byFile.analysis.projects[0].id).toBe("Zephyr RAID log");
  });
});

describe("a review's failing inputs (session 9)", () => {
  const fields = (v: ReturnType<typeof validate>, register: string) =>
    Object.fromEntries([...(v.registers[register]?.columns ?? new Map())].map(([f, c]) => [f, c.header]));

  it("keeps a current baseline or latest actual date what it says it is", () => {
    const v = validate(
      sheet("Projects", [
        [
          "Project ID",
          "Project Name",
          "Start Date",
          "Current Baseline Finish",
          "Forecast Finish",
          "Latest Actual Finish",
        ],
        ["P1", "Portal", day("2026-01-05"), day("2026-12-31"), day("2027-02-28"), ""],
      ]),
    );
    const f = fields(v, "projects");
    expect(f.baselineFinish).toBe("Current Baseline Finish");
    expect(f.forecastFinish).toBe("Forecast Finish");
    expect(f.actualFinish).toBe("Latest Actual Finish");
  });

  it("reads a portfolio with budgets as projects, not as a plan", () => {
    const v = validate(
      sheet("Portfolio", [
        ["Site", "PM", "Start", "Planned Finish", "Forecast Finish", "Budget", "Spend to Date", "RAG"],
        [
          "Leeds depot",
          "A. Lee",
          day("2026-01-05"),
          day("2026-09-30"),
          day("2026-10-31"),
          1200000,
          400000,
          "Green",
        ],
        [
          "York depot",
          "B. Khan",
          day("2026-02-02"),
          day("2026-11-30"),
          day("2026-11-30"),
          900000,
          100000,
          "Amber",
        ],
        [
          "Hull depot",
          "C. Diaz",
          day("2026-03-02"),
          day("2027-01-31"),
          day("2027-03-31"),
          1500000,
          50000,
          "Red",
        ],
      ]),
    );
    expect(v.registers.milestones).toBeUndefined();
    expect(fields(v, "projects").bac).toBe("Budget");
  });

  it("reads who raised an entry as no owner", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Issues", [
        ["Issue ID", "Project ID", "Title", "Who spotted it", "Who's sorting it", "Status"],
        ["I1", "P1", "Lift late", "Caretaker", "Chair", "Open"],
      ]),
    );
    expect(fields(v, "issues").owner).toBe("Who's sorting it");
  });

  it("reads a Done? column of ticks or TRUE / FALSE", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Issues", [
        ["Issue ID", "Project ID", "Title", "Severity", "Done?"],
        ["I1", "P1", "Lift late", "High", true],
        ["I2", "P1", "Leak", "Low", false],
        ["I3", "P1", "Sign missing", "Low", "✓"],
      ]),
    );
    expect(v.registers.issues!.rows.map((r) => r.values.status)).toEqual(["Closed", "Open", "Closed"]);
  });

  it("keeps a milestone's due date its baseline beside the date it was approved", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Deliverables", [
        ["Project ID", "Deliverable", "Due Date", "Date Submitted", "Date Approved", "Status"],
        ["P1", "Design pack", day("2027-03-31"), day("2025-10-01"), day("2025-11-15"), "Done"],
      ]),
    );
    expect(fields(v, "milestones").baselineDate).toBe("Due Date");
  });

  it("keeps a Project Name of codes as the name", () => {
    const v = validate(
      sheet("Projects", [
        ["Project Name", "Project Manager", "Start Date", "Baseline Finish", "Budget", "RAG"],
        ["M365", "A. Lee", day("2026-01-05"), day("2026-09-30"), 100, "Green"],
        ["S4HANA", "B. Khan", day("2026-02-02"), day("2027-06-30"), 200, "Amber"],
        ["Win11", "C. Diaz", day("2026-03-02"), day("2026-12-31"), 300, "Green"],
      ]),
    );
    const f = fields(v, "projects");
    expect(f.name).toBe("Project Name");
    expect(f.id).toBeUndefined();
  });

  it("keeps a programme per project as the programme beside the projects' IDs", () => {
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Programme", "Project Manager", "Start Date", "Baseline Finish", "Budget", "RAG"],
        ["P1", "Workplace modernisation", "A. Lee", day("2026-01-05"), day("2026-09-30"), 100, "Green"],
        ["P2", "Finance transformation", "B. Khan", day("2026-02-02"), day("2027-06-30"), 200, "Amber"],
        ["P3", "Device refresh", "C. Diaz", day("2026-03-02"), day("2026-12-31"), 300, "Green"],
      ]),
    );
    expect(fields(v, "projects").programme).toBe("Programme");
  });

  it("reads fees to date as no budget", () => {
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Budget", "Fees to Date"],
        ["P1", "Portal", 100000, 40000],
      ]),
    );
    const f = fields(v, "projects");
    expect(f.bac).toBe("Budget");
    expect(f.forecastCost).toBeUndefined();
  });
});

describe("a numbered project list with a current completion date", () => {
  it("is read as projects, the current date as the forecast and the progress share as % complete", () => {
    const v = validate(
      sheet("Data", [
        [
          "No.",
          "Project Code",
          "Project Name",
          "SST Date",
          "Original Completion Date",
          "Current Completion Date (incl. EOT)",
          "Contract Value (RM)",
          "Actual Progress (%)",
          "Project Status",
        ],
        [
          1,
          "KKM-01",
          "Hospital information system",
          day("2023-01-02"),
          day("2025-06-30"),
          day("2025-12-31"),
          42000000,
          78,
          "Green",
        ],
        [
          2,
          "KPM-07",
          "School connectivity",
          day("2023-04-03"),
          day("2025-03-31"),
          day("2025-09-30"),
          18000000,
          64,
          "Amber",
        ],
        [
          3,
          "JPJ-02",
          "Licence renewal portal",
          day("2024-02-01"),
          day("2025-08-31"),
          day("2025-08-31"),
          9500000,
          91,
          "Green",
        ],
      ]),
    );
    expect(v.registers.milestones).toBeUndefined();
    const columns = v.registers.projects!.columns;
    expect(columns.get("id")?.header).toBe("Project Code");
    expect(columns.get("forecastFinish")?.header).toBe("Current Completion Date (incl. EOT)");
    expect(columns.get("percentComplete")?.header).toBe("Actual Progress (%)");
  });
});

describe("a project list's key and name found by their values", () => {
  it("reads a Project column of codes as the key, and the name beside it", () => {
    const v = validate(
      sheet("Cost Forecast", [
        ["Project", "Description", "Project Manager", "Budget", "Actual Cost"],
        ["P24-0031", "Rijsenhout tomato glasshouse", "J. de Vries", 4200000, 1900000],
        ["P24-0044", "Dinteloord lettuce hall", "A. Bakker", 3100000, 2500000],
        ["P25-0007", "Kubo ultra-clima retrofit", "S. Jansen", 1800000, 300000],
        ["P25-0012", "Westland packing shed", "M. Visser", 900000, 100000],
        ["P25-0019", "Lansingerland CHP upgrade", "R. Smit", 1200000, 0],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("id")?.header).toBe("Project");
    expect(columns.get("name")?.header).toBe("Description");
  });

  it("reads a list of programmes by their Program column when no column names the entries", () => {
    const v = validate(
      sheet("Projects", [
        ["Program", "Service", "Program Manager", "Phase", "Baseline ($M)", "Current Estimate ($M)", "RAG"],
        ["F-35 Lightning II", "Air Force", "Gen. A", "Sustainment", 1700, 1730, "Amber"],
        ["Columbia Class SSBN", "Navy", "Adm. B", "Production", 1300, 1320, "Red"],
        ["Sentinel ICBM", "Air Force", "Gen. C", "EMD", 960, 1410, "Red"],
        ["Virginia Class SSN", "Navy", "Adm. D", "Production", 1500, 1560, "Amber"],
        ["KC-46A Tanker", "Air Force", "Gen. E", "Production", 430, 450, "Green"],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("name")?.header).toBe("Program");
    expect(columns.has("programme")).toBe(false);
  });

  it("keeps a Programme column that groups projects as their programme", () => {
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Programme", "Budget"],
        ["P1", "Portal", "Digital", 100],
        ["P2", "App", "Digital", 200],
        ["P3", "Depot", "Estates", 300],
      ]),
    );
    expect(v.registers.projects!.columns.get("programme")?.header).toBe("Programme");
  });
});

describe("reference columns found by their values", () => {
  const portfolio = sheet("Projects", [PROJECT_HEADER, projectRow("ST-1042"), projectRow("PF-2210")]);

  it("reads a column of the Projects sheet's IDs as each row's project, whatever its header", () => {
    const v = validate(
      portfolio,
      sheet("Risk Log", [
        ["ID", "CIP #", "Risk Description", "Likelihood", "Impact", "Status"],
        ["R1", "ST-1042", "Utility conflicts", "High", "Medium", "Open"],
        ["R2", "PF-2210", "Bid prices", "Low", "High", "Open"],
      ]),
    );
    expect(v.registers.risks!.columns.get("projectId")?.header).toBe("CIP #");
    expect(v.findings.filter((f) => f.code === "foreign-key")).toEqual([]);
  });

  it("prefers the column holding the IDs over a header that names the project but holds its name", () => {
    const v = validate(
      portfolio,
      sheet("Milestones", [
        ["CIP #", "Project", "Key Milestone", "Baseline", "Current Forecast"],
        ["ST-1042", "Main Street", "Notice to Proceed", day("2024-08-01"), day("2024-08-01")],
        ["PF-2210", "Fire Station", "Design complete", day("2025-03-01"), day("2025-05-01")],
      ]),
    );
    expect(v.registers.milestones!.columns.get("projectId")?.header).toBe("CIP #");
    const ambiguous = v.findings.find((f) => f.code === "ambiguous-column");
    expect(ambiguous?.message).toContain('"Project" and "CIP #"');
    expect(v.findings.filter((f) => f.code === "foreign-key")).toEqual([]);
  });

  it("reads a column of the projects' names as each row's project, resolved to its ID", () => {
    const v = validate(
      portfolio,
      sheet("Impediments", [
        ["ID", "Name", "Portfolio Epic", "Priority", "State"],
        ["I1", "Vendor API throttled", "Project ST-1042", "High", "Open"],
        ["I2", "Test data missing", "Project PF-2210", "Medium", "Open"],
      ]),
    );
    const issues = v.registers.issues!;
    expect(issues.columns.get("projectId")?.header).toBe("Portfolio Epic");
    expect(issues.rows.map((r) => r.values.projectId)).toEqual(["ST-1042", "PF-2210"]);
    expect(v.findings.filter((f) => f.code === "foreign-key")).toEqual([]);
  });

  it("fills a dependency's From and To with its two project columns in order", () => {
    const v = validate(
      portfolio,
      sheet("Interdependencies", [
        ["Dep. ID", "Requester", "What we need", "Giver", "Status"],
        ["D1", "ST-1042", "Traffic plan", "PF-2210", "Open"],
      ]),
    );
    const deps = v.registers.dependencies!;
    expect(deps.columns.get("fromProject")?.header).toBe("Requester");
    expect(deps.columns.get("toProject")?.header).toBe("Giver");
  });

  it("reads a column of codes headed by the entries' own name as the key, leaving the project's IDs to the reference", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("ST-1042"), projectRow("PF-2210"), projectRow("QX-7")]),
      sheet("Endringslogg", [
        ["CR", "Launch ID", "Change", "Decision", "Decided on"],
        ["CR-01", "ST-1042", "Move the launch window", "Approved", day("2025-01-28")],
        ["CR-02", "PF-2210", "Add a second SKU", "Approved", day("2025-04-15")],
        ["CR-03", "QX-7", "Later tube supplier slot", "Pending", null],
      ]),
    );
    const changes = v.registers.changes!;
    expect(changes.columns.get("changeId")?.header).toBe("CR");
    expect(changes.columns.get("projectId")?.header).toBe("Launch ID");
    expect(v.findings.filter((f) => f.code === "foreign-key" || f.code === "duplicate-header")).toEqual([]);
  });

  it("reads a column of the projects' numeric IDs as each row's project, but not a tool's own numbers", () => {
    const numbered = sheet("Projects", [PROJECT_HEADER, projectRow("230146"), projectRow("244018")]);
    const funded = validate(
      numbered,
      sheet("Risk register", [
        ["Risk No.", "Investment ID", "Project", "Risk", "Likelihood", "Consequence", "Status"],
        ["R1", 230146, "CSAC Stage 4", "Wet season", "Likely", "Major", "Open"],
        ["R2", 244018, "Western Arterial", "Utility clash", "Possible", "Moderate", "Open"],
      ]),
    );
    expect(funded.registers.risks!.columns.get("projectId")?.header).toBe("Investment ID");
    // A Project ID of the tool's own numbers keeps its header: none of them is a project's ID.
    const exported = validate(
      numbered,
      sheet("Issues", [
        ["Issue ID", "Project ID", "Project Name", "Subject", "Priority", "Status"],
        ["I1", 1073912, "Project 230146", "Login fails", "High", "Open"],
        ["I2", 1073927, "Project 244018", "Slow search", "Low", "Open"],
      ]),
    );
    expect(exported.registers.issues!.columns.get("projectId")?.header).toBe("Project ID");
  });

  it("reads a variation order log's VO / EOT No. as its key and the contract it varies as the project", () => {
    const v = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("RDA/CW/017"),
        projectRow("RDA/CW/023"),
        projectRow("RDA/CW/031"),
      ]),
      sheet("VO-EOT", [
        ["Contract No.", "VO / EOT No.", "Description", "Status", "Date Initiated"],
        ["RDA/CW/017", "VO/017/01", "Additional drainage", "Approved", day("2024-03-01")],
        ["RDA/CW/017", "EOT/017/01", "Rains: 60 days", "Approved", day("2024-04-01")],
        ["RDA/CW/023", "VO/023/01", "Bridge deck redesign", "Pending", day("2024-05-01")],
        ["RDA/CW/031", "VO/031/01", "Relocate services", "Submitted", day("2024-06-01")],
      ]),
    );
    const changes = v.registers.changes!;
    expect(changes.columns.get("changeId")?.header).toBe("VO / EOT No.");
    expect(changes.columns.get("projectId")?.header).toBe("Contract No.");
  });

  it("leaves alone a column of plain numbers and one that holds other values", () => {
    const numbered = sheet("Projects", [PROJECT_HEADER, projectRow("1"), projectRow("2")]);
    const v = validate(
      numbered,
      sheet("Risks", [
        ["Risk ID", "Rank", "Note", "Title", "Probability", "Impact", "Status"],
        ["R1", 1, "ST-1042", "X", 3, 4, "Open"],
        ["R2", 2, "see log", "Y", 2, 2, "Open"],
      ]),
    );
    expect(v.registers.risks!.columns.get("projectId")).toBeUndefined();
  });
});

describe("exports from list and board tools", () => {
  const projects = sheet("Projects", [PROJECT_HEADER, projectRow("P1")]);
  it("reads SharePoint's numbered choices and a likelihood given as a fraction", () => {
    const v = validate(
      projects,
      sheet("owssvr", [
        ["Title", "Project ID", "Status", "Probability", "Impact", "ID"],
        ["Vendor late", "P1", "(1) Active", 0.35, 4, "R1"],
        ["Key person leaves", "P1", "(3) Closed", "0.9", 2, "R2"],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.rows.map((r) => [r.values.status, r.values.probability])).toEqual([
      ["Open", 2],
      ["Closed", 5],
    ]);
    expect(codesOf(v.findings).filter((c) => /type-error|enum-error|range-error/.test(c))).toEqual([]);
  });

  it("skips the header a board export repeats above each group", () => {
    const header = ["Issue ID", "Project ID", "Title", "Severity", "Status"];
    const v = validate(
      projects,
      sheet("Issues", [
        header,
        ["I1", "P1", "Login fails", "High", "Open"],
        ["Group two"],
        header,
        ["I2", "P1", "Slow search", "Low", "Closed"],
      ]),
    );
    const issues = v.registers.issues!;
    expect(issues.rows.map((r) => r.values.issueId)).toEqual(["I1", "Group two", "I2"]);
    expect(codesOf(v.findings).filter((c) => c.startsWith("enum-error"))).toEqual([]);
  });

  it("splits a RAID sheet by a column whose header says RAID, even in single letters", () => {
    const v = validate(
      projects,
      sheet("RAID - P1", [
        ["UID", "RAID Code", "Description", "Owner", "Project ID", "Status"],
        ["R-1", "R", "Vendor late", "Ann", "P1", "Open"],
        ["I-1", "I", "Server down", "Bo", "P1", "Open"],
        ["A-1", "A", "Budget holds", "Cy", "P1", "Open"],
      ]),
    );
    expect(v.registers.risks?.rows.map((r) => r.values.riskId)).toEqual(["R-1"]);
    expect(v.registers.issues?.rows.map((r) => r.values.issueId)).toEqual(["I-1"]);
    expect(v.registers.assumptions?.rows.map((r) => r.values.assumptionId)).toEqual(["A-1"]);
  });
});

describe("values that say what a column is not", () => {
  const projects = sheet("Projects", [PROJECT_HEADER, projectRow("P1")]);

  it("reads a header whose values are not what it names as what its words name", () => {
    const v = validate(
      sheet("Capital Programme", [
        ["Project ID", "Project Name", "Stage", "Start Date", "Planned Completion", "Budget", "Actual Cost"],
        ["C1", "Theatre refurb", "Execution", day("2024-04-01"), day("2025-03-31"), 1000, 400],
        ["C2", "EPR upgrade", "Planning", day("2024-06-01"), day("2026-01-31"), 2000, 100],
      ]),
    );
    const table = v.registers.projects!;
    expect(table.columns.get("baselineFinish")?.header).toBe("Planned Completion");
    expect(table.columns.get("percentComplete")).toBeUndefined();
  });

  it("never reads sentences as a status", () => {
    const v = validate(
      projects,
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Mitigation Status"],
        ["R1", "P1", "Vendor late", 3, 4, "Eight partners committed by May. Risk under control."],
        ["R2", "P1", "Strike", 2, 2, "Norwegian connector delayed to month eighteen."],
      ]),
    );
    expect(v.registers.risks!.columns.get("status")).toBeUndefined();
    expect(codesOf(v.findings).filter((c) => c.startsWith("enum-error"))).toEqual([]);
  });

  it("reads Actions as the response only where no other header names it", () => {
    const risks = (extra: string[], values: string[]) =>
      validate(
        projects,
        sheet("Risks", [
          ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Status", ...extra],
          ["R1", "P1", "Vendor late", "3", "4", "Open", ...values],
        ]),
      ).registers.risks!;
    expect(risks(["Further Actions"], ["Weekly calls"]).columns.get("response")?.header).toBe(
      "Further Actions",
    );
    expect(
      risks(["Mitigations", "Further Actions"], ["Cross-train", "Weekly calls"]).columns.get("response")
        ?.header,
    ).toBe("Mitigations");
  });

  it("does not read a column as what it is named like when its values are something else, and says so", () => {
    const v = validate(
      sheet("Grants", [
        ["Project ID", "Project Name", "Stage", "Grant Status", "Wk 12", "Baseline Finish"],
        ["G1", "Food bank van", "Execute", "Awarded", "Green", day("2025-03-31")],
        ["G2", "Youth hub", "Plan", "Pending Decision", "Amber", day("2025-06-30")],
        ["G3", "Library roof", "Execute", "Declined", "Red", day("2025-09-30")],
      ]),
    );
    const table = v.registers.projects!;
    // The grant's status is no RAG: the column of ratings beside it is.
    expect(table.columns.get("reportedRag")?.header).toBe("Wk 12");
    expect(codesOf(v.findings)).toContain("misfit-column@D1");
    expect(codesOf(v.findings)).not.toContain("unknown-column@D1");
    expect(v.findings.find((f) => f.code === "misfit-column")?.message).toContain(
      '"Awarded", "Pending Decision", "Declined"',
    );
    expect(codesOf(v.findings).filter((c) => c.startsWith("enum-error"))).toEqual([]);
  });

  it("still reads the standard's own header whatever it holds, and reports the values", () => {
    const v = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("P1", { "Reported RAG": "Awarded" }),
        projectRow("P2", { "Reported RAG": "Declined" }),
      ]),
    );
    expect(v.registers.projects!.columns.get("reportedRag")?.header).toBe("Reported RAG");
    expect(codesOf(v.findings).filter((c) => c.startsWith("enum-error"))).toHaveLength(2);
  });

  it("takes the header naming the register's own item among equally sure ones", () => {
    const v = validate(
      projects,
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Status", "Action Owner", "Risk Owner"],
        ["R1", "P1", "Vendor late", 3, 4, "Open", "Facilities team", "Head of Estates"],
      ]),
    );
    expect(v.registers.risks!.columns.get("owner")?.header).toBe("Risk Owner");
  });

  it("reads a second baseline or actual header without the qualifier as the figure as it stands", () => {
    const v = validate(
      sheet("Projects", [
        [
          "ProjectId",
          "ProjectName",
          "Phase",
          "ProjectStartDate",
          "ProjectBaselineFinishDate",
          "ProjectFinishDate",
          "ProjectBudgetCost",
          "ProjectActualCost",
          "ProjectCost",
        ],
        ["P1", "CRM", "Manage", day("2025-01-06"), day("2025-09-30"), day("2025-11-14"), 500, 210, 560],
        ["P2", "Data", "Select", day("2025-03-03"), day("2026-02-27"), day("2026-02-27"), 300, 0, 300],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("baselineFinish")?.header).toBe("ProjectBaselineFinishDate");
    expect(columns.get("forecastFinish")?.header).toBe("ProjectFinishDate");
    expect(columns.get("ac")?.header).toBe("ProjectActualCost");
    expect(columns.get("forecastCost")?.header).toBe("ProjectCost");
    expect(codesOf(v.findings).filter((c) => c.startsWith("duplicate-header"))).toEqual([]);
  });

  it("reads a PMO's own stages as written, noting them once, and not as closed", () => {
    const v = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("P1", { Stage: "Realisation" }),
        projectRow("P2", { Stage: "Realisation" }),
        projectRow("P3", { Stage: "Fit-out" }),
        projectRow("P4", { Stage: "Execution" }),
        projectRow("P5", { Stage: "Exectue" }),
      ]),
    );
    const table = v.registers.projects!;
    expect(table.rows.map((r) => r.values.stage)).toEqual([
      "Realisation",
      "Realisation",
      "Fit-out",
      "Execute",
      null,
    ]);
    const notes = v.findings.filter((f) => f.code === "unlisted-values");
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain('("Realisation", "Fit-out")');
    // A slip of the keys for a listed stage is still an error, with what was meant.
    expect(codesOf(v.findings).filter((c) => c.startsWith("enum-error"))).toEqual(["enum-error@G6"]);
    expect(v.findings.find((f) => f.code === "enum-error")?.message).toContain('Did you mean "Execute"?');
    // One stray value among listed stages is a mistake in its cell, not a lifecycle of its own.
    const stray = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1", { Stage: "Executing phase" }), projectRow("P2")]),
    );
    expect(codesOf(stray.findings)).toContain("enum-error@G2");
    expect(codesOf(stray.findings).some((c) => c.startsWith("unlisted-values"))).toBe(false);
    // One status the list does not name, and no slip of one it does, is the register's own word.
    const risks = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Status"],
        ["R1", "P1", "Vendor late", 3, 4, "Frozen"],
        ["R2", "P1", "Scope creep", 2, 3, "Open"],
      ]),
    );
    expect(risks.registers.risks!.rows.map((r) => r.values.status)).toEqual(["Frozen", "Open"]);
    expect(codesOf(risks.findings)).toContain("unlisted-values@F1");
    expect(codesOf(risks.findings).some((c) => c.startsWith("enum-error"))).toBe(false);
    // A listed stage with a word that says more is a stage of its own; with one that adds nothing, a slip.
    const design = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("P1", { Stage: "Design Development" }),
        projectRow("P2"),
      ]),
    );
    expect(design.registers.projects!.rows[0].values.stage).toBe("Design Development");
    // Letters added at one end make another word: Rescheduled is no slip for Scheduled.
    const rescheduled = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Milestones", [
        ["Project ID", "Milestone", "Baseline Date", "Status"],
        ["P1", "Kaizen week", serial("2025-03-03"), "Rescheduled"],
        ["P1", "Report-out", serial("2025-03-10"), "Not Started"],
      ]),
    );
    expect(rescheduled.registers.milestones!.rows[0].values.status).toBe("Rescheduled");
  });

  it("reads a register's own statuses as written, closed only where they say a closed value unopposed", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Status"],
        ["R1", "P1", "Vendor late", 3, 4, "Open"],
        ["R2", "P1", "Key person leaves", 2, 4, "Under Watch"],
        ["R3", "P1", "Licence costs rise", 4, 3, "Formally Closed"],
        ["R4", "P1", "Data migration slips", 4, 4, "Not Yet Closed"],
        ["R5", "P1", "Scope creep", 3, 3, "Part Complete"],
        ["R6", "P1", "Key supplier exits", 2, 5, "Response done, risk still live"],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.rows.map((r) => [r.values.status, isClosedRow(risks, r)])).toEqual([
      ["Open", false],
      ["Under Watch", false],
      ["Formally Closed", true],
      ["Not Yet Closed", false],
      ["Part Complete", false],
      ["Response done, risk still live", false],
    ]);
    expect(codesOf(v.findings).filter((c) => c.startsWith("enum-error"))).toEqual([]);
    const note = v.findings.find((f) => f.code === "unlisted-values");
    expect(note?.message).toContain('only "Formally Closed" counts as closed');
  });

  it("reads a column its words name as the stage when it holds a lifecycle of the PMO's own", () => {
    const v = validate(
      sheet("Projects", [
        ["Job No.", "Project", "Project Lead", "RIBA Stage", "Fee (£)", "Start Date", "Target Completion"],
        [
          "2219",
          "Elm Row Primary School extension",
          "H. Laing",
          "Stage 4 - Technical Design",
          386000,
          day("2025-01-06"),
          day("2025-12-19"),
        ],
        [
          "2231",
          "Harbour Lofts",
          "G. Stowe",
          "Stage 2 - Concept Design",
          120000,
          day("2025-03-03"),
          day("2026-06-30"),
        ],
        [
          "2240",
          "Mill Lane surgery",
          "H. Laing",
          "Stage 6 - Handover",
          95000,
          day("2024-02-05"),
          day("2025-01-31"),
        ],
      ]),
    );
    const projects = v.registers.projects!;
    expect(projects.columns.get("stage")?.header).toBe("RIBA Stage");
    expect(projects.rows.map((r) => r.values.stage)).toEqual([
      "Stage 4 - Technical Design",
      "Stage 2 - Concept Design",
      // A listed stage after the code is read as it.
      "Close",
    ]);
    expect(v.findings.filter((f) => f.code === "enum-error")).toEqual([]);
  });

  it("keeps listed stages with a word added as mistakes, and a risk's categories as its category", () => {
    const v = validate(
      sheet("Projects", [
        PROJECT_HEADER,
        projectRow("P1", { Stage: "Executing phase" }),
        projectRow("P2", { Stage: "Closing phase" }),
      ]),
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Risk Categories", "Probability", "Impact", "Status"],
        ["R1", "P1", "Vendor late", "Commercial", 3, 4, "Open"],
      ]),
    );
    expect(codesOf(v.findings).filter((c) => c.startsWith("enum-error@G"))).toEqual([
      "enum-error@G2",
      "enum-error@G3",
    ]);
    expect(v.registers.risks!.columns.get("category")?.header).toBe("Risk Categories");
  });

  it("reads a risk type of categories as the category", () => {
    const v = validate(
      projects,
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Risk Type", "Probability", "Impact", "Status"],
        ["R1", "P1", "Vendor late", "Schedule", 3, 4, "Open"],
        ["R2", "P1", "Key person leaves", "Resource", 2, 3, "Open"],
        ["R3", "P1", "Scope creep", "Scope", 4, 3, "Closed"],
      ]),
    );
    const columns = v.registers.risks!.columns;
    expect(columns.get("category")?.header).toBe("Risk Type");
    expect(columns.get("riskType")).toBeUndefined();
    expect(codesOf(v.findings).filter((c) => c.startsWith("enum-error"))).toEqual([]);
  });

  it("skips a note written across the register", () => {
    const v = validate(
      projects,
      sheet("Issue Log", [
        ["Date Raised", "Issue Description", "Priority", "Status", "Issue No.", "Project ID"],
        ["Carried forward from the Phase 1 log", null, null, null, null, null],
        [day("2025-01-10"), "Data export late", "High", "Open", "7", "P1"],
      ]),
    );
    expect(v.registers.issues!.rows.map((r) => r.values.issueId)).toEqual(["7"]);
    expect(codesOf(v.findings).filter((c) => c.startsWith("type-error"))).toEqual([]);
  });
});

describe("sets 118-121's lessons (session 11)", () => {
  it("reads a ticket export rated by Priority and Impact as issues, not risks", () => {
    const tickets = sheet("glpi", [
      ["ID", "Title", "Status", "Opening date", "Priority", "Urgency", "Impact", "Category"],
      [
        "4711",
        "Order sets missing after go-live",
        "Processing (assigned)",
        serial("2025-03-02"),
        "High",
        "High",
        "Medium",
        "Pharmacy",
      ],
      [
        "4712",
        "Label printer offline on ward 3",
        "Solved",
        serial("2025-03-02"),
        "Medium",
        "Low",
        "High",
        "Devices",
      ],
      [
        "4713",
        "Discharge letter template wrong",
        "New",
        serial("2025-03-03"),
        "Low",
        "Low",
        "Low",
        "Documents",
      ],
    ]);
    const v = validate(tickets);
    expect(v.registers.risks).toBeUndefined();
    expect(v.registers.issues!.sheet).toBe("glpi");
    // A sheet that says it holds risks still is one, likelihood or not.
    const risks = validate(
      sheet("glpi", [
        ["ID", "Risk Description", "Status", "Priority", "Impact", "Category"],
        ["1", "Interface backlog grows", "Open", "High", "High", "Technical"],
        ["2", "Key users unavailable", "Open", "Medium", "Medium", "People"],
      ]),
    );
    expect(risks.registers.risks!.sheet).toBe("glpi");
  });

  it("reads a tool's issue export as more issues after a combined RAID sheet", () => {
    const v = validate(
      sheet("Tracker", [
        ["No.", "Type", "Workstream", "Description", "Owner", "Likelihood", "Impact", "Due", "Status"],
        [
          "R-01",
          "Risk",
          "Email",
          "Mailbox migration overruns",
          "Ann",
          "High",
          "High",
          serial("2025-12-01"),
          "Open",
        ],
        [
          "I-01",
          "Issue",
          "Email",
          "Archive licences short",
          "Bo",
          null,
          "Medium",
          serial("2025-11-20"),
          "Open",
        ],
        [
          "A-01",
          "Assumption",
          "Office",
          "Templates convert cleanly",
          "Cy",
          null,
          null,
          serial("2025-11-30"),
          "Open",
        ],
      ]),
      sheet("Sheet1", [
        ["Id", "Project", "Reporter", "Assigned To", "Severity", "Date Submitted", "Summary", "Status"],
        [
          "0002314",
          "Office",
          "mueller.k",
          "lo-team",
          "major",
          serial("2025-05-12"),
          "Logo lost on PDF export",
          "resolved",
        ],
        [
          "0002327",
          "Office",
          "weber.s",
          "lo-team",
          "minor",
          serial("2025-05-14"),
          "Macro warning on open",
          "new",
        ],
      ]),
    );
    // Whichever sheet is read first, the other's issues are more of the register.
    expect(v.registers.issues!.rows.map((r) => r.values.issueId).sort()).toEqual([
      "0002314",
      "0002327",
      "I-01",
    ]);
    expect(v.findings.map((f) => f.code)).toContain("register-continued");
    expect(v.registers.risks!.rows.map((r) => r.values.riskId)).toEqual(["R-01"]);
    // A "Project" header over a table is no title naming the workbook's project.
    expect(v.findings.find((f) => f.code === "implied-project")?.value).not.toBe("Reporter");
  });

  it("takes no project's name from a table's header row on another sheet, but from a title block's label", () => {
    const log = (other: CellValue[][]) =>
      checkWorkbook(
        workbook(
          sheet("Issue Log", [
            ["Issue ID", "Description", "Priority", "Status", "Owner"],
            ["I1", "Site access late", "High", "Open", "Ann"],
          ]),
          sheet("Lists", other),
        ),
        { today: asOf, fileName: "Kestrel log.xlsx" },
      ).analysis.projects.map((p) => p.id);
    expect(log([["Project", "Kestrel Depot"]])).toEqual(["Kestrel Depot"]);
    expect(
      log([
        ["Project", "Contractor", "Region", "Phase", "Lead"],
        ["Depot", "Acme", "North", "Build", "Ann"],
      ]),
    ).toEqual(["Kestrel log"]);
    expect(log([["Project:", "Kestrel Depot", "Date", "1 Nov", "v3"]])).toEqual(["Kestrel Depot"]);
  });

  it("reads no amount of millions as a date", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Variations", [
        ["VO No.", "Project ID", "Variation", "Raised", "Revised contract $", "Status"],
        ["VO-1", "P1", "Extra retaining wall", serial("2025-02-03"), 2_084_400, "Approved"],
        ["VO-2", "P1", "Window upgrade", serial("2025-03-10"), 2_113_050, "Pending"],
      ]),
    );
    const columns = v.registers.changes!.columns;
    expect(columns.get("decisionDate")).toBeUndefined();
    expect(columns.get("newBudget")?.header).toBe("Revised contract $");
  });

  it("reads a small firm's health words, the IDB's Average and a Medium-High level", () => {
    const v = validate(
      sheet("Jobs", [
        ["Job No.", "Job Name", "Producer", "Kick-off", "Due", "Quote", "Budget Used", "Health"],
        [
          "J1",
          "Spring campaign",
          "Ann",
          serial("2025-09-01"),
          serial("2025-11-30"),
          40000,
          12000,
          "Keep an eye",
        ],
        [
          "J2",
          "Annual report",
          "Bo",
          serial("2025-08-01"),
          serial("2025-10-31"),
          25000,
          27000,
          "Over budget",
        ],
        ["J3", "Brand refresh", "Cy", serial("2025-07-01"), serial("2025-12-15"), 60000, 20000, "On track"],
      ]),
      sheet("Risk Matrix", [
        ["N°", "Risk Description", "Probability", "Impact", "Risk Level", "Status"],
        [1, "Municipal adoption delayed", "High", "Average", "Medium-High", "Open"],
        [2, "Field crews denied access", "Average", "High", "High", "Open"],
        [3, "Exchange rate moves", "Low", "Average", "Medium-Low", "Open"],
      ]),
    );
    const jobs = v.registers.projects!;
    expect(jobs.columns.get("ac")?.header).toBe("Budget Used");
    expect(jobs.rows.map((r) => r.values.reportedRag)).toEqual(["Amber", "Red", "Green"]);
    const risks = v.registers.risks!;
    expect(risks.columns.get("riskId")?.header).toBe("N°");
    expect(risks.rows.map((r) => [r.values.probability, r.values.impact, r.values.score])).toEqual([
      [5, 3, 4],
      [3, 5, 5],
      [1, 3, 2],
    ]);
    expect(codesOf(v.findings).filter((c) => /^(enum|type|range)-error/.test(c))).toEqual([]);
  });

  it("reads a FIDIC contract's taking-over as its actual finish", () => {
    const header = [...PROJECT_HEADER.filter((h) => h !== "Actual Finish"), "Taking-Over Date"];
    const row = [
      ...projectRow("P1", {}).filter((_, i) => PROJECT_HEADER[i] !== "Actual Finish"),
      serial("2026-06-30"),
    ];
    const v = validate(sheet("Projects", [header, row]));
    expect(v.registers.projects!.columns.get("actualFinish")?.header).toBe("Taking-Over Date");
  });
});

describe("sets 122-125's lessons (session 11)", () => {
  it("reads a log numbered by its deviations, but a deviation from plan is still no figure", () => {
    const v = validate(
      sheet("Deviation Log", [
        [
          "Deviation No.",
          "Date Reported",
          "Short Description",
          "Classification",
          "Status",
          "Target Closure Date",
        ],
        [
          "DEV-25-014",
          serial("2025-03-02"),
          "Blend uniformity out of trend",
          "Major",
          "Open",
          serial("2025-04-01"),
        ],
        [
          "DEV-25-015",
          serial("2025-03-09"),
          "Label reconciliation gap",
          "Minor",
          "Closed",
          serial("2025-03-20"),
        ],
      ]),
    );
    expect(v.registers.issues!.columns.get("issueId")?.header).toBe("Deviation No.");
    const projects = validate(
      sheet("Projects", [
        [...PROJECT_HEADER, "Schedule Deviation"],
        [...projectRow("P1"), 12],
      ]),
    );
    const fields = [...projects.registers.projects!.columns].filter(
      ([, c]) => c.header === "Schedule Deviation",
    );
    expect(fields).toEqual([]);
  });

  it("reads a score written with its colour, a voided MOC and a stage as a change's status", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Corporate risks", [
        ["Risk no", "Project ID", "Title", "Likelihood", "Impact", "Current Risk Score", "Status"],
        ["CR36", "P1", "Protective security", 4, 6, "Red 24", "Open"],
        ["CR39", "P1", "Cyber attack", 3, 4, "12 (Amber)", "Open"],
      ]),
      sheet("MOC Log", [
        ["MOC #", "Project ID", "MOC Title", "Date of Request", "Stage"],
        ["MOC-101", "P1", "Reroute lateral", serial("2025-01-10"), "Voided"],
        ["MOC-102", "P1", "Add block valve", serial("2025-02-11"), "Evaluation"],
        ["MOC-103", "P1", "Relocate meter", serial("2025-03-12"), "Completed"],
      ]),
    );
    expect(v.registers.risks!.rows.map((r) => r.values.score)).toEqual([24, 12]);
    const changes = v.registers.changes!;
    expect(changes.columns.get("status")?.header).toBe("Stage");
    expect(changes.rows.map((r) => r.values.status)).toEqual(["Withdrawn", "Submitted", "Implemented"]);
    expect(codesOf(v.findings).filter((c) => /^(enum|type|range)-error/.test(c))).toEqual([]);
  });

  it("reads % Completed, a risk breakdown code and an open-ended deadline", () => {
    const v = validate(
      sheet("Projects", [
        [...PROJECT_HEADER.filter((h) => h !== "% Complete"), "% Completed", "FAC (£k)"],
        [...projectRow("P1").filter((_, i) => PROJECT_HEADER[i] !== "% Complete"), 40, 1100],
      ]),
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "RBS", "Probability", "Impact", "Status", "Deadline"],
        ["R1", "P1", "Vendor late", "1.2 Commercial", 3, 4, "Open", "Open Ended"],
        ["R2", "P1", "Key person leaves", "3.1 People", 2, 3, "Open", serial("2026-12-01")],
      ]),
    );
    const projects = v.registers.projects!;
    expect(projects.columns.get("percentComplete")?.header).toBe("% Completed");

    const risks = v.registers.risks!;
    expect(risks.columns.get("category")?.header).toBe("RBS");
    expect(risks.rows[0].values.dueDate).toBeNull();
    expect(codesOf(v.findings).filter((c) => /^(enum|type|range)-error/.test(c))).toEqual([]);
  });

  it("reads a title column of codes beside the title as the key, and this week's rating, not last week's", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Risks", [
        ["Name", "Title", "Project ID", "State", "Impact", "Probability", "Owner"],
        ["R-0001231", "Supplier insolvency", "P1", "Open", "High", "Low", "Ann"],
        ["R-0001232", "Tooling late", "P1", "Open", "Medium", "High", "Bo"],
        ["R-0001233", "Homologation slips", "P1", "Closed", "High", "Medium", "Cy"],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.columns.get("riskId")?.header).toBe("Name");
    expect(risks.columns.get("title")?.header).toBe("Title");
    expect(codesOf(v.findings).filter((c) => c.startsWith("duplicate-header"))).toEqual([]);
    const status = validateWorkbook(
      workbook(
        sheet("Projects", [
          ["Project ID", "Project Name", "Project Manager", "Last Wk RAG", "This Wk RAG", "Spend This Week"],
          ["WS01", "Self-checkout", "Ann", "Green", "Amber", 1200],
          ["WS02", "Shelf labels", "Bo", "Amber", "Red", 800],
        ]),
      ),
      standard,
      asOf,
    ).registers.projects!;
    expect(status.columns.get("reportedRag")?.header).toBe("This Wk RAG");
    expect(status.columns.get("ac")).toBeUndefined();
  });

  it("reads a bank's status pack: this period's rating, not the prior one; a lead beside RAG columns; TBC with a note", () => {
    const header = [
      "Init. ID",
      "Regulatory Initiative",
      "Accountable Exec",
      "Initiative Lead",
      "Start",
      "Approved Finish",
      "Forecast Finish",
      "Approved Budget",
      "Actual %",
      "Resources",
      "Overall (Prior)",
      "Overall (Current)",
      "Cut-off Date",
    ];
    const v = validate(
      sheet("Portfolio Status", [
        header,
        [
          "RC-1",
          "B-13 Cyber",
          "CIO",
          "Priya R",
          serial("2024-01-08"),
          serial("2025-03-31"),
          "TBC (subject to OSFI)",
          4850,
          0.97,
          "G",
          "G",
          "Critical Delay",
          serial("2025-09-30"),
        ],
        [
          "RC-2",
          "B-10 Third Party",
          "SVP Procurement",
          "Marc T",
          serial("2024-02-05"),
          serial("2025-06-30"),
          serial("2025-09-30"),
          2100,
          0.6,
          "-",
          "A",
          "R",
          serial("2025-09-30"),
        ],
      ]),
    );
    const projects = v.registers.projects!;
    expect(projects.columns.get("reportedRag")?.header).toBe("Overall (Current)");
    expect(projects.columns.get("manager")?.header).toBe("Initiative Lead");
    expect(projects.columns.get("percentComplete")?.header).toBe("Actual %");
    expect(projects.columns.get("lastUpdated")?.header).toBe("Cut-off Date");
    expect(projects.columns.get("ac")).toBeUndefined();
    expect(projects.rows.map((r) => [r.values.reportedRag, r.values.forecastFinish])).toEqual([
      ["Red", null],
      ["Red", day("2025-09-30")],
    ]);
    expect(codesOf(v.findings).filter((c) => /^(enum|type|range)-error/.test(c))).toEqual([]);
  });

  it("reads likelihood letters, A almost certain to E rare", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Risk Register", [
        ["Risk ID", "Project ID", "Risk", "Likelihood", "Consequence", "Status"],
        ["R1", "P1", "Airside works delayed by weather", "B", 4, "Open"],
        ["R2", "P1", "Baggage system integration", "E", 5, "Open"],
        ["R3", "P1", "Contractor insolvency", "A", 3, "Open"],
      ]),
    );
    expect(v.registers.risks!.rows.map((r) => r.values.probability)).toEqual([4, 1, 5]);
    expect(codesOf(v.findings).filter((c) => /^(enum|type|range)-error/.test(c))).toEqual([]);
  });

  it("reads a likelihood with the chance it stands for, and a portfolio named with a qualifier", () => {
    const v = validate(
      sheet("Projects", [
        [...PROJECT_HEADER.filter((h) => h !== "Portfolio"), "Improvement Portfolio"],
        [...projectRow("P1").filter((_, i) => PROJECT_HEADER[i] !== "Portfolio"), "Distribution"],
      ]),
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Likelihood level", "Impact", "Status"],
        ["R1", "P1", "Pipe supply late", "Likely (50%-90%)", 4, "Open"],
        ["R2", "P1", "Heritage find", "Rare (<0.4%)", 5, "Open"],
      ]),
    );
    expect(v.registers.projects!.columns.get("portfolio")?.header).toBe("Improvement Portfolio");
    expect(v.registers.risks!.rows.map((r) => r.values.probability)).toEqual([4, 1]);
  });

  it("reads a change request's date", () => {
    const v = validate(
      sheet("Projects", [PROJECT_HEADER, projectRow("P1")]),
      sheet("Change requests", [
        ["Change request ID", "Project ID", "Description", "Change request date", "Status"],
        ["CR-001", "P1", "Extra storey", serial("2025-02-03"), "Approved"],
      ]),
    );
    expect(v.registers.changes!.columns.get("raisedDate")?.header).toBe("Change request date");
  });
});

describe("a review's failing inputs (session 11)", () => {
  const kinds = (v: ReturnType<typeof validate>) => Object.keys(v.registers).filter((k) => k !== "projects");

  it("keeps a status's NOT and YET: only a body's name is left out", () => {
    const v = validate(
      sheet("Changes", [
        ["Change ID", "Title", "Status", "Raised Date"],
        ["CR-1", "Add SSO", "Agreed NOT to Implement", serial("2026-01-05")],
        ["CR-2", "Add MFA", "NOT YET APPROVED", serial("2026-01-05")],
      ]),
      sheet("Risks", [
        ["Risk ID", "Title", "Probability", "Impact", "Owner", "Status"],
        ["R-1", "Vendor late", 3, 3, "Ann", "NOT YET OCCURRED"],
      ]),
    );
    expect(v.registers.changes!.rows.map((r) => r.values.status)).toEqual([
      "Agreed NOT to Implement",
      "NOT YET APPROVED",
    ]);
    expect(v.registers.risks!.rows[0].values.status).not.toBe("Closed");
  });

  it("names the project from a title row of label and value pairs above the header", () => {
    const v = validateWorkbook(
      workbook(
        sheet("Risks", [
          ["Project Name", "Phoenix", "Project Manager", "Jane Doe", "Report Date", serial("2026-10-01")],
          [],
          ["Risk ID", "Title", "Probability", "Impact", "Owner", "Status"],
          ["R-1", "Vendor late", 3, 3, "Ann", "Open"],
        ]),
      ),
      standard,
      asOf,
      { fileName: "register.xlsx" },
    );
    expect(v.registers.projects!.rows.map((r) => r.values.id)).toEqual(["Phoenix"]);
  });

  it("keeps a risk log with a likelihood and no impact, or a P x I and no likelihood, as risks", () => {
    const likelihood = validate(
      sheet("Sheet1", [
        ["No.", "Description", "Probability", "Owner", "Response", "Status", "Date Identified"],
        ["1", "Vendor may deliver late", "High", "Ann", "Weekly calls", "Open", serial("2026-10-01")],
        ["2", "Key staff may leave", "Low", "Bob", "Retention", "Open", serial("2026-10-01")],
      ]),
    );
    expect(kinds(likelihood)).toEqual(["risks"]);
    const scored = validate(
      sheet("Phoenix", [
        ["Ref", "Description", "Owner", "P x I", "Mitigation", "Status", "Review Date"],
        ["1", "Vendor may deliver late", "Ann", 12, "Weekly calls", "Open", serial("2026-10-01")],
        ["2", "Key staff may leave", "Bob", 6, "Retention", "Open", serial("2026-10-01")],
      ]),
    );
    expect(kinds(scored)).toEqual(["risks"]);
  });

  it("still reads Unix times as dates", () => {
    const v = validate(
      sheet("Issues", [
        ["Task ID", "Task Name", "Status", "Assignee", "Priority", "Date Created", "Due Date"],
        ["86a1", "Fix login", "Open", "Ann", "High", 1743346800000, 1746025200000],
        ["86a2", "Fix logout", "Open", "Bob", "Low", 1743433200000, 1746111600000],
      ]),
    );
    expect([...v.registers.issues!.columns.keys()]).toEqual(expect.arrayContaining(["raised", "targetDate"]));
  });

  it.each<[string, number]>([
    ["Hours Used", 320],
    ["Float Consumed", 10],
    ["FTE Utilised", 3.5],
  ])("reads no cost from %s", (header, value) => {
    const row = (id: string) => [
      id,
      `Project ${id}`,
      "Ann",
      serial("2026-01-05"),
      serial("2027-01-05"),
      500000,
      value,
      "Active",
    ];
    const v = validate(
      sheet("Projects", [
        [
          "Project ID",
          "Project Name",
          "Project Manager",
          "Start Date",
          "Finish Date",
          "Budget",
          header,
          "Status",
        ],
        row("P1"),
        row("P2"),
      ]),
    );
    const fields = [...v.registers.projects!.columns].filter(([, c]) => c.header === header).map(([f]) => f);
    expect(fields).toEqual([]);
  });

  it("gives a combined sheet's rows read as more of a one-project log's register the log's project", () => {
    const v = validate(
      sheet("Issues", [
        ["Project: Phoenix"],
        ["Issue ID", "Title", "Severity", "Owner", "Status", "Target Date"],
        ["I-01", "Printer broken", "Low", "Ed", "Open", serial("2026-11-01")],
      ]),
      sheet("RAID Log", [
        ["Type", "ID", "Description", "Probability", "Impact", "Owner", "Status", "Due Date"],
        ["Risk", "R1", "Vendor may deliver late", "High", "High", "Ann", "Open", serial("2026-11-01")],
        ["Issue", "I-02", "Data centre outage", "", "Critical", "Bob", "Open", serial("2026-11-01")],
      ]),
    );
    const continued = v.registers.issues!.rows.find((r) => r.values.issueId === "I-02");
    expect(continued?.values.projectId).toBe("Phoenix");
  });

  it("says which rows of a combined sheet were left unchecked, not that the sheet was", () => {
    const v = validate(
      sheet("Issues", [
        ["Issue ID", "Title", "Severity", "Owner", "Status", "Target Date"],
        ["1", "Printer broken", "Low", "Ed", "Open", serial("2026-11-01")],
        ["2", "Network slow", "Medium", "Fi", "Open", serial("2026-11-01")],
      ]),
      sheet("RAID Log", [
        ["Type", "ID", "Description", "Probability", "Impact", "Owner", "Status", "Due Date"],
        ["Risk", "1", "Vendor may deliver late", "High", "High", "Ann", "Open", serial("2026-11-01")],
        ["Issue", "2", "Server down", "", "High", "Bob", "Open", serial("2026-11-01")],
      ]),
    );
    expect(v.registers.risks!.sheet).toBe("RAID Log");
    expect(v.findings.filter((f) => f.code === "ambiguous-register").map((f) => f.message)).toEqual([
      "The Issues rows of 'RAID Log' were left unchecked: 'Issues' is read as the Issues register and shares keys with them, or they have none. Give them keys of their own, or remove them if they are copies.",
    ]);
  });
});
