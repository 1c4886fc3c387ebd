/**
 * The bundled sample: a deterministic, realistic portfolio workbook (Northwind Group's PMO) with
 * projects, risks, issues, dependencies and milestones, and a known set of mistakes planted so
 * that every finding code shows up (see README "The sample workbook"). Pure data: hosts write it.
 */
import { dayFromYmd, formatDay, serialFromDay, ymdFromDay, type DayNumber } from "../core/dates";
import { checkWorkbook } from "../core/engine";
import { errorCell, type CellValue } from "../core/grid";
import { PROJECT_HEADERS } from "./project-headers";
import { Random } from "./random";

export interface SampleSheet {
  readonly name: string;
  readonly rows: CellValue[][];
  /** 0-based row of the header (bold, frozen below it). */
  readonly headerRow?: number;
  /** Number format per 0-based column. */
  readonly columnFormats?: Readonly<Record<number, string>>;
  readonly widths?: readonly number[];
}

export interface SampleOptions {
  readonly projects?: number;
  readonly seed?: number;
  /** The status date written into the Read Me sheet. */
  readonly asOf?: DayNumber;
}

export const SAMPLE_AS_OF: DayNumber = dayFromYmd(2026, 10, 30)!;
export const SAMPLE_DEFAULTS = { projects: 60, seed: 42 } as const;

const PORTFOLIOS: readonly (readonly [string, readonly string[]])[] = [
  ["Digital Services", ["Customer Portal", "Data Platform"]],
  ["Infrastructure", ["Network Refresh", "Estates"]],
  ["Corporate Change", ["Finance Transformation", "HR Systems"]],
];
const PEOPLE = [
  "Amara Okafor",
  "Ben Hughes",
  "Chen Wei",
  "Dana Kowalski",
  "Elif Yilmaz",
  "Farid Haddad",
  "Grace Liu",
  "Hugo Martin",
  "Isla Campbell",
  "Jonas Berg",
  "Keira Walsh",
  "Luca Romano",
  "Maya Patel",
  "Noah Fischer",
  "Olivia Brown",
  "Priya Nair",
  "Quentin Dubois",
  "Rosa Alvarez",
  "Sam O'Neill",
  "Tariq Aziz",
];
const SPONSORS = [
  "J. Whitfield (CFO)",
  "R. Osei (CIO)",
  "M. Lindqvist (COO)",
  "H. Tanaka (CDO)",
  "S. Brennan (HRD)",
];
const ADJECTIVES = [
  "Unified",
  "Cloud",
  "Customer",
  "Secure",
  "Digital",
  "Smart",
  "Core",
  "Regional",
  "Agile",
  "Integrated",
  "Mobile",
  "Automated",
  "Shared",
  "Modern",
  "Open",
];
const NOUNS = [
  "Billing Upgrade",
  "Data Warehouse",
  "Identity Service",
  "WAN Migration",
  "Office Consolidation",
  "Payroll Replacement",
  "Self-Service Portal",
  "Analytics Hub",
  "Contact Centre",
  "Records Digitisation",
  "ERP Rollout",
  "Backup Renewal",
  "Onboarding Journey",
  "Procurement Platform",
  "Site Refurbishment",
];
const RISKS = [
  "Supplier may not deliver on time",
  "Key staff may leave the project",
  "Integration testing may overrun",
  "Budget cut in next spending review",
  "Data migration quality lower than expected",
  "Regulatory change affects scope",
  "Legacy system knowledge is thin",
  "Licence costs may rise",
  "Stakeholder availability for UAT",
  "Security accreditation delay",
];
const ISSUES = [
  "Test environment unavailable",
  "Vendor invoice dispute",
  "Requirements sign-off outstanding",
  "Defect backlog growing",
  "Resource gap in data team",
  "Change request awaiting approval",
  "Hardware delivery late",
];
const MILESTONES: readonly (readonly [string, number])[] = [
  ["Design approved", 0.25],
  ["Build complete", 0.7],
  ["Go live", 1],
];

