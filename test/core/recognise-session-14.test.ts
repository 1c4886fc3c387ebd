/**
 * Session 14's steps in recognising a PMO's own registers (issue 13), each learned from a held-out
 * set's miss and written so that it fails without the step.
 */
import { scoreHeaderRows } from "../../src/core/register/header";
import { validateWorkbook } from "../../src/core/validate/validate-workbook";
import { serial, sheet, workbook } from "../helpers/grids";
import { asOf, projects, standard, validate } from "../helpers/recognise";

/** A change log on its own sheet, with the project P1's changes. */
const validateLog = (header: string[], ...rows: unknown[][]) =>
  validate(projects, sheet("Change Log", [header, ...rows] as never));
const changeLog = (header: string[], ...rows: unknown[][]) => validateLog(header, ...rows).registers.changes!;

describe("a change's cost impact, apart from the budget after it", () => {
  it('reads "Cost Impact (£)" as the cost impact and "Revised Budget" as the new budget, each with its own figures', () => {
    const v = validateLog(
      ["CR ID", "Project ID", "Title", "Status", "Cost Impact (£)", "Revised Budget"],
      ["CR-1", "P1", "Add a loading bay", "Approved", 25000, 1025000],
      ["CR-2", "P1", "Drop the canopy", "Approved", -8000, 1017000],
    );
    const changes = v.registers.changes!;
    expect(changes.columns.get("costImpact")?.header).toBe("Cost Impact (£)");
    expect(changes.columns.get("newBudget")?.header).toBe("Revised Budget");
    expect(changes.rows.map((r) => r.values.costImpact)).toEqual([25000, -8000]);
    expect(changes.rows.map((r) => r.values.newBudget)).toEqual([1025000, 1017000]);
    // A saving is a negative impact, no error.
    expect(v.findings.filter((f) => f.sheet === "Change Log" && f.severity === "error")).toEqual([]);
  });

  it('reads "Revised Project Cost" as the new budget: a cost as revised is the budget after the change', () => {
    const changes = changeLog(
      ["Amend. No.", "Project ID", "Nature of Amendment", "Revised Project Cost", "Status"],
      ["A-1", "P1", "Cost increase after bid opening", 10925000, "Approved"],
      ["A-2", "P1", "Add a pump station", 3640000, "Approved"],
    );
    expect(changes.columns.get("newBudget")?.header).toBe("Revised Project Cost");
    expect(changes.columns.get("costImpact")).toBeUndefined();
  });

  it("reads a change log's one amount headed by a currency or a money word as its cost impact, not its running total", () => {
    const changes = changeLog(
      ["CO#", "Job no", "What changed", "Status", "Extra £", "Date agreed", "Running total £"],
      [1, "P1", "Add larder unit", "Approved", 1150, "2025-01-23", 1150],
      [2, "P1", "Replace two rotten cills", "Approved", 640, "2025-02-14", 1790],
    );
    expect(changes.columns.get("costImpact")?.header).toBe("Extra £");
  });

  it("takes the amount agreed over an estimate, unless the estimate is said as the cost impact", () => {
    const estimated = changeLog(
      ["Var No.", "Project ID", "Description", "Status", "Est. cost (£)", "Agreed cost (£)"],
      ["V1", "P1", "Move the font", "Approved", 2500, 2300],
      ["V2", "P1", "Extra lighting", "Approved", 2800, 2640],
    );
    expect(estimated.columns.get("costImpact")?.header).toBe("Agreed cost (£)");
    const impact = changeLog(
      ["CR No.", "Project ID", "Change Title", "Status", "Est. Cost Impact (SAR)", "Agreed Value (SAR)"],
      ["CR-7", "P1", "Additional rock excavation", "Approved", 9850000, 9400000],
      ["CR-8", "P1", "Re-route the culvert", "Submitted", 1200000, null],
    );
    expect(impact.columns.get("costImpact")?.header).toBe("Est. Cost Impact (SAR)");
  });

  it("leaves two unsettled amounts unread rather than guess which is the change's cost", () => {
    const changes = changeLog(
      ["CR No.", "Project ID", "Title", "Status", "Piece Price (USD)", "Tooling (USD)"],
      ["CR-1", "P1", "New bracket", "Approved", 2.4, 48500],
      ["CR-2", "P1", "Thicker gauge", "Approved", 0.8, 12000],
    );
    expect(changes.columns.get("costImpact")).toBeUndefined();
  });
});

