/**
 * Concept words: headers no synonym names, recognised from the words they are made of, and
 * left alone when their words name no column or two columns equally.
 */
import { conceptColumn, nameMentions } from "../../src/core/register/concept-words";
import { registerWords } from "../../src/core/register/header";
import { defaultStandard } from "../../src/core/standard/load";
import { validateWorkbook } from "../../src/core/validate/validate-workbook";
import { day, sheet, workbook } from "../helpers/grids";

const standard = defaultStandard();
const fieldOf = (register: string, header: string) => {
  const spec = standard.registers[register];
  return conceptColumn(spec, header, registerWords(spec))?.field ?? null;
};

describe("a header's concept words", () => {
  it.each<[string, string, string]>([
    ["risks", "Chance of Occurring", "probability"],
    ["risks", "Responsible Manager", "owner"],
    ["risks", "Action Due", "dueDate"],
    ["risks", "Treatment Strategies", "response"],
    ["issues", "Date First Reported", "raised"],
    ["milestones", "Revised Gate Date", "forecastDate"],
    ["milestones", "Original Gate Date", "baselineDate"],
    ["dependencies", "Needed By Date", "needBy"],
    ["projects", "Planned Go-Live", "baselineFinish"],
    ["projects", "Go-Live (Forecast)", "forecastFinish"],
    ["milestones", "Due (Current)", "forecastDate"],
    ["milestones", "Delivered On", "actualDate"],
    // An end is a date, never the share complete its "Completion" synonym names.
    ["projects", "Project End", "baselineFinish"],
    ["projects", "execution_end", "baselineFinish"],
    ["projects", "Completion_Percent", "percentComplete"],
    ["projects", "Lead Branch", "portfolio"],
    // The work's progress, beside the money's; an NEC contract's early warnings are its risks.
    ["projects", "Physical Progress (%)", "percentComplete"],
    ["risks", "Early Warning Matter", "title"],
    ["risks", "Early Warning No.", "riskId"],
    // A milestone plan's "Release Date" is the entry's own date.
    ["milestones", "Release date", "baselineDate"],
    ["milestones", "Gate Date", "baselineDate"],
    ["projects", "Actuals ITD", "ac"],
    ["changes", "Date Rec'd", "raisedDate"],
    ["changes", "Amendment No.", "changeId"],
    ["changes", "contractingProcesses/0/summary/modifications/0/id", "changeId"],
    ["projects", "Contract Effective", "startDate"],
    ["projects", "Expended to Date", "ac"],
    ["dependencies", "Receiving Workstream", "fromProject"],
    ["projects", "Planned Closing Date", "baselineFinish"],
    ["projects", "Disbursed to Date", "ac"],
    ["projects", "Expenditure to 30 Jun 25 ($m)", "ac"],
    ["projects", "Project Director", "manager"],
    ["projects", "Funder Award (£)", "bac"],
    ["projects", "Budgeted fee (£)", "bac"],
    ["projects", "Certified to Date", "ac"],
    ["projects", "Incurred to Date", "ac"],
    ["projects", "Close Date", "baselineFinish"],
    ["projects", "Last Reviewed", "lastUpdated"],
    ["dependencies", "Consumer", "fromProject"],
    ["risks", "Mitigation Strategy Owner", "owner"],
    ["projects", "Completed", "actualFinish"],
    ["dependencies", "Producer", "toProject"],
    ["dependencies", "Requesting Party", "fromProject"],
    ["dependencies", "Responding Party", "toProject"],
    // A header starting with "Project" in another register is about the project, not the entry.
    ["changes", "Project Title", "projectId"],
    // Spending approved is the budget; a share is never a date.
    ["projects", "Outlay Approved", "bac"],
    ["projects", "Sanctioned Expenditure", "bac"],
    ["projects", "Completion Percentage", "percentComplete"],
    ["projects", "Adopted Completion", "baselineFinish"],
    ["projects", "Initial End Date", "baselineFinish"],
    ["risks", "Risk Management Measures", "response"],
    // Plain words: what a thing is to be done by is its date; who deals with it, its owner.
    ["issues", "Check by", "targetDate"],
    ["issues", "Sort by", "targetDate"],
    ["issues", "Required By", "targetDate"],
    ["risks", "Check by", "dueDate"],
    ["issues", "Who's dealing", "owner"],
    ["projects", "Finish - now", "forecastFinish"],
    ["changes", "Job #", "projectId"],
    ["changes", "PCB Meeting", "decisionDate"],
    ["projects", "Approved Capex (US$M)", "bac"],
    ["projects", "AFE Gross ($000)", "bac"],
    ["projects", "Modify Date", "lastUpdated"],
    ["issues", "Noticed", "raised"],
    ["issues", "Req'd By", "targetDate"],
    ["dependencies", "Team Provided", "toProject"],
    ["projects", "Est. End (as sold)", "baselineFinish"],
    ["projects", "SOW Value", "bac"],
    ["issues", "Create Date", "raised"],
    ["projects", "Target Opening", "baselineFinish"],
    ["changes", "Revised Opening Date", "newBaselineFinish"],
    ["milestones", "Rescheduled Date", "forecastDate"],
    ["milestones", "Reprogrammed Date", "forecastDate"],
    ["projects", "Extended Time for Completion", "forecastFinish"],
    ["changes", "Date of Proposal", "raisedDate"],
    ["projects", "Tracking", "reportedRag"],
    ["risks", "N°", "riskId"],
    ["risks", "Creation date", "raised"],
    ["issues", "Originated Date", "raised"],
    ["projects", "Forecasted Completion", "forecastFinish"],
    ["projects", "Act Finish", "actualFinish"],
    ["changes", "Revised ISD", "newBaselineFinish"],
    ["changes", "MOC No.", "changeId"],
    ["issues", "Deviation No.", "issueId"],
    ["issues", "NCR No.", "issueId"],
    ["assumptions", "Action Party", "owner"],
    ["risks", "Risk approach", "response"],
    ["issues", "NeedByDate", "targetDate"],
    ["projects", "Exp. to Date (€)", "ac"],
    ["projects", "This Wk RAG", "reportedRag"],
    ["risks", "PIC", "owner"],
    ["projects", "TDC (US$m)", "bac"],
    ["changes", "CO#", "changeId"],
    ["changes", "Date asked", "raisedDate"],
    ["risks", "By when", "dueDate"],
    ["risks", "What", "title"],
    ["changes", "What changed", "title"],
    ["projects", "Spent so far £", "ac"],
    ["milestones", "Sched.", "baselineDate"],
    ["projects", "Planned %", "plannedPercentComplete"],
    ["projects", "Actual %", "percentComplete"],
    ["projects", "Act. POC %", "percentComplete"],
    ["milestones", "Date Moved To", "forecastDate"],
    ["issues", "Key Issue", "title"],
    ["projects", "Agreed Finish", "baselineFinish"],
    ["changes", "Date Received", "raisedDate"],
  ])("in the %s register, %s is %s", (register, header, field) => {
    expect(fieldOf(register, header)).toBe(field);
  });

  it.each<[string, string]>([
    ["risks", "Cause"],
    ["risks", "Comments"],
    ["issues", "Lessons Learned"],
    ["projects", "Notes on the Budget Approval Process"],
    // A person qualified by words that name no column is someone else's role.
    ["projects", "Benefits Realisation Owner"],
    ["projects", "Fee Earned"],
    ["projects", "Budget Earned"],
    // Who approved it is a person, not a date it is needed by.
    ["dependencies", "Approved By"],
    ["milestones", "Reviewed By"],
    // Who raised, requested or decided it is neither the owner nor a date.
    ["risks", "Raised by"],
    ["issues", "Identified By"],
    ["changes", "Requested by"],
    ["changes", "Decided by"],
    // Money's progress is no % complete; a year's actuals no cost to date; a benefit's owner no manager.
    ["projects", "Financial Progress (%)"],
    ["projects", "Actuals YTD"],
    ["projects", "Benefit Owner"],
    ["risks", "Benefit Owner"],
    // An end of validity is no start; an expert on a subject is no title.
    ["projects", "Effective Until"],
    ["risks", "Subject Matter Expert"],
    // A project's start and finish are two dates: "Project Date" is neither.
    ["projects", "Project Date"],
    // A number or a "Key" is no milestone's name; a share is never a date.
    ["milestones", "No."],
    ["milestones", "#"],
    ["milestones", "Actual Progress (%)"],
    ["projects", "Total Commitment"],
  ])("in the %s register, %s names nothing", (register, header) => {
    expect(fieldOf(register, header)).toBeNull();
  });
});

