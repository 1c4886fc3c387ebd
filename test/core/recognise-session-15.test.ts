/**
 * Session 15's steps in recognising a PMO's own registers (issue 13), each learned from a held-out
 * set's miss and written so that it fails without the step.
 */
import { serial, sheet } from "../helpers/grids";
import { projects, validate } from "../helpers/recognise";

describe("a dependency's two sides, named by what the programme is grouped by", () => {
  it('reads "Needed by WS" as the side that needs it and "Interfacing Party" as the side that gives it', () => {
    const v = validate(
      projects,
      sheet("Dependencies", [
        ["Dep ID", "Needed by WS", "Interfacing Party", "What is needed", "Need By", "Status"],
        ["D-1", "P1", "Network operator", "Grid connection offer", serial("2025-06-30"), "Open"],
        ["D-2", "P1", "County highways", "Road closure permit", serial("2025-08-15"), "Closed"],
      ]),
    );
    const deps = v.registers.dependencies!;
    expect(deps.columns.get("fromProject")?.header).toBe("Needed by WS");
    expect(deps.columns.get("toProject")?.header).toBe("Interfacing Party");
  });

  it('reads "Giving Workstream" as the provider and a "Counterparty" as the other side', () => {
    const giving = validate(
      projects,
      sheet("Interdependencies", [
        ["Ref", "Receiving Workstream", "Giving Workstream", "Description", "Need By", "Status"],
        ["ID-1", "P1", "HR", "Org charts for Day 1", serial("2025-09-01"), "Open"],
        ["ID-2", "P1", "IT", "Email domain cutover", serial("2025-09-15"), "Open"],
      ]),
    ).registers.dependencies!;
    expect(giving.columns.get("toProject")?.header).toBe("Giving Workstream");
    const counterparty = validate(
      projects,
      sheet("Dependencies", [
        ["Dep ID", "Project", "Counterparty", "Description", "Status"],
        ["D-1", "P1", "Acquiring bank", "Settlement file format", "Open"],
        ["D-2", "P1", "Card scheme", "Scheme certification", "Open"],
      ]),
    ).registers.dependencies!;
    expect(counterparty.columns.get("toProject")?.header).toBe("Counterparty");
  });

  it('leaves an issue log\'s "Area" or "Package" alone: only a register joining two projects reads a grouping as one', () => {
    const v = validate(
      projects,
      sheet("Issue Log", [
        ["Issue ID", "Area", "Package", "Issue", "Priority", "Owner", "Status"],
        ["I-1", "Finance", "Lot 2", "Supplier invoices on hold", "High", "Ann", "Open"],
        ["I-2", "HR", "Lot 1", "Payroll test failed", "Medium", "Bob", "Open"],
      ]),
    );
    const issues = v.registers.issues!;
    expect(issues.columns.get("projectId")).toBeUndefined();
  });
});

describe("second choices that name a column where nothing else does", () => {
  it('reads a dependency log\'s "Vendor" as the side that provides, when no header names one', () => {
    const deps = validate(
      projects,
      sheet("Vendor Dependencies", [
        ["Dep ID", "Receiving Workstream", "Vendor", "Deliverable", "Need-by Date", "Status"],
        ["VD-01", "P1", "Northshore Biologics", "GMP batch released", serial("2025-12-15"), "Late"],
        ["VD-02", "P1", "BioSafe Testing Labs", "Cell bank report", serial("2025-10-31"), "Delivered"],
      ]),
    ).registers.dependencies!;
    expect(deps.columns.get("toProject")?.header).toBe("Vendor");
  });

  it("reads an audit's observations log as issues, each observation its title", () => {
    const issues = validate(
      projects,
      sheet("Observations", [
        ["Obs No.", "Project", "Observation", "Rating", "Owner", "Due Date", "Status"],
        ["O-1", "P1", "Access reviews not evidenced", "High", "Ann", serial("2025-06-30"), "Open"],
        ["O-2", "P1", "Backups untested", "Medium", "Bob", serial("2025-08-31"), "Closed"],
      ]),
    ).registers.issues!;
    expect(issues.columns.get("title")?.header).toBe("Observation");
  });
});

