/**
 * Session 13's steps in recognising a PMO's own registers (issue 13), each learned from a held-out
 * set's miss and written so that it fails without the step.
 */
import { defaultStandard } from "../../src/core/standard/load";
import { validateWorkbook } from "../../src/core/validate/validate-workbook";
import { day, serial, sheet, workbook } from "../helpers/grids";

const standard = defaultStandard();
const asOf = day("2026-10-30");
const validate = (...sheets: ReturnType<typeof sheet>[]) =>
  validateWorkbook(workbook(...sheets), standard, asOf);
const projects = sheet("Projects", [
  ["Project ID", "Project Name", "Project Manager", "Budget"],
  ["P1", "Alpha", "Ann", 1000000],
]);

describe("abbreviations and words of defence, telecoms and housing registers", () => {
  it('reads "ECP Nr" as the change ID: an engineering change proposal, numbered', () => {
    const v = validate(
      projects,
      sheet("ECP Log", [
        ["ECP Nr", "Project ID", "Title", "Status", "Date Raised"],
        ["ECP-0412", "P1", "Replace radar power supply", "Approved", serial("2025-02-11")],
        ["ECP-0419", "P1", "Add crypto module", "Under review", serial("2025-03-02")],
      ]),
    );
    expect(v.registers.changes!.columns.get("changeId")?.header).toBe("ECP Nr");
  });

  it('reads a risk\'s "Handling Option" as its response, and "Scheme" as its project', () => {
    const v = validate(
      projects,
      sheet("Risk Register", [
        ["Risk ID", "Scheme", "Risk Description", "Likelihood", "Impact", "Handling Option", "Status"],
        ["R1", "P1", "Ground conditions worse than survey", "High", "High", "Mitigate", "Open"],
        ["R2", "P1", "Utility diversions late", "Medium", "High", "Transfer", "Open"],
      ]),
    );
    const columns = v.registers.risks!.columns;
    expect(columns.get("response")?.header).toBe("Handling Option");
    expect(columns.get("projectId")?.header).toBe("Scheme");
  });

  it('reads "Ant. Comp." as the forecast finish, "Original Comp. Date" as the baseline, "% Comp" as the share done', () => {
    const v = validate(
      sheet("Progress", [
        ["Project ID", "Scheme Name", "Original Comp. Date", "Ant. Comp.", "% Comp", "Budget", "RAG"],
        ["S1", "Eastfield Road", serial("2025-06-30"), serial("2025-09-30"), 0.4, 2400000, "Amber"],
        ["S2", "Mill Lane", serial("2025-11-28"), serial("2025-11-28"), 0.7, 3100000, "Green"],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("baselineFinish")?.header).toBe("Original Comp. Date");
    expect(columns.get("forecastFinish")?.header).toBe("Ant. Comp.");
    expect(columns.get("percentComplete")?.header).toBe("% Comp");
  });

  it('reads a network build\'s "Actual RFS" (ready for service) as its actual finish', () => {
    const v = validate(
      sheet("Build Tracker", [
        ["Project ID", "Project Name", "Planned RFS", "Actual RFS", "Budget", "RAG"],
        ["B1", "Lot 22 Phase 1", serial("2025-03-31"), serial("2025-04-14"), 900000, "Green"],
        ["B2", "Lot 22 Phase 2", serial("2025-09-30"), null, 1200000, "Amber"],
      ]),
    );
    expect(v.registers.projects!.columns.get("actualFinish")?.header).toBe("Actual RFS");
  });
});

describe("registers exported from work-management tools", () => {
  const jira = (type: string) =>
    sheet("Export", [
      [
        "Issue Type",
        "Issue key",
        "Summary",
        "Priority",
        "Status",
        "Assignee",
        "Created",
        "Due date",
        "Custom field (Likelihood)",
        "Custom field (Impact)",
      ],
      [
        type,
        "PLT-14",
        "Cluster upgrade slips",
        "Major",
        "Open",
        "Lena",
        serial("2025-01-07"),
        serial("2025-06-30"),
        "Likely",
        "Major",
      ],
      [
        type,
        "PLT-15",
        "Vendor access not revoked",
        "Critical",
        "Open",
        "Jonas",
        serial("2025-01-21"),
        serial("2025-06-15"),
        "Possible",
        "Severe",
      ],
      [
        type,
        "PLT-19",
        "Single interconnect",
        "Major",
        "Monitor",
        "Tobias",
        serial("2025-02-03"),
        serial("2025-09-30"),
        "Unlikely",
        "Severe",
      ],
    ]);

  it("reads a Jira export whose every row is a Risk as the risk log, its custom fields by their names", () => {
    const v = validate(projects, jira("GRC_Risk"));
    expect(v.registers.risks?.sheet).toBe("Export");
    expect(v.registers.issues).toBeUndefined();
    const columns = v.registers.risks!.columns;
    expect(columns.get("probability")?.header).toBe("Custom field (Likelihood)");
    expect(columns.get("impact")?.header).toBe("Custom field (Impact)");
  });

  it("keeps a PRINCE2 issue log whole: its Issue Types (Request for Change, Off-Specification) are issues", () => {
    const v = validate(
      projects,
      sheet("Issue Log", [
        ["Issue No.", "Issue Type", "Date Identified", "Description", "Priority", "Owner", "Status"],
        ["PI-001", "General issue", serial("2024-10-07"), "Drawings inaccurate", "High", "Priya", "Closed"],
        ["PI-002", "Request for Change", serial("2024-11-12"), "Extra bench run", "Medium", "Gareth", "Open"],
        ["PI-003", "Off-Specification", serial("2025-01-09"), "Fire-stopping", "High", "Priya", "Open"],
      ]),
    );
    expect(v.registers.changes).toBeUndefined();
    expect(v.registers.issues?.sheet).toBe("Issue Log");
  });
});

describe("a sheet a program left unnamed takes its register from the file's name", () => {
  // Set 135's ServiceNow export of project change requests, as its CAB meets.
  const page = sheet("Page 1", [
    [
      "Number",
      "Title",
      "Parent",
      "State",
      "Approval",
      "Priority",
      "Estimated Cost",
      "Revised end date",
      "Due date",
      "Assigned to",
      "Created",
    ],
    [
      "PRJCHG0001204",
      "Add cross-dock module",
      "P1",
      "Work in Progress",
      "Requested",
      "2 - High",
      145000,
      serial("2025-10-31"),
      serial("2025-04-18"),
      "Graham",
      serial("2025-03-04"),
    ],
    [
      "PRJCHG0001209",
      "Extend SAP cutover",
      "P1",
      "Open",
      "Not Yet Requested",
      "1 - Critical",
      310000,
      serial("2026-02-27"),
      serial("2025-04-25"),
      "Chen",
      serial("2025-03-18"),
    ],
    [
      "PRJCHG0001215",
      "Drop legacy printing",
      "P1",
      "Closed",
      "Approved",
      "3 - Moderate",
      12000,
      serial("2025-09-30"),
      serial("2025-05-02"),
      "Ann",
      serial("2025-03-20"),
    ],
  ]);
  const withFile = (fileName: string) =>
    validateWorkbook(workbook(projects, page), standard, asOf, { fileName });

  it('reads ServiceNow\'s "Page 1" of change_request.xlsx as the change log', () => {
    expect(withFile("change_request.xlsx").registers.changes?.sheet).toBe("Page 1");
  });

  it("reads the same sheet from a file named for no register as the issue log its headers suggest", () => {
    const v = withFile("export 2025-03-31.xlsx");
    expect(v.registers.changes).toBeUndefined();
    expect(v.registers.issues?.sheet).toBe("Page 1");
  });
});