describe("a column named by concept words", () => {
  it("is read when its values fit, and left unread when they do not", () => {
    const v = validateWorkbook(
      workbook(
        sheet("Risks", [
          ["Risk ID", "Project ID", "Title", "Chance of Occurring", "Impact", "Revised Review Day"],
          ["R1", "P1", "Late steel", "High", "Medium", "soon"],
          ["R2", "P1", "Strike", "Low", "High", "later"],
        ]),
      ),
      standard,
      day("2026-10-30"),
    );
    const risks = v.registers.risks!;
    expect(risks.columns.get("probability")?.header).toBe("Chance of Occurring");
    // "Revised Review Day" would be a due date by its words, but its values are not dates.
    expect(fieldOf("risks", "Revised Review Day")).toBe("dueDate");
    expect(risks.columns.get("dueDate")).toBeUndefined();
  });
});

describe("two headers named by concept words as one column", () => {
  it("are neither read, since either could be wrong", () => {
    const v = validateWorkbook(
      workbook(
        sheet("Projects", [
          ["Project ID", "Project Name", "Delivery Owner", "Programme Manager"],
          ["P1", "Alpha", "CFO", "Ann"],
        ]),
      ),
      standard,
      day("2026-10-30"),
    );
    expect(fieldOf("projects", "Delivery Owner")).toBe("manager");
    expect(fieldOf("projects", "Programme Manager")).toBe("manager");
    expect(v.registers.projects!.columns.get("manager")).toBeUndefined();
  });
});