describe("numbers shown as dates are never an amount", () => {
  it('does not read "Actual Exit" (dates) as the actual cost', () => {
    const dateFormat = [null, null, null, null, "dd/mm/yyyy"];
    const v = validate(
      sheet(
        "Projects",
        [
          ["Project ID", "Project Name", "Project Manager", "Budget", "Actual Exit"],
          ["P1", "Payroll exit", "Ann", 250000, serial("2025-10-01")],
          ["P2", "AP exit", "Bob", 180000, serial("2025-12-31")],
        ],
        [[null, null, null, null, null], dateFormat, dateFormat],
      ),
    );
    expect(v.registers.projects!.columns.get("ac")).toBeUndefined();
  });
});

describe("audit findings and control deficiencies are issues", () => {
  it("reads a SOX deficiency log as the Issues register, not as a change log by its control numbers", () => {
    const v = validate(
      sheet("Deficiency Log", [
        [
          "Def #",
          "Cycle",
          "Control #",
          "Control Description",
          "Deficiency Description",
          "D / OE",
          "Identified By",
          "Date Identified",
          "Aggregated Severity",
          "Remediation Plan",
          "Control Owner",
          "Target Remediation Date",
          "Status",
        ],
        [
          "FY25-001",
          "ITGC",
          "AC-02",
          "Quarterly user access review",
          "Access review not completed for 3 of 11 responsibilities",
          "OE",
          "External Auditor",
          serial("2025-01-28"),
          "MW",
          "Automate deprovisioning",
          "Dir. IT",
          serial("2025-06-30"),
          "Remediation in Progress",
        ],
        [
          "FY25-002",
          "Revenue",
          "REV-07",
          "Contract review for non-standard terms",
          "Bill-and-hold criteria not documented for 2 contracts",
          "D",
          "External Auditor",
          serial("2025-02-11"),
          "MW",
          "Revenue checklist",
          "Controller",
          serial("2025-09-30"),
          "Remediated - Pending Retest",
        ],
        [
          "FY25-003",
          "Close",
          "FC-12",
          "Monthly reconciliations reviewed",
          "Reconciliation reviews untimely in 4 of 25 samples",
          "OE",
          "Mgmt Testing",
          serial("2025-05-14"),
          "Sig Defic",
          "BlackLine escalation",
          "Asst Controller",
          serial("2025-08-31"),
          "Closed",
        ],
      ]),
    );
    expect(v.registers.changes).toBeUndefined();
    expect(v.registers.issues?.sheet).toBe("Deficiency Log");
    expect(v.registers.issues?.columns.get("issueId")?.header).toBe("Def #");
  });

  it("reads an audit recommendation tracker as the Issues register, each recommendation its title", () => {
    const v = validate(
      projects,
      sheet("Tracker", [
        [
          "Ref",
          "Audit",
          "Recommendation",
          "Priority",
          "Responsible Officer",
          "Original Target Date",
          "Target Date",
          "% Complete",
          "RAG",
          "Status",
        ],
        [
          "22 MAS 04",
          "Main Accounting",
          "Suspense items cleared monthly",
          "Medium",
          "Chief Accountant",
          serial("2023-09-30"),
          serial("2025-03-31"),
          80,
          "Green",
          "Extension requested",
        ],
        [
          "23 PAY 03",
          "Payroll",
          "Starter forms authorised before processing",
          "High",
          "HR Manager",
          serial("2024-03-31"),
          serial("2024-09-30"),
          45,
          "Red",
          "Outstanding",
        ],
      ]),
    );
    expect(v.registers.issues?.sheet).toBe("Tracker");
    expect(v.registers.issues?.columns.get("title")?.header).toBe("Recommendation");
  });
});

