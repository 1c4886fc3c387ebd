/**
 * Session 13's steps in recognising a PMO's own registers (issue 13), each learned from a held-out
 * set's miss and written so that it fails without the step.
 */
import { validateWorkbook } from "../../src/core/validate/validate-workbook";
import { serial, sheet, workbook } from "../helpers/grids";
import { asOf, projects, standard, validate } from "../helpers/recognise";

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

  it("reads an Azure Boards query of Risk work items as the risk log, though rated only by Priority", () => {
    const v = validate(
      projects,
      sheet("Export", [
        ["ID", "Work Item Type", "Title", "Assigned To", "State", "Priority", "Created Date", "Target Date"],
        [
          48211,
          "Risk",
          "Scheme mandate date may move",
          "Aroha",
          "Active",
          1,
          serial("2025-02-04"),
          serial("2025-06-30"),
        ],
        [
          48260,
          "Risk",
          "Vendor sandbox not available",
          "Daniel",
          "New",
          2,
          serial("2025-02-10"),
          serial("2025-06-15"),
        ],
        [
          48377,
          "Risk",
          "Consent flow fails accessibility audit",
          "Mere",
          "Active",
          2,
          serial("2025-02-24"),
          serial("2025-07-31"),
        ],
      ]),
    );
    expect(v.registers.risks?.sheet).toBe("Export");
    expect(v.registers.issues).toBeUndefined();
  });

  it("keeps a project list whose Category says what change each project is", () => {
    const v = validate(
      sheet("Pipeline", [
        [
          "Project ID",
          "Project Name",
          "Category",
          "Project Manager",
          "Start Date",
          "Finish Date",
          "Budget",
          "RAG",
        ],
        ["P1", "CRM", "Business Change", "Ann", serial("2025-01-06"), serial("2025-12-19"), 400000, "Green"],
        ["P2", "Network", "IT Change", "Bo", serial("2025-02-03"), serial("2025-10-31"), 250000, "Amber"],
        ["P3", "Payroll", "Business Change", "Cy", serial("2025-03-03"), serial("2026-03-27"), 610000, "Red"],
      ]),
    );
    expect(v.registers.projects?.sheet).toBe("Pipeline");
  });

  it("keeps an issue log named so, whose every Issue Type is a Request for Change", () => {
    const v = validate(
      projects,
      sheet("Issues Log - Phase 2", [
        ["Issue No.", "Issue Type", "Date Identified", "Description", "Priority", "Owner", "Status"],
        ["PI-001", "Request for Change", serial("2024-10-07"), "Extra bench run", "High", "Priya", "Open"],
        ["PI-002", "Request for Change", serial("2024-11-12"), "Move lab 2.14", "Medium", "Gareth", "Open"],
        [
          "PI-003",
          "Request for Change",
          serial("2025-01-09"),
          "Add fume cupboard",
          "High",
          "Priya",
          "Closed",
        ],
      ]),
    );
    expect(v.registers.issues?.sheet).toBe("Issues Log - Phase 2");
    expect(v.registers.changes).toBeUndefined();
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

  it("lends the file's name to none of several unnamed sheets", () => {
    const two = workbook(
      projects,
      sheet(
        "Sheet1",
        page.rows.map((row) => [...row]),
      ),
      sheet("Sheet2", [
        ["ID", "Description", "Owner", "Date Raised", "Need By", "Status", "Impact"],
        ["D1", "Data feed from HR", "Ann", serial("2025-01-06"), serial("2025-03-31"), "Open", "High"],
        ["D2", "Firewall change by IT", "Bo", serial("2025-01-20"), serial("2025-02-28"), "Closed", "Low"],
      ]),
    );
    const v = validateWorkbook(two, standard, asOf, { fileName: "change_request.xlsx" });
    expect(v.registers.changes).toBeUndefined();
  });

  it("reads the same sheet from a file named for no register as the issue log its headers suggest", () => {
    const v = withFile("export 2025-03-31.xlsx");
    expect(v.registers.changes).toBeUndefined();
    expect(v.registers.issues?.sheet).toBe("Page 1");
  });
});

describe("a sheet whose name mentions one register, its headers tying with another", () => {
  it('reads "Cross-team Dependencies", exported from Asana, as the dependency log, not an issue log', () => {
    const v = validate(
      projects,
      sheet("Cross-team Dependencies", [
        [
          "Task ID",
          "Created At",
          "Name",
          "Assignee",
          "Due Date",
          "Projects",
          "Requesting workstream",
          "Delivering workstream",
          "Dependency status",
          "Priority",
        ],
        [
          "1209431776502213",
          serial("2025-02-03"),
          "Ledger API v2 in staging",
          "Pieter",
          serial("2025-05-30"),
          "P1",
          "Card Settlement",
          "Core Ledger",
          "On track",
          "High",
        ],
        [
          "1209431776502288",
          serial("2025-02-03"),
          "Parser on new postings",
          "Sanne",
          serial("2025-06-20"),
          "P1",
          "Reconciliation",
          "Card Settlement",
          "At risk",
          "High",
        ],
        [
          "1209431776502301",
          serial("2025-02-10"),
          "Chart of accounts frozen",
          "Joris",
          serial("2025-04-30"),
          "P1",
          "Core Ledger",
          "Finance",
          "Done",
          "Medium",
        ],
      ]),
    );
    expect(v.registers.dependencies?.sheet).toBe("Cross-team Dependencies");
    expect(v.registers.issues).toBeUndefined();
  });
});