describe("a sheet named with a word meaning the register's", () => {
  it.each<[string, string, boolean]>([
    ["Site Concerns", "Issues", true],
    ["Stage Gates", "Milestones", true],
    ["Threats & Opportunities", "Risks", true],
    ["YT deps", "Dependencies", true],
    ["Risks and Blockers", "Issues", true],
    ["Lookup Lists", "Issues", false],
    ["Concerns", "Risks", false],
  ])("%s mentions the %s register: %s", (sheetName, register, mentioned) => {
    expect(nameMentions(sheetName, register)).toBe(mentioned);
  });

  it("is read as the register when its headers agree, and says it was guessed", () => {
    const v = validateWorkbook(
      workbook(
        sheet("Open Concerns", [
          ["Concern #", "Project", "Date Logged", "Concern", "Priority", "Responsible Party", "Status"],
          ["C1", "P1", day("2026-09-01"), "Scaffold tie missing", "High", "Scaffolder", "Open"],
        ]),
      ),
      standard,
      day("2026-10-30"),
    );
    const issues = v.registers.issues!;
    expect(issues.sheet).toBe("Open Concerns");
    expect(issues.columns.get("issueId")?.header).toBe("Concern #");
    expect(issues.columns.get("owner")?.header).toBe("Responsible Party");
    expect(v.findings.map((f) => f.code)).toContain("register-guessed");
  });
});

describe("a header's second concept", () => {
  it("is read when its first concept's values do not fit, and loses to a header that names the column first", () => {
    const v = validateWorkbook(
      workbook(
        sheet("Risks", [
          ["Risk ID", "Project ID", "Description and Impact", "Probability", "Impact", "Status"],
          ["R1", "P1", "Vendor late: go-live slips", 3, 4, "Open"],
          ["R2", "P1", "Strike: site closed", 2, 5, "Open"],
        ]),
      ),
      standard,
      day("2026-10-30"),
    );
    const risks = v.registers.risks!;
    expect(risks.columns.get("title")?.header).toBe("Description and Impact");
    expect(risks.columns.get("impact")?.header).toBe("Impact");
  });
});

describe("two ID-like headers named only by concept words", () => {
  it("make the key the leftmost whose values are all there and distinct", () => {
    const v = validateWorkbook(
      workbook(
        sheet("EW Register", [
          ["EW No.", "Project ID", "Title", "Probability", "Impact", "CE Ref", "Status"],
          ["EW-01", "P1", "Ground worse than expected", 3, 4, "CE-7", "Open"],
          ["EW-02", "P1", "Late design", 2, 3, null, "Open"],
          ["EW-03", "P1", "Access restricted", 2, 2, "CE-7", "Closed"],
        ]),
      ),
      standard,
      day("2026-10-30"),
    );
    expect(v.registers.risks!.columns.get("riskId")?.header).toBe("EW No.");
  });

  it("leave the key unread when neither column is complete and distinct", () => {
    const v = validateWorkbook(
      workbook(
        sheet("EW Register", [
          ["EW No.", "Project ID", "Title", "Probability", "Impact", "CE Ref", "Status"],
          ["EW-01", "P1", "Ground worse than expected", 3, 4, "CE-7", "Open"],
          ["EW-01", "P1", "Late design", 2, 3, null, "Open"],
        ]),
      ),
      standard,
      day("2026-10-30"),
    );
    expect(v.registers.risks!.columns.get("riskId")).toBeUndefined();
  });
});

describe("a Status header holding lifecycle words", () => {
  it("is read as the stage, not the RAG", () => {
    const v = validateWorkbook(
      workbook(
        sheet("Active Portfolio", [
          [
            "Project Code",
            "Project Title",
            "Status",
            "Start Date",
            "Original Completion Date",
            "Budget",
            "Actual Cost",
          ],
          ["P-1", "Roads", "Implementation", day("2022-01-01"), day("2026-06-30"), 100, 40],
          ["P-2", "Water", "Completion", day("2020-01-01"), day("2025-06-30"), 80, 79],
          ["P-3", "Power", "Approved", day("2025-09-01"), day("2029-06-30"), 120, 0],
        ]),
      ),
      standard,
      day("2026-10-30"),
    );
    const projects = v.registers.projects!;
    expect(projects.columns.get("stage")?.header).toBe("Status");
    expect(projects.columns.get("reportedRag")).toBeUndefined();
    expect(projects.rows.map((r) => r.values.stage)).toEqual(["Execute", "Close", "Plan"]);
  });
});