describe("a header ending in the register's own entry names the entries", () => {
  it('reads "Remediation Milestone" as the milestone, so a plan with no project column is found', () => {
    const v = validate(
      projects,
      sheet("MW Remediation", [
        [
          "MW",
          "Step",
          "Remediation Milestone",
          "Owner",
          "Planned Completion",
          "Revised Completion",
          "Actual Completion",
          "Status",
        ],
        [
          "MW-1",
          1,
          "Root cause analysis approved",
          "CFO",
          serial("2025-02-28"),
          null,
          serial("2025-02-25"),
          "Complete",
        ],
        [
          "MW-1",
          2,
          "Automated deprovisioning live",
          "IT",
          serial("2025-04-30"),
          serial("2025-06-13"),
          serial("2025-06-13"),
          "Complete",
        ],
        ["MW-2", 1, "Revenue checklist in use", "Controller", serial("2025-09-30"), null, null, "On Track"],
      ]),
    );
    expect(v.registers.milestones?.columns.get("milestone")?.header).toBe("Remediation Milestone");
  });
});

describe("an end said without baseline, forecast or actual", () => {
  it('reads a milestone list\'s "End Date" as the date it is planned for', () => {
    const v = validate(
      projects,
      sheet("Milestones", [
        ["Milestone", "Project", "Owner", "Start Date", "End Date", "Status", "Completed Date"],
        [
          "Data migration signed off",
          "P1",
          "Ann",
          serial("2025-03-03"),
          serial("2025-04-30"),
          "Done",
          serial("2025-04-28"),
        ],
        ["Go-live", "P1", "Bob", serial("2025-05-05"), serial("2025-06-30"), "In Progress", null],
      ]),
    );
    const milestones = v.registers.milestones!;
    expect(milestones.columns.get("baselineDate")?.header).toBe("End Date");
    expect(milestones.columns.get("actualDate")?.header).toBe("Completed Date");
  });
});

describe("the whole life's amounts before one year's", () => {
  it('reads "Total Scheme Budget" and "Scheme Spend to Date" beside the year\'s "Approved Budget 2025/26" and "2025/26 Spend to Date"', () => {
    const v = validate(
      sheet("Projects", [
        [
          "Scheme No.",
          "Scheme",
          "Total Scheme Budget £'000",
          "Approved Budget 2025/26 £'000",
          "2025/26 Spend to Date £'000",
          "Scheme Spend to Date £'000",
        ],
        ["E-031", "Fort Road Engineering Workshop", 4850, 2900, 1985, 3610],
        ["E-034", "Uckfield Fire Station", 6200, 450, 128, 342],
      ]),
    );
    const projectsRead = v.registers.projects!;
    expect(projectsRead.columns.get("bac")?.header).toBe("Total Scheme Budget £'000");
    expect(projectsRead.columns.get("ac")?.header).toBe("Scheme Spend to Date £'000");
    // A year's figure is a column of its own, not a second budget.
    expect(v.findings.filter((f) => f.code === "duplicate-header")).toEqual([]);
  });
});