describe("a risk's response is what will be done, not the controls already in place", () => {
  const withResponse = (header: string) =>
    validate(
      projects,
      sheet("Risk Register", [
        [
          "Risk ID",
          "Project ID",
          "Risk Description",
          "Likelihood",
          "Impact",
          "Existing Controls",
          header,
          "Status",
        ],
        [
          "R1",
          "P1",
          "Volunteer shortage over summer",
          3,
          4,
          "Rota and reserve list kept by the coordinator",
          "Recruit through the university's volunteering fair",
          "Open",
        ],
        [
          "R2",
          "P1",
          "Grant income falls short",
          2,
          5,
          "Reserves policy of three months' costs",
          "Apply to two further trusts before March",
          "Open",
        ],
      ]),
    );

  it.each([
    ["Current Mitigation", "Contingency Plan"],
    ["Current Controls", "Contingency Plan"],
    ["Current Mitigation", "Fallback Plan"],
  ])("reads %s as the response, never the %s for when the risk happens", (mitigation, contingency) => {
    const v = validate(
      projects,
      sheet("Risk Register", [
        [
          "Risk ID",
          "Project ID",
          "Risk Description",
          "Likelihood",
          "Impact",
          mitigation,
          contingency,
          "Status",
        ],
        [
          "R1",
          "P1",
          "Supplier late",
          3,
          4,
          "Weekly calls with the supplier's delivery lead",
          "Lease servers from a second vendor",
          "Open",
        ],
        [
          "R2",
          "P1",
          "Key engineer leaves",
          2,
          5,
          "Pair the engineer with a second on each module",
          "Bring in the framework contractor",
          "Open",
        ],
      ]),
    );
    expect(v.registers.risks!.columns.get("response")?.header).not.toBe(contingency);
  });

  it.each(["Further Action Required", "Treatment Actions", "Mitigation"])(
    "reads %s as the response beside Existing Controls",
    (header) => {
      expect(withResponse(header).registers.risks!.columns.get("response")?.header).toBe(header);
    },
  );
});

describe("a second review of session 13's steps: sheets that must read as before", () => {
  it("reads an interlock tracker whose Type says what is handed over (Milestone) as the dependency log", () => {
    const v = validate(
      projects,
      sheet("Interlocks", [
        ["Programme Interlock Tracker"],
        ["Dependency ID", "Type", "Description", "Provider", "Consumer", "Need By Date", "Status", "Owner"],
        ["D1", "Milestone", "Data centre ready", "P1", "P1", serial("2025-03-31"), "Open", "Ann"],
        ["D2", "Milestone", "Test environment", "P1", "P1", serial("2025-04-30"), "Open", "Bo"],
        ["D3", "Milestone", "Payroll cutover", "P1", "P1", serial("2025-06-30"), "Closed", "Cy"],
      ]),
    );
    expect(v.registers.dependencies?.sheet).toBe("Interlocks");
    expect(v.registers.milestones).toBeUndefined();
  });

  it("reads a PRINCE2 issue register whose title and key say issues, though every type is a Request for Change", () => {
    const v = validate(
      projects,
      sheet("Phoenix", [
        ["Issue Register - Project Phoenix"],
        ["Issue ID", "Issue Type", "Date Raised", "Raised By", "Description", "Priority", "Status"],
        ["I1", "Request for Change", serial("2025-01-06"), "Ann", "Add a reporting screen", "High", "Open"],
        ["I2", "Request for Change", serial("2025-01-13"), "Bo", "Move go-live a week", "Medium", "Open"],
        ["I3", "Request for Change", serial("2025-01-20"), "Cy", "Drop the archive import", "Low", "Closed"],
      ]),
    );
    expect(v.registers.issues?.sheet).toBe("Phoenix");
    expect(v.registers.changes).toBeUndefined();
  });

  it('lends no register to a user\'s "Data" sheet from a file named for a change programme', () => {
    const v = validateWorkbook(
      workbook(
        sheet("Summary", [["Open issues", 2]]),
        sheet("Data", [
          ["ID", "Project ID", "Description", "Raised By", "Date Raised", "Owner", "Priority", "Status"],
          [
            "I1",
            "P1",
            "Supplier late with interface spec",
            "Ann",
            serial("2025-02-03"),
            "Bo",
            "High",
            "Open",
          ],
          ["I2", "P1", "Test data not anonymised", "Cy", serial("2025-02-10"), "Ann", "Medium", "Open"],
          ["I3", "P2", "Training room unavailable", "Bo", serial("2025-02-17"), "Cy", "Low", "Closed"],
        ]),
      ),
      standard,
      asOf,
      { fileName: "Business Change Portfolio 2025.xlsx" },
    );
    expect(v.registers.changes).toBeUndefined();
    expect(v.registers.issues?.sheet).toBe("Data");
  });

  it('reads a "Tracker" of gates beside the project list as its milestones', () => {
    const v = validate(
      projects,
      sheet("Tracker", [
        [
          "Project ID",
          "Project Name",
          "Project Manager",
          "Gate",
          "Baseline Date",
          "Forecast Date",
          "Status",
          "RAG",
        ],
        ["P1", "Alpha", "Ann", "Gate 3", serial("2025-06-30"), serial("2025-07-31"), "On Track", "Amber"],
        ["P1", "Alpha", "Ann", "Gate 4", serial("2025-10-31"), serial("2025-11-28"), "On Track", "Green"],
      ]),
    );
    expect(v.registers.milestones?.sheet).toBe("Tracker");
  });
});