const DATE = "d mmm yyyy";
const MONEY = "£#,##0";
const PERCENT = "0%";

function dateCell(day: DayNumber): number {
  return serialFromDay(day);
}

/** A day written as text the way people type it (dd/mm/yyyy), to show text dates being read. */
function textDate(day: DayNumber): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${String(d).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

function pid(i: number): string {
  return `PRJ-${String(i + 1).padStart(3, "0")}`;
}

interface ProjectFacts {
  id: string;
  start: DayNumber;
  baselineFinish: DayNumber;
  forecastFinish: DayNumber;
  closed: boolean;
}

/** Rows (0-based project index) where mistakes are planted; see README "The sample workbook". */
export const PLANTED = {
  duplicateId: 11, // same ID as the project above
  dateOrder: 16, // baseline finish before start
  enumError: 20, // stage "Exectue"
  typeError: 24, // budget "see notes"
  rangeError: 28, // 140 % complete
  requiredMissing: 32, // no project manager
  formulaError: 36, // actual cost #REF!
  staleUpdate: 40, // last updated 75 days before the status date
  forecastInPast: 43, // forecast finish passed, no actual
  closedWithOpenItems: 47, // closed, with an open risk
  patternError: 51, // ID "prj 52" breaks the workbook standard's pattern
  cycle: [4], // the first three open projects from PRJ-005 on depend on each other in a circle
} as const;

export function samplePortfolio(options: SampleOptions = {}): SampleSheet[] {
  const count = Math.max(1, Math.floor(options.projects ?? SAMPLE_DEFAULTS.projects));
  const rnd = new Random(options.seed ?? SAMPLE_DEFAULTS.seed);
  const asOf = options.asOf ?? SAMPLE_AS_OF;
  const facts: ProjectFacts[] = [];

  const projectRows: CellValue[][] = [
    ["Northwind Group — Project Register"],
    ["Maintained by the Portfolio Office. One row per project; see the Read Me sheet for the status date."],
    [],
    [...PROJECT_HEADERS, "Comments"],
  ];
  for (let i = 0; i < count; i++) {
    const [portfolio, programmes] = PORTFOLIOS[i % PORTFOLIOS.length];
    const programme = programmes[Math.floor(i / PORTFOLIOS.length) % programmes.length];
    const duration = rnd.int(120, 600);
    const start = asOf - rnd.int(-60, 700);
    const baselineFinish = start + duration;
    const schedulePerf = rnd.weighted([
      [rnd.between(0.97, 1.05), 12],
      [rnd.between(0.9, 0.95), 4],
      [rnd.between(0.75, 0.86), 2],
    ]);
    const costPerf = rnd.weighted([
      [rnd.between(0.97, 1.06), 12],
      [rnd.between(0.92, 0.95), 4],
      [rnd.between(0.75, 0.86), 2],
    ]);
    const slip = Math.round(duration * Math.max(0, (1 - schedulePerf) * rnd.between(0.6, 1.2)));
    const forecastFinish = baselineFinish + slip;
    const closed = forecastFinish < asOf - 10;
    const notStarted = start > asOf;
    const planned = notStarted ? 0 : Math.min(1, (asOf - start) / duration);
    const complete = closed ? 1 : Math.min(0.99, planned * schedulePerf);
    const bac = Math.round(rnd.between(80_000, 4_500_000) / 1000) * 1000;
    const ac = Math.round((bac * complete) / costPerf);
    const stage = closed
      ? "Closed"
      : notStarted
        ? rnd.pick(["Initiate", "Plan"])
        : planned > 0.95
          ? "Close"
          : "Execute";
    const derived =
      schedulePerf < 0.85 || costPerf < 0.85
        ? "Red"
        : schedulePerf < 0.95 || costPerf < 0.95
          ? "Amber"
          : "Green";
    const reported = closed ? "Green" : derived; // refined by reportLikeCoordinators below
    const updated = closed ? forecastFinish + rnd.int(0, 9) : asOf - rnd.int(0, 12);
    facts.push({ id: pid(i), start, baselineFinish, forecastFinish, closed });

    const row: CellValue[] = [
      pid(i),
      `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[(i * 7) % NOUNS.length]}`,
      portfolio,
      programme,
      PEOPLE[i % PEOPLE.length],
      SPONSORS[i % SPONSORS.length],
      stage,
      i % 13 === 5 ? textDate(start) : dateCell(start),
      dateCell(baselineFinish),
      dateCell(forecastFinish),
      closed ? dateCell(forecastFinish) : "",
      i % 15 === 3 ? `£${bac.toLocaleString("en-GB")}` : bac,
      notStarted ? 0 : ac,
      Math.round(complete * 100) / 100,
      Math.round(planned * 100) / 100,
      reported,
      dateCell(updated),
      "",
    ];
    projectRows.push(row);
  }
  const at = (i: number) => projectRows[4 + i];
  const plant = (i: number, col: number, value: CellValue) => {
    if (i < count) at(i)[col] = value;
  };
  // Planted IDs are the IDs the other registers use too, so the mistake does not cascade.
  const plantId = (i: number, id: string) => {
    if (i >= count) return;
    at(i)[0] = id;
    facts[i].id = id;
  };
  plantId(PLANTED.duplicateId, pid(PLANTED.duplicateId - 1));
  if (PLANTED.dateOrder < count) at(PLANTED.dateOrder)[8] = dateCell(facts[PLANTED.dateOrder].start - 45);
  plant(PLANTED.enumError, 6, "Exectue");
  plant(PLANTED.typeError, 11, "see notes");
  plant(PLANTED.rangeError, 13, 1.4);
  plant(PLANTED.requiredMissing, 4, "");
  plant(PLANTED.formulaError, 12, errorCell("#REF!"));
  plant(PLANTED.staleUpdate, 16, dateCell(asOf - 75));
  if (PLANTED.forecastInPast < count) {
    const p = at(PLANTED.forecastInPast);
    p[6] = "Execute";
    p[9] = dateCell(asOf - 20);
    p[10] = "";
    p[13] = 0.9;
    p[16] = dateCell(asOf - 4);
    facts[PLANTED.forecastInPast].closed = false;
  }
  if (PLANTED.closedWithOpenItems < count) {
    const p = at(PLANTED.closedWithOpenItems);
    const f = facts[PLANTED.closedWithOpenItems];
    p[6] = "Closed";
    p[10] = dateCell(Math.min(f.forecastFinish, asOf - 5));
    p[13] = 1;
  }
  plantId(PLANTED.patternError, `prj ${PLANTED.patternError + 1}`);

  // Risks: a few per project; closed projects' risks are closed (but one, planted).
  const riskRows: CellValue[][] = [
    [
      "Risk ID",
      "Project ID",
      "Title",
      "Probability",
      "Impact",
      "Score",
      "Owner",
      "Risk Owner",
      "Status",
      "Response",
      "Due Date",
    ],
  ];
  let riskNo = 0;
  for (let i = 0; i < count; i++) {
    const n = rnd.weighted([
      [0, 3],
      [1, 3],
      [2, 2],
      [3, 1],
    ]);
    for (let k = 0; k < n; k++) {
      const p = rnd.weighted([
        [1, 5],
        [2, 4],
        [3, 2],
        [4, 0.6],
        [5, 0.3],
      ]);
      const impact = rnd.weighted([
        [1, 3],
        [2, 4],
        [3, 2],
        [4, 0.6],
        [5, 0.3],
      ]);
      const status = facts[i].closed
        ? "Closed"
        : rnd.weighted([
            ["Open", 6],
            ["Mitigating", 2],
            ["Accepted", 1],
            ["Closed", 1],
          ]);
      const owner = PEOPLE[(i + k + 3) % PEOPLE.length];
      riskRows.push([
        `RSK-${String(++riskNo).padStart(3, "0")}`,
        facts[i].id,
        rnd.pick(RISKS),
        p,
        impact,
        p * impact,
        owner,
        "",
        status,
        status === "Closed" ? "Closed at stage review" : "Mitigation plan agreed at risk board",
        dateCell(asOf + rnd.int(10, 120)),
      ]);
    }
    if (i === PLANTED.closedWithOpenItems) {
      riskRows.push([
        `RSK-${String(++riskNo).padStart(3, "0")}`,
        facts[i].id,
        "Benefits may not be realised",
        3,
        4,
        12,
        PEOPLE[2],
        "",
        "Open",
        "Handover to operations",
        dateCell(asOf + 30),
      ]);
    }
  }
  riskRows.push([
    `RSK-${String(++riskNo).padStart(3, "0")}`,
    "PRJ-999",
    "Contract novation may fail",
    2,
    4,
    8,
    PEOPLE[5],
    "",
    "Open",
    "Legal review",
    dateCell(asOf + 45),
  ]);
  const firstOpen = facts.find((f) => !f.closed) ?? facts[0];
  riskRows.push([
    `RSK-${String(++riskNo).padStart(3, "0")}`,
    firstOpen.id,
    "Cyber-attack on legacy estate",
    4,
    3,
    10,
    PEOPLE[9],
    "",
    "Open",
    "Patch and monitor",
    dateCell(asOf + 20),
  ]);
  // A blank row inside the register, as happens when a row's contents are cleared.
  riskRows.splice(Math.min(10, riskRows.length - 1), 0, []);
  // A second owner column filled in by someone: "Risk Owner" duplicates "Owner".
  if (riskRows.length > 3) riskRows[3][7] = PEOPLE[7];

  const issueRows: CellValue[][] = [
    ["Issue ID", "Project ID", "Title", "Severity", "Owner", "Target Date", "Status"],
  ];
  let issueNo = 0;
  for (let i = 0; i < count; i++) {
    const n = rnd.weighted([
      [0, 4],
      [1, 4],
      [2, 2],
    ]);
    for (let k = 0; k < n; k++) {
      const severity = rnd.weighted([
        ["Low", 3],
        ["Medium", 4],
        ["High", 2],
        ["Critical", i % 11 === 6 ? 3 : 0.3],
      ]);
      const status = facts[i].closed
        ? "Closed"
        : rnd.weighted([
            ["Open", 4],
            ["In Progress", 3],
            ["Resolved", 2],
          ]);
      issueRows.push([
        `ISS-${String(++issueNo).padStart(3, "0")}`,
        facts[i].id,
        rnd.pick(ISSUES),
        severity,
        PEOPLE[(i * 3 + k) % PEOPLE.length],
        dateCell(asOf + rnd.int(5, 60)),
        status,
      ]);
    }
  }

  const depRows: CellValue[][] = [
    ["Dependency ID", "From Project", "To Project", "Description", "Need By", "Status"],
  ];
  let depNo = 0;
  const depId = () => `DEP-${String(++depNo).padStart(3, "0")}`;
  for (let i = 3; i < count; i += 3) {
    const to = rnd.int(0, i - 1);
    if (facts[i].closed) continue;
    const status = facts[to].closed
      ? "Met"
      : rnd.weighted([
          ["Open", 5],
          ["At Risk", 2],
        ]);
    depRows.push([
      depId(),
      facts[i].id,
      facts[to].id,
      `Output from ${facts[to].id} needed`,
      dateCell(asOf + rnd.int(10, 200)),
      status,
    ]);
  }
  // The cycle joins three open projects from PLANTED.cycle on (closed ones cannot wait on anything).
  const cycle: number[] = [];
  for (let i = PLANTED.cycle[0]; i < count && cycle.length < 3; i++)
    if (!facts[i].closed && !Object.values(PLANTED).includes(i as never)) cycle.push(i);
  if (cycle.length === 3) {
    for (let k = 0; k < 3; k++) {
      const [a, b] = [facts[cycle[k]].id, facts[cycle[(k + 1) % 3]].id];
      depRows.push([depId(), a, b, `Interface agreement with ${b}`, dateCell(asOf + 60 + k * 10), "Open"]);
    }
  }

  const msRows: CellValue[][] = [
    ["Project ID", "Milestone", "Baseline Date", "Forecast Date", "Actual Date", "Status", ""],
  ];
  for (let i = 0; i < count; i++) {
    const f = facts[i];
    for (const [name, share] of MILESTONES) {
      const baseline = Math.round(f.start + (f.baselineFinish - f.start) * share);
      let forecast = Math.round(f.start + (f.forecastFinish - f.start) * share);
      const achieved = f.closed || forecast < asOf - 3;
      if (!achieved && forecast < asOf) forecast = asOf + rnd.int(3, 30);
      msRows.push([
        f.id,
        name,
        dateCell(baseline),
        dateCell(forecast),
        achieved ? dateCell(forecast) : "",
        achieved ? "Complete" : forecast - asOf < 30 ? "At Risk" : "In Progress",
        i === 7 && share === 1 ? "see revised plan" : "",
      ]);
    }
  }

  // A short change log: an approved re-baseline, one awaiting a decision, one rejected.
  const changeRows: CellValue[][] = [
    [
      "Change ID",
      "Project ID",
      "Title",
      "Status",
      "Raised Date",
      "Decision Date",
      "New Baseline Finish",
      "New Budget",
    ],
  ];
  const changes: readonly (readonly [number, string, string, number, number | null, number])[] = [
    [2, "Extend go-live after the supplier change", "Approved", 60, 45, 0],
    [9, "Add data migration to the scope", "Submitted", 12, null, 30],
    [14, "Defer the reporting module", "Rejected", 50, 35, 0],
  ];
  changes.forEach(([i, title, status, raisedAgo, decidedAgo, finishShift], k) => {
    if (i >= count) return;
    changeRows.push([
      `CR-${String(k + 1).padStart(3, "0")}`,
      facts[i].id,
      title,
      status,
      dateCell(asOf - raisedAgo),
      decidedAgo === null ? "" : dateCell(asOf - decidedAgo),
      status === "Rejected" ? "" : dateCell(facts[i].baselineFinish + finishShift),
      "",
    ]);
  });

  const readMe: CellValue[][] = [
    ["Northwind Group — PMO portfolio submission"],
    [],
    ["Status Date", dateCell(asOf)],
    ["Prepared by", "Portfolio Office"],
    [],
    [
      "This is PMO Rollup's sample workbook. Its registers are realistic, with a few mistakes planted on purpose",
    ],
    [
      "so that every kind of finding shows. Run: pmo-rollup validate sample.xlsx  (or open it in the task pane).",
    ],
    [`Generated for the status date ${formatDay(asOf)} with ${count} projects.`],
  ];

  const benefitsRegister = JSON.stringify({
    sheet: "Benefits",
    synonyms: ["Benefits Register"],
    required: true,
    key: "benefitId",
    columns: [
      {
        field: "benefitId",
        header: "Benefit ID",
        type: "text",
        presence: "required",
        required: true,
        unique: true,
      },
      {
        field: "projectId",
        header: "Project ID",
        type: "text",
        presence: "required",
        required: true,
        references: "projects",
      },
      { field: "value", header: "Annual Value", type: "money", presence: "required" },
    ],
  });
  const lessonsRegister = JSON.stringify({
    sheet: "Lessons Learned",
    columns: [
      { field: "lessonId", header: "Lesson ID", type: "text", presence: "required" },
      {
        field: "projectId",
        header: "Project ID",
        type: "text",
        presence: "required",
        references: "projects",
      },
      { field: "lesson", header: "Lesson", type: "text", presence: "required" },
    ],
  });
  const standardRows: CellValue[][] = [
    ["Setting", "Value"],
    ["# Northwind's PMO standard: the built-in one, with these changes."],
    ["name", "Northwind PMO standard"],
    ["version", "2.1"],
    ["registers.projects.columns.id.pattern", "PRJ-\\d{3,}"],
    ["registers.benefits", benefitsRegister],
    ["registers.lessons", lessonsRegister],
  ];
  const lessonsRows: CellValue[][] = [
    ["Lessons learned — to be written up after the Q3 review."],
    [],
    ["Notes from the workshop:"],
    ["Start supplier onboarding earlier; agree test data with the business before build."],
  ];

  const sheets: SampleSheet[] = [
    { name: "Read Me", rows: readMe, columnFormats: { 1: DATE }, widths: [22, 18] },
    {
      name: "Projects",
      rows: projectRows,
      headerRow: 3,
      columnFormats: {
        7: DATE,
        8: DATE,
        9: DATE,
        10: DATE,
        11: MONEY,
        12: MONEY,
        13: PERCENT,
        14: PERCENT,
        16: DATE,
      },
      widths: [11, 34, 18, 22, 18, 20, 10, 13, 13, 13, 13, 13, 13, 11, 11, 13, 13, 30],
    },
    {
      name: "Risks",
      rows: riskRows,
      headerRow: 0,
      columnFormats: { 10: DATE },
      widths: [10, 11, 42, 11, 9, 8, 18, 18, 12, 38, 13],
    },
    {
      name: "Issues",
      rows: issueRows,
      headerRow: 0,
      columnFormats: { 5: DATE },
      widths: [10, 11, 38, 10, 18, 13, 12],
    },
    {
      name: "Dependencies",
      rows: depRows,
      headerRow: 0,
      columnFormats: { 4: DATE },
      widths: [14, 13, 13, 34, 13, 10],
    },
    {
      name: "Milestones",
      rows: msRows,
      headerRow: 0,
      columnFormats: { 2: DATE, 3: DATE, 4: DATE },
      widths: [11, 18, 13, 13, 13, 12, 18],
    },
    {
      name: "Changes",
      rows: changeRows,
      headerRow: 0,
      columnFormats: { 4: DATE, 5: DATE, 6: DATE, 7: MONEY },
      widths: [11, 11, 40, 12, 13, 13, 16, 13],
    },
    { name: "Lessons Learned", rows: lessonsRows, widths: [90] },
    { name: "PMO Standard", rows: standardRows, headerRow: 0, widths: [40, 100] },
  ];
  reportLikeCoordinators(sheets, projectRows, asOf);
  return sheets;
}

/**
 * Coordinators mostly report what the numbers say; a few report green while the numbers say red
 * (watermelons), a few are more cautious than the numbers. The engine derives the RAG here so the
 * sample's reported column is consistent with it, apart from those planted differences.
 */
function reportLikeCoordinators(sheets: SampleSheet[], projectRows: CellValue[][], asOf: DayNumber): void {
  const grids = { sheets: sheets.map((s) => ({ name: s.name, rows: s.rows })), date1904: false };
  const check = checkWorkbook(grids, { today: asOf, asOf });
  const WORDS = { green: "Green", amber: "Amber", red: "Red" } as const;
  let reds = 0;
  let ambers = 0;
  for (const p of check.analysis.projects) {
    const row = projectRows[p.row];
    if (!row || p.rag.overall === "grey") continue;
    let label: string = WORDS[p.rag.overall];
    if (p.rag.overall === "red" && reds++ % 3 === 1) {
      label = "Green"; // a watermelon
      row[17] = "Sponsor confident of recovery";
    } else if (p.rag.overall === "amber" && ambers++ % 5 === 3)
      label = "Red"; // more cautious than the numbers
    else if (label === "Green" && p.row % 7 === 2) label = "G";
    else if (label === "Amber" && p.row % 6 === 1) label = "A";
    row[15] = label;
  }
}
