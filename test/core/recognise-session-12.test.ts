/**
 * Session 12's steps in recognising a PMO's own registers (issue 13), each learned from a held-out
 * set's miss and written so that it fails without the step.
 */
import { day, serial, sheet } from "../helpers/grids";
import { projects, validate } from "../helpers/recognise";

describe('a change\'s new date, named by what it moves ("Revised Go-Live", "New delivery date")', () => {
  it.each(["New delivery date", "Revised grid-ready date", "Proposed Completion", "Revised PC Date"])(
    "reads %s as the change's new baseline finish",
    (header) => {
      const v = validate(
        projects,
        sheet("Change Log", [
          ["CR No.", "Project ID", "Title", "Status", "Date Raised", header],
          ["CR-01", "P1", "Add cold room", "Approved", serial("2026-01-12"), serial("2026-06-30")],
          ["CR-02", "P1", "Defer car park", "Rejected", serial("2026-02-03"), serial("2026-08-31")],
        ]),
      );
      expect(v.registers.changes!.columns.get("newBaselineFinish")?.header).toBe(header);
      expect(v.registers.changes!.rows[0].values.newBaselineFinish).toBe(day("2026-06-30"));
    },
  );

  it('reads no new finish from when a change was proposed ("Proposed On")', () => {
    const v = validate(
      projects,
      sheet("Change Log", [
        ["CR No.", "Project ID", "Title", "Status", "Proposed On"],
        ["CR-01", "P1", "Add cold room", "Approved", serial("2026-01-12")],
        ["CR-02", "P1", "Defer car park", "Rejected", serial("2026-02-03")],
      ]),
    );
    expect(v.registers.changes!.columns.get("newBaselineFinish")).toBeUndefined();
  });

  it("reads a revised cost as the budget after the change, never an additional cost", () => {
    const revised = validate(
      projects,
      sheet("Change Log", [
        ["CR No.", "Project ID", "Title", "Status", "TPC - Revised"],
        ["CR-01", "P1", "Add cold room", "Approved", 1250000],
        ["CR-02", "P1", "Defer car park", "Rejected", 1100000],
      ]),
    );
    expect(revised.registers.changes!.columns.get("newBudget")?.header).toBe("TPC - Revised");
    const additional = validate(
      projects,
      sheet("Change Log", [
        ["CR No.", "Project ID", "Title", "Status", "Additional cost (£)"],
        ["CR-01", "P1", "Add cold room", "Approved", 25000],
        ["CR-02", "P1", "Defer car park", "Rejected", -4000],
      ]),
    );
    expect(additional.registers.changes!.columns.get("newBudget")).toBeUndefined();
  });
});

describe("a risk log rated 1-10, its score P x I of up to 100", () => {
  const v = validate(
    projects,
    sheet("Risk Register", [
      ["No.", "Project ID", "Risk", "Probability", "Impact", "Risk Score", "Risk Owner", "Status"],
      ["R01", "P1", "Asbestos found at demolition", 7, 8, 56, "PM", "Open"],
      ["R02", "P1", "Tender prices exceed budget", 5, 8, 40, "QS", "Open"],
      ["R03", "P1", "Consent takes longer", 6, 6, 36, "Architect", "Closed"],
      ["R04", "P1", "Students crossing the site", 4, 9, 36, "Contractor", "Open"],
      ["R05", "P1", "Hoarding damaged in storm", 3, 4, 12, "Contractor", "Open"],
      ["R06", "P1", "Furniture delivered late", 2, 5, 10, "PM", "Open"],
      ["R07", "P1", "Tree roots under the slab", 4, 5, 20, "Architect", "Open"],
    ]),
  );
  const risks = v.registers.risks!;

  it("reads an impact of 6 to 9 as a 1-10 rating, not as chances in per cent", () => {
    expect(risks.columns.get("impact")?.scale).toBe("one-to-ten");
    expect(risks.rows[0].values.impact).toBe(4);
  });

  it("reads the score on the ratings' scale, with no score above the highest allowed", () => {
    expect(risks.rows[0].values.score).toBe(14);
    expect(v.findings.filter((f) => f.code === "range-error")).toEqual([]);
  });
});