describe("wording learned from sets 166-169", () => {
  it('reads no "Warranty Period End" as the date of the last update', () => {
    const v = validate(
      sheet("Portfolio", [
        ["Project ID", "Project Name", "Project Manager", "Start Date", "Warranty Period End", "Budget"],
        ["P1", "Alpha", "Ann", serial("2025-01-06"), serial("2027-03-31"), 900000],
        ["P2", "Beta", "Bo", serial("2025-02-03"), serial("2026-03-31"), 1200000],
      ]),
    );
    expect(v.registers.projects!.columns.get("lastUpdated")).toBeUndefined();
  });

  it('reads a template\'s "Positive/Negative" as the risk\'s type and a defect\'s "Detected date" as raised', () => {
    const v = validate(
      projects,
      sheet("Risk Register", [
        ["Risk ID", "Project ID", "Risk Description", "Positive/Negative", "Likelihood", "Impact", "Status"],
        ["R1", "P1", "Supplier discount on early order", "Positive", "Medium", "Low", "Open"],
        ["R2", "P1", "Key developer leaves", "Negative", "Low", "High", "Open"],
      ]),
      sheet("Defect Tracker", [
        ["Defect ID", "Project ID", "Summary", "Severity", "Detected date", "Status"],
        ["D1", "P1", "Login fails on Safari", "High", serial("2025-03-03"), "Open"],
        ["D2", "P1", "Export drops last row", "Medium", serial("2025-03-05"), "Closed"],
      ]),
    );
    expect(v.registers.risks!.columns.get("riskType")?.header).toBe("Positive/Negative");
    expect(v.registers.risks!.rows[0].values.riskType).toBe("Opportunity");
    expect(v.registers.issues!.columns.get("raised")?.header).toBe("Detected date");
  });
});

describe("a Notion export's linked records", () => {
  it('reads "Possible (https://www.notion.so/...)" as the rating Possible, and a linked project by its name', () => {
    const link = (name: string) =>
      `${name} (https://www.notion.so/${name.replace(/\W/g, "-")}-1b8e2c4d9f0a8112a0c4d7e6b5f3a902?pvs=21)`;
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Project Manager", "Budget"],
        ["Cloud PMS migration", "Cloud PMS migration", "Kev", 250000],
      ]),
      sheet("Risks", [
        ["ID", "Description", "Project", "Probability", "Impact", "Owner", "Status"],
        [
          "R-01",
          "Patient data not fully migrated",
          link("Cloud PMS migration"),
          link("Possible"),
          link("Severe"),
          "Kev",
          "Open",
        ],
        [
          "R-02",
          "Booking shows blocked slots",
          link("Cloud PMS migration"),
          link("Likely"),
          link("Moderate"),
          "Amira",
          "Open",
        ],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.rows[0].values.projectId).toBe("Cloud PMS migration");
    expect(risks.rows[0].values.probability).toBe(3);
    expect(risks.rows[1].values.impact).toBe(3);
  });
});

describe("a law firm's key dates", () => {
  it('reads a "Key Dates" sheet of steps and their ordered, revised and complied dates as the milestones', () => {
    const v = validate(
      sheet("Matters", [
        ["Matter No.", "Matter", "Partner", "Budget", "RAG"],
        ["M-1041", "Harcourt v Lyle", "Ann", 180000, "Amber"],
        ["M-1057", "Orbis v Tannery", "Bo", 95000, "Green"],
      ]),
      sheet("Key Dates", [
        ["Matter No.", "Step", "Orig. Date", "Revised Date", "Date Complied", "Status"],
        [
          "M-1041",
          "Disclosure",
          serial("2025-03-14"),
          serial("2025-04-11"),
          serial("2025-04-10"),
          "Complied",
        ],
        ["M-1041", "Witness statements", serial("2025-05-30"), serial("2025-06-27"), null, "Pending"],
        ["M-1057", "Expert reports", serial("2025-07-18"), null, null, "Pending"],
      ]),
    );
    expect(v.registers.milestones?.sheet).toBe("Key Dates");
    expect(v.registers.milestones!.columns.get("baselineDate")?.header).toBe("Orig. Date");
  });
});