describe("the US DOE's consequence words", () => {
  it("reads Negligible, Marginal, Significant, Critical and Crisis as 1 .. 5, none unread", () => {
    const v = validate(
      projects,
      sheet("Risk Register", [
        ["Risk Number", "Project ID", "Risk Description", "Likelihood", "Consequences", "Owner", "Status"],
        ["R-004", "P1", "Conductor joints fail acceptance test", "Unlikely", "Critical", "Ann", "Open"],
        ["R-007", "P1", "Casing delivery slips", "Very Likely", "Marginal", "Bob", "Retired"],
        ["R-012", "P1", "Tile supplier misses tolerance", "Likely", "Significant", "Ann", "Open"],
        ["R-015", "P1", "Shaft cracking found", "Unlikely", "Negligible", "Bob", "Open"],
        ["R-016", "P1", "Site flooding", "Unlikely", "Crisis", "Bob", "Open"],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.columns.get("impact")?.header).toBe("Consequences");
    expect(risks.rows.map((r) => r.values.impact)).toEqual([4, 2, 3, 1, 5]);
    expect(v.findings.filter((f) => f.sheet === "Risk Register" && f.column === "Consequences")).toEqual([]);
  });
});

describe("review", () => {
  const issueLog = (header: string[], ...rows: unknown[][]) =>
    validate(projects, sheet("Issue Log", [header, ...rows] as never));

  it('keeps an issue log\'s "Description" as the title beside a "Recommendation" or an "Observations" column', () => {
    const v = issueLog(
      ["Issue ID", "Project", "Description", "Recommendation", "Observations", "Priority", "Owner", "Status"],
      ["I-1", "P1", "Supplier invoices on hold", "Escalate to the CFO", "Seen twice", "High", "Ann", "Open"],
      ["I-2", "P1", "Payroll test failed", "Rerun after the fix", "Minor", "Medium", "Bob", "Open"],
    );
    expect(v.registers.issues!.columns.get("title")?.header).toBe("Description");
    expect(v.findings.filter((f) => f.code === "duplicate-header")).toEqual([]);
  });

  it("takes an audit's finding as the issue, its recommendation as advice on it", () => {
    const v = issueLog(
      ["Ref", "Project", "Finding", "Recommendation", "Priority", "Owner", "Due Date", "Status"],
      [
        "A-1",
        "P1",
        "Leavers keep access",
        "Automate deprovisioning",
        "High",
        "Ann",
        serial("2025-06-30"),
        "Open",
      ],
      [
        "A-2",
        "P1",
        "Reconciliations late",
        "Escalate after 10 days",
        "Medium",
        "Bob",
        serial("2025-08-31"),
        "Open",
      ],
    );
    expect(v.registers.issues!.columns.get("title")?.header).toBe("Finding");
  });

  it('reads a dependency log\'s "Vendor" as a side only where no header names one', () => {
    const v = validate(
      projects,
      sheet("Dependencies", [
        ["Dep ID", "From Project", "To Project", "Vendor", "Vendor Contact", "Description", "Status"],
        ["D-1", "P1", "P1", "Acme", "Jo Smith", "API keys", "Open"],
        ["D-2", "P1", "P1", "Globex", "Al Jones", "Test data", "Open"],
      ]),
    );
    expect(v.registers.dependencies!.columns.get("toProject")?.header).toBe("To Project");
    expect(v.findings.filter((f) => f.code === "duplicate-header")).toEqual([]);
  });

  it("reads amounts in an accounting format with padding characters (_D_M) as money", () => {
    const money = "_-* #,##0.00 _D_M_-";
    const v = validate(
      sheet(
        "Projects",
        [
          ["Project ID", "Project Name", "Project Manager", "Approved Budget", "Spend to Date"],
          ["P1", "Alpha", "Ann", 250000, 120000],
          ["P2", "Beta", "Bob", 180000, 90000],
        ],
        [
          [null, null, null, null, null],
          [null, null, null, money, money],
          [null, null, null, money, money],
        ],
      ),
    );
    expect(v.registers.projects!.columns.get("bac")?.header).toBe("Approved Budget");
    expect(v.registers.projects!.columns.get("ac")?.header).toBe("Spend to Date");
  });

  it('does not take "Owner of Milestone", "Type of Milestone" or "Payment Milestone" for the milestone', () => {
    const v = validate(
      projects,
      sheet("Milestones", [
        [
          "Project ID",
          "Output",
          "Owner of Milestone",
          "Type of Milestone",
          "Payment Milestone",
          "Baseline Date",
          "Status",
        ],
        ["P1", "Design signed off", "Ann", "Contractual", 25000, serial("2025-03-31"), "Complete"],
        ["P1", "Site handed over", "Bob", "Internal", 50000, serial("2025-09-30"), "On Track"],
      ]),
    );
    expect(["Owner of Milestone", "Type of Milestone", "Payment Milestone"]).not.toContain(
      v.registers.milestones!.columns.get("milestone")?.header,
    );
    expect(v.findings.filter((f) => f.code === "duplicate-header")).toEqual([]);
  });
});