describe("logs the standard does not read", () => {
  it("leaves a decision log alone, though its decision, decider and cost impact sound like a change log's", () => {
    const v = validate(
      projects,
      sheet("Decision Log", [
        [
          "Decision ID",
          "Date",
          "Decision",
          "Rationale / Options Considered",
          "Decided By",
          "Forum",
          "Related RAID",
          "Impact on Scope / Cost",
        ],
        [
          "DEC-009",
          "2024-09-20",
          "Selective data transition",
          "Full history rejected",
          "SteerCo",
          "SteerCo",
          "R-014",
          "None",
        ],
        [
          "DEC-011",
          "2024-10-17",
          "Use Group Reporting",
          "Standard preferred",
          "CFO",
          "SteerCo",
          "I-024",
          "CR-012 (+22 PD)",
        ],
        [
          "DEC-014",
          "2024-11-28",
          "Stock room management for Release 1",
          "Protects go-live",
          "Design Authority",
          "DA",
          null,
          "Scope reduction",
        ],
      ]),
    );
    expect(v.registers.changes).toBeUndefined();
  });
});

describe("headers as software writes them", () => {
  it('takes "CR Title", the title under the log\'s own word, over a "Description"', () => {
    const changes = changeLog(
      ["CR ID", "CR Title", "Project ID", "Status", "Description"],
      [
        "CR-014",
        "Add CPQ discount approvals",
        "P1",
        "Approved",
        "Sales asked for a second approval step on discounts over 20 %",
      ],
      [
        "CR-015",
        "Partner portal SSO",
        "P1",
        "Submitted",
        "Partners sign in with their own identity provider",
      ],
    );
    expect(changes.columns.get("title")?.header).toBe("CR Title");
  });

  it('reads a Google Form\'s "Form Responses 1" by its file\'s name, its "Timestamp" as when each was raised', () => {
    const responses = sheet("Form Responses 1", [
      ["Timestamp", "Email Address", "Project ID", "Title", "State"],
      [serial("2025-03-04"), "a.lee@example.edu", "P1", "Move the card readers to the new door", "Approved"],
      [serial("2025-03-11"), "j.ortiz@example.edu", "P1", "Second network drop in the lab", "Denied"],
    ]);
    const v = validateWorkbook(workbook(projects, responses), standard, asOf, {
      fileName: "Engineering Change Request (Responses).xlsx",
    });
    expect(v.registers.changes?.sheet).toBe("Form Responses 1");
    expect(v.registers.changes!.columns.get("raisedDate")?.header).toBe("Timestamp");
  });
});

describe("words of small trackers, Indian progress reports, capex trackers and planners", () => {
  it('reads "Cumulative Expenditure (Rs. in lakh)" as the actual cost, in lakhs of rupees', () => {
    const v = validate(
      sheet("Progress", [
        [
          "Project Code",
          "Name of Project",
          "Sanctioned Cost (Rs. in lakh)",
          "Cumulative Expenditure (Rs. in lakh)",
          "Date of Start of Work",
          "Scheduled Date of Completion",
        ],
        ["DIDF-01", "Milk chilling centre", 1250, 830.5, "12.04.2024", "31.03.2026"],
        ["DIDF-02", "Powder plant upgrade", 4200, 1210, "01.06.2024", "30.09.2026"],
      ]),
    );
    const ac = v.registers.projects!.columns.get("ac");
    expect(ac?.header).toBe("Cumulative Expenditure (Rs. in lakh)");
    expect(v.registers.projects!.rows[0].values.ac).toBe(83050000);
  });

  it('reads "Approved $" as the budget, though money committed and a variance to it stand beside it', () => {
    const v = validate(
      sheet("Project Status", [
        [
          "Proj #",
          "Project Description",
          "Project Mgr",
          "Phase",
          "Approved $",
          "Committed $",
          "Spent to Date $",
          "Var to Approved $",
          "Status",
        ],
        ["C-101", "Line 3 fryer", "Ann", "Execute", 2400000, 2300000, 1100000, -50000, "Green"],
        ["C-102", "Cold store racking", "Bo", "Plan", 850000, 400000, 90000, 0, "Amber"],
      ]),
    );
    expect(v.registers.projects!.columns.get("bac")?.header).toBe("Approved $");
  });

  it('reads a Planner export\'s "Task Name" as the milestone, not its "Description"', () => {
    const v = validate(
      projects,
      sheet("Milestones", [
        ["Task ID", "Task Name", "Project ID", "Due Date", "Completed Date", "Description"],
        ["T1", "Network cutover", "P1", "2026-02-27", null, "Move the branch offices onto the new WAN"],
        ["T2", "Go-live", "P1", "2026-04-01", null, "All users on the new system"],
      ]),
    );
    expect(v.registers.milestones!.columns.get("milestone")?.header).toBe("Task Name");
  });

  it("reads \"What we're doing about it\" as a risk's response", () => {
    const v = validate(
      projects,
      sheet("Risks", [
        [
          "No.",
          "Project ID",
          "What could go wrong",
          "Likelihood",
          "Impact",
          "What we're doing about it",
          "Who",
        ],
        [1, "P1", "Grant not awarded", "Medium", "High", "Apply to two funders", "Sue"],
        [2, "P1", "Roof survey finds asbestos", "Low", "High", "Budget for removal", "Tom"],
      ]),
    );
    expect(v.registers.risks!.columns.get("response")?.header).toBe("What we're doing about it");
  });
});