describe('a rating written as its word, then its number ("Likely 4", "Critical 5")', () => {
  it("reads the likelihood and impact of a municipality's risk register", () => {
    const v = validate(
      projects,
      sheet("Risk Register", [
        ["No", "Project ID", "Risk description", "Impact", "Likelihood", "Risk owner", "Progress / Status"],
        [1, "P1", "Contractor liquidation", "Critical 5", "Likely 4", "PMU Manager", "Open"],
        [2, "P1", "Late grant transfer", "Moderate 3", "Common 5", "CFO", "Open"],
        [3, "P1", "Community unrest on site", "Major 4", "Unlikely 2", "Ward Councillor", "Open"],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.rows.map((r) => [r.values.impact, r.values.probability])).toEqual([
      [5, 4],
      [3, 5],
      [4, 2],
    ]);
  });
});

describe("wording learned from sets 134-145", () => {
  it('reads a "Cluster" as the portfolio and "% Compl. Plan" as the planned share complete', () => {
    const v = validate(
      sheet("Project Summary", [
        ["Project ID", "Project Name", "Cluster", "Project Manager", "Budget", "% Compl. Plan", "% Complete"],
        ["P1", "Alpha", "Health", "Ann", 1000000, 40, 35],
        ["P2", "Beta", "Transport", "Bo", 2000000, 60, 62],
      ]),
    );
    const columns = v.registers.projects!.columns;
    expect(columns.get("portfolio")?.header).toBe("Cluster");
    expect(columns.get("plannedPercentComplete")?.header).toBe("% Compl. Plan");
  });

  it('reads a change order\'s "Executed" date as its decision and an issue\'s "Date Entered" as raised', () => {
    const v = validate(
      projects,
      sheet("CO Log", [
        ["CO No.", "Project ID", "Description", "Status", "Executed"],
        ["CO-01", "P1", "Added fire stopping", "Approved", serial("2025-02-10")],
        ["CO-02", "P1", "Deleted canopy", "Approved", serial("2025-03-04")],
      ]),
      sheet("Open Issues", [
        ["Issue #", "Project ID", "Issue", "Priority", "Date Entered", "Status"],
        ["I-1", "P1", "Interface spec late", "High", serial("2025-01-08"), "Open"],
        ["I-2", "P1", "Test data missing", "Medium", serial("2025-01-20"), "Open"],
      ]),
    );
    expect(v.registers.changes!.columns.get("decisionDate")?.header).toBe("Executed");
    expect(v.registers.issues!.columns.get("raised")?.header).toBe("Date Entered");
  });

  it("reads the blocked and blocking teams of a dependency, not the blocked issue's key", () => {
    const v = validate(
      sheet("Dependencies", [
        [
          "Dep #",
          "Blocked team",
          "Blocked issue",
          "Blocking team",
          "What is needed",
          "Needed by",
          "Dep status",
        ],
        ["D1", "Payments", "PAY-212", "Platform", "TLS 1.3 on gateway", serial("2025-09-30"), "Open"],
        ["D2", "Mobile", "MOB-88", "Payments", "Payout API v2", serial("2025-10-15"), "Committed"],
      ]),
    );
    const columns = v.registers.dependencies!.columns;
    expect(columns.get("fromProject")?.header).toBe("Blocked team");
    expect(columns.get("toProject")?.header).toBe("Blocking team");
  });
});

describe("a running serial number gives way to the entries' own codes as the key", () => {
  it('reads a VO register\'s "VO No." as the change ID, not its "S/No"', () => {
    const v = validate(
      projects,
      sheet("VO Register", [
        ["S/No", "VO No.", "Project ID", "Description of Variation", "Status"],
        [1, "VO-001", "P1", "Additional sockets in Block B", "Approved"],
        [2, "VO-002", "P1", "Omit covered walkway", "Pending"],
        [3, "VO-003", "P1", "Change floor finish", "Approved"],
      ]),
    );
    expect(v.registers.changes!.columns.get("changeId")?.header).toBe("VO No.");
    expect(v.registers.changes!.rows[0].values.changeId).toBe("VO-001");
  });

  it("keeps a serial number that is not a running count (7, 12, 31) as the key", () => {
    const v = validate(
      projects,
      sheet("VO Register", [
        ["S/No", "VO No.", "Project ID", "Description of Variation", "Status"],
        [7, "VO-001", "P1", "Additional sockets in Block B", "Approved"],
        [12, "VO-002", "P1", "Omit covered walkway", "Pending"],
        [31, "VO-003", "P1", "Change floor finish", "Approved"],
      ]),
    );
    expect(v.registers.changes!.columns.get("changeId")?.header).toBe("S/No");
  });
});

describe("a review of session 12's steps: inputs that must not be read as the new fields", () => {
  const changeLog = (header: string, values: readonly (number | string)[]) =>
    validate(
      projects,
      sheet("Change Log", [
        ["CR No.", "Project ID", "Title", "Status", "Date Raised", header],
        ["CR-01", "P1", "Add cold room", "Approved", serial("2026-01-12"), values[0]],
        ["CR-02", "P1", "Defer car park", "Rejected", serial("2026-02-03"), values[1]],
      ]),
    ).registers.changes!.columns;

  it.each([
    ["Estimated Effort (days)", [5, 12]],
    ["Requested Delay (days)", [10, 30]],
    ["New Headcount", [2, 3]],
    ["Revised Score", [12, 16]],
    ["Requested Amount", [25000, 40000]],
  ])("reads no new budget from %s", (header, values) => {
    expect(changeLog(header, values).get("newBudget")).toBeUndefined();
  });

  it.each(["Proposed Start Date", "New Start Date", "Latest Review", "Current Review Date", "Proposed Date"])(
    "reads no new finish from %s",
    (header) => {
      expect(
        changeLog(header, [serial("2026-03-01"), serial("2026-04-01")]).get("newBaselineFinish"),
      ).toBeUndefined();
    },
  );

  it("reads a dependency's \"Blocked By\" team as the one depended on, and a deliverable's receiver and provider", () => {
    const dependencies = (header: readonly string[]) =>
      validate(
        sheet("Dependencies", [
          ["Dep ID", ...header, "Description", "Need By", "Status"],
          ["D1", "Data", "Infra", "Cluster ready", serial("2025-09-30"), "Open"],
          ["D2", "Web", "Data", "Feed live", serial("2025-10-15"), "Open"],
        ]),
      ).registers.dependencies!.columns;
    const blocked = dependencies(["Team", "Blocked By Team"]);
    expect(blocked.get("toProject")?.header).toBe("Blocked By Team");
    const deliverable = dependencies(["Deliverable Receiver", "Deliverable Provider"]);
    expect(deliverable.get("fromProject")?.header).toBe("Deliverable Receiver");
    expect(deliverable.get("toProject")?.header).toBe("Deliverable Provider");
  });

  it('reads "Very Low 1", "Medium 3", "High 4" by their words on the five-point scale', () => {
    const v = validate(
      projects,
      sheet("Risk Register", [
        ["Risk ID", "Project ID", "Risk description", "Likelihood", "Impact", "Owner", "Status"],
        ["R1", "P1", "Vendor late", "Very Low 1", "Medium 3", "Ann", "Open"],
        ["R2", "P1", "Scope creep", "Medium 3", "High 4", "Bo", "Open"],
        ["R3", "P1", "Key person leaves", "High 4", "Very Low 1", "Cy", "Open"],
      ]),
    );
    expect(v.registers.risks!.rows.map((r) => [r.values.probability, r.values.impact])).toEqual([
      [1, 3],
      [3, 4],
      [4, 1],
    ]);
  });

  it("reads a score whose header names its own 1-25 range as written, beside ratings of 1-10", () => {
    const v = validate(
      projects,
      sheet("Risk Register", [
        [
          "Risk ID",
          "Project ID",
          "Risk description",
          "Probability (1-10)",
          "Impact (1-10)",
          "Score (1-25)",
          "Status",
        ],
        ["R1", "P1", "Vendor late", 7, 8, 14, "Open"],
        ["R2", "P1", "Scope creep", 4, 4, 4, "Open"],
        ["R3", "P1", "Key person leaves", 10, 10, 25, "Open"],
      ]),
    );
    expect(v.registers.risks!.rows.map((r) => r.values.score)).toEqual([14, 4, 25]);
  });

  it("reads a probability headed (%) as chances, even of 10 % or less", () => {
    const v = validate(
      projects,
      sheet("Risk Register", [
        ["Risk ID", "Project ID", "Risk description", "Probability (%)", "Impact", "Status"],
        ["R1", "P1", "Vendor late", 10, 3, "Open"],
        ["R2", "P1", "Scope creep", 5, 4, "Open"],
        ["R3", "P1", "Key person leaves", 8, 2, "Open"],
      ]),
    );
    expect(v.registers.risks!.columns.get("probability")?.scale).toBe("percent-bands");
    expect(v.registers.risks!.rows[0].values.probability).toBe(1);
  });
});

describe("a scheme register's variance and a risk's ratings before and after mitigation", () => {
  it('reads "AMP8 Budget £k" as the budget beside a "Var to Budget £k"', () => {
    const v = validate(
      sheet("Scheme Register", [
        [
          "Scheme Ref",
          "Scheme Name",
          "Scheme Manager",
          "AMP8 Budget £k",
          "Spend to Date £k",
          "Var to Budget £k",
        ],
        ["A8-1", "Storm tank", "Gareth", 14250, 1188, 710],
        ["A8-2", "P removal", "Priya", 9870, 4120, 470],
      ]),
    );
    expect(v.registers.projects!.columns.get("bac")?.header).toBe("AMP8 Budget £k");
    expect(v.registers.projects!.rows[0].values.bac).toBe(14250000);
  });

  it("reads the pre-mitigation ratings, the first assessed, and reports the post-mitigation ones as second columns", () => {
    const v = validate(
      projects,
      sheet("Programme Risk Register", [
        [
          "Risk ID",
          "Project ID",
          "Risk Description",
          "Pre-Mitigation Likelihood",
          "Pre-Mitigation Impact",
          "Post-Mitigation Likelihood",
          "Post-Mitigation Impact",
          "Status",
        ],
        ["R1", "P1", "Ground conditions", 4, 5, 2, 4, "Open"],
        ["R2", "P1", "Outage window lost", 3, 4, 2, 2, "Open"],
      ]),
    );
    const risks = v.registers.risks!;
    expect(risks.columns.get("probability")?.header).toBe("Pre-Mitigation Likelihood");
    expect(risks.columns.get("impact")?.header).toBe("Pre-Mitigation Impact");
    expect(v.findings.filter((f) => f.code === "duplicate-header").map((f) => f.column)).toEqual(
      expect.arrayContaining(["Post-Mitigation Likelihood", "Post-Mitigation Impact"]),
    );
  });
});

describe('a severity written with its code ("Sev 2", "P1")', () => {
  it("reads an issue log's Sev 1-4 as Critical to Low", () => {
    const v = validate(
      projects,
      sheet("Issue Log", [
        ["Issue #", "Project ID", "Issue Title", "Severity", "Status"],
        ["I-1", "P1", "Cards declined after conversion", "Sev 1", "Open"],
        ["I-2", "P1", "Statements late", "Sev 2", "Open"],
        ["I-3", "P1", "Wrong branch on letters", "Sev 3", "Open"],
        ["I-4", "P1", "Typo on portal", "Sev 4", "Open"],
      ]),
    );
    expect(v.registers.issues!.rows.map((r) => r.values.severity)).toEqual([
      "Critical",
      "High",
      "Medium",
      "Low",
    ]);
  });
});

describe("a second review of session 12's steps", () => {
  it('reads a variation log\'s "Var Status" and "Var Description" (a "Var" is a variance only at the end or "to" something)', () => {
    const v = validate(
      projects,
      sheet("Variations", [
        ["Var No.", "Project ID", "Var Description", "Var Status", "Revised Budget"],
        ["V1", "P1", "Extra drainage", "Approved", 1100000],
        ["V2", "P1", "Omit canopy", "Rejected", 1050000],
      ]),
    );
    const columns = v.registers.changes!.columns;
    expect(columns.get("title")?.header).toBe("Var Description");
    expect(columns.get("status")?.header).toBe("Var Status");
  });

  it("reads neither of a gross and a net budget as the forecast: treatment words choose only between ratings", () => {
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "Project Manager", "Gross Budget", "Net Budget"],
        ["P1", "Alpha", "Ann", 100, 80],
        ["P2", "Beta", "Bo", 200, 150],
      ]),
    );
    expect(v.registers.projects!.columns.get("forecastCost")).toBeUndefined();
  });

  it('reads P1-P4 as Critical to Low under any header ("Criticality")', () => {
    const v = validate(
      projects,
      sheet("Issue Log", [
        ["Issue #", "Project ID", "Issue Title", "Criticality", "Status"],
        ["I-1", "P1", "Cards declined", "P1", "Open"],
        ["I-2", "P1", "Statements late", "P2", "Open"],
        ["I-3", "P1", "Wrong branch", "P3", "Open"],
        ["I-4", "P1", "Portal typo", "P4", "Open"],
      ]),
    );
    expect(v.registers.issues!.rows.map((r) => r.values.severity)).toEqual([
      "Critical",
      "High",
      "Medium",
      "Low",
    ]);
  });

  it('takes no manager from "Comments (PM)" beside "PM Name"', () => {
    const v = validate(
      sheet("Projects", [
        ["Project ID", "Project Name", "PM Name", "Comments (PM)", "Budget"],
        ["P1", "Alpha", "Ann", "On plan, vendor chased", 100000],
        ["P2", "Beta", "Bo", "Waiting on funding", 200000],
      ]),
    );
    expect(v.registers.projects!.columns.get("manager")?.header).toBe("PM Name");
  });
});

it('reads a capital project\'s "FFC ($000)" (forecast final cost) as its forecast cost', () => {
  const v = validate(
    sheet("Projects", [
      ["AR #", "Project Name", "Project Manager", "Budget ($000)", "FFC ($000)"],
      ["AR-1", "Press line", "Ann", 1200, 1350],
      ["AR-2", "Paint shop", "Bo", 800, 790],
    ]),
  );
  expect(v.registers.projects!.columns.get("forecastCost")?.header).toBe("FFC ($000)");
  expect(v.registers.projects!.rows[0].values.forecastCost).toBe(1350000);
});

it('reads "T/O" as a risk\'s type, "ECD" as its due date and an issue\'s target, "Life to Date" as the spend', () => {
  const v = validate(
    sheet("Projects", [
      ["Project ID", "Project Name", "Project Manager", "Budget", "Life to Date"],
      ["P1", "Alpha", "Ann", 1000000, 250000],
    ]),
    sheet("Risk Register", [
      ["Risk ID", "Project ID", "Risk Description", "T/O", "Likelihood", "Impact", "ECD", "Status"],
      ["R1", "P1", "Launch slot slips", "Threat", 3, 4, serial("2026-03-31"), "Open"],
      ["R2", "P1", "Reuse of flight spare", "Opportunity", 2, 3, serial("2026-05-31"), "Open"],
    ]),
    sheet("Issue Register", [
      ["Issue ID", "Project ID", "Issue", "Severity", "ECD", "Status"],
      ["I1", "P1", "Test chamber down", "High", serial("2026-02-15"), "Open"],
      ["I2", "P1", "Harness rework", "Medium", serial("2026-02-28"), "Open"],
    ]),
  );
  expect(v.registers.risks!.columns.get("riskType")?.header).toBe("T/O");
  expect(v.registers.risks!.columns.get("dueDate")?.header).toBe("ECD");
  expect(v.registers.issues!.columns.get("targetDate")?.header).toBe("ECD");
  expect(v.registers.projects!.columns.get("ac")?.header).toBe("Life to Date");
});