describe("a 5x5 matrix's cell written out", () => {
  it('reads "L x C" holding "3x4" as the score 12: likelihood by consequence', () => {
    const v = validate(
      projects,
      sheet("Risk List", [
        ["Risk ID", "Project ID", "Title", "L", "C", "L x C", "Status"],
        ["R1", "P1", "Star tracker late", 3, 4, "3x4", "Open"],
        ["R2", "P1", "Thermal margin", 4, 4, "4 x 4", "Open"],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.columns.get("score")?.header).toBe("L x C");
    expect(risks.rows.map((r) => r.values.score)).toEqual([12, 16]);
  });
});

describe("review", () => {
  it("never reads the budget before a change, or a figure of hours or a score, as its cost impact", () => {
    const before = changeLog(
      ["CR ID", "Project ID", "Title", "Status", "Original Budget (£)", "Revised Budget (£)"],
      ["CR-1", "P1", "Add a loading bay", "Approved", 1000000, 1025000],
      ["CR-2", "P1", "Drop the canopy", "Approved", 1025000, 1017000],
    );
    expect(before.columns.get("costImpact")).toBeUndefined();
    expect(before.columns.get("newBudget")?.header).toBe("Revised Budget (£)");
    const hours = changeLog(
      ["CR ID", "Project ID", "Title", "Status", "Cost (hours)", "Business Value"],
      ["CR-1", "P1", "Add a report", "Approved", 40, 3],
      ["CR-2", "P1", "New export", "Submitted", 16, 5],
    );
    expect(hours.columns.get("costImpact")).toBeUndefined();
  });

  it('leaves a "Requested Cost" unread: a requested cost may be the change\'s own, not the budget after it', () => {
    const changes = changeLog(
      ["CR ID", "Project ID", "Title", "Status", "Requested Cost"],
      ["CR-1", "P1", "Add a report", "Submitted", 4000],
      ["CR-2", "P1", "New export", "Submitted", 1600],
    );
    expect(changes.columns.get("newBudget")).toBeUndefined();
  });

  it('keeps a risk\'s "State" as its status beside an "Action Status" on its left', () => {
    const v = validate(
      projects,
      sheet("Risks", [
        ["Risk ID", "Project ID", "Title", "Likelihood", "Impact", "Action Status", "State"],
        ["R1", "P1", "Supplier late", "High", "High", "In Progress", "Open"],
        ["R2", "P1", "Key engineer leaves", "Low", "High", "Complete", "Closed"],
      ]),
    );
    expect(v.registers.risks!.columns.get("status")?.header).toBe("State");
  });

  it('reads a form\'s own "Date identified" as when a risk was raised, not the "Timestamp" it was sent at', () => {
    const v = validate(
      projects,
      sheet("Risks", [
        ["Timestamp", "Risk ID", "Project ID", "Title", "Likelihood", "Impact", "Date identified", "Status"],
        ["2025-03-04", "R1", "P1", "Supplier late", "High", "High", "2025-02-20", "Open"],
        ["2025-03-05", "R2", "P1", "Key engineer leaves", "Low", "High", "2025-03-01", "Open"],
      ]),
    );
    expect(v.registers.risks!.columns.get("raised")?.header).toBe("Date identified");
  });

  it('reads no money figure from a "Committed Cost": orders placed are no budget', () => {
    const v = validate(
      sheet("Project Status", [
        ["Proj #", "Project Description", "Project Mgr", "Phase", "Approved $", "Committed Cost", "Status"],
        ["C-101", "Line 3 fryer", "Ann", "Execute", 2400000, 2300000, "Green"],
        ["C-102", "Cold store racking", "Bo", "Plan", 850000, 400000, "Amber"],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("bac")?.header).toBe("Approved $");
    expect([...columns.values()].map((c) => c.header)).not.toContain("Committed Cost");
  });

  it('counts a change log\'s "CAB Decision Date" for it, but no register\'s column in a "Decision ID"', () => {
    const fields = (header: string[]) =>
      scoreHeaderRows(sheet("Log", [header]), standard.registers.changes!, 5).flatMap((r) => [...r.fields]);
    expect(fields(["Ref", "Title", "CAB Decision Date"])).toContain("decisionDate");
    expect(fields(["Decision ID", "Title", "Status"])).not.toContain("changeId");
  });

  it('reads an "Agreed Value" beside an estimate as the cost impact: a value settled is money', () => {
    const changes = changeLog(
      ["CR No.", "Project ID", "Change Title", "Status", "Est. Amount", "Agreed Value"],
      ["CR-7", "P1", "Additional rock excavation", "Approved", 9850000, 9400000],
      ["CR-8", "P1", "Re-route the culvert", "Approved", 1200000, 1150000],
    );
    expect(changes.columns.get("costImpact")?.header).toBe("Agreed Value");
  });
});
