/**
 * Headers matched by concept words, the last resort once no synonym names a header. A header's
 * words and each column's synonyms are reduced to concepts (plurals dropped, words meaning the
 * same thing made one: "Chance", "Likelihood" and "Probability" are one concept), and a column
 * is named when one of its phrases' concepts all appear in the header and cover at least half
 * of the header's words ("Chance of Occurring" is Probability; "Responsible Manager" is Owner).
 * So new wording made of known words is recognised without a synonym for each whole header.
 */
import type { ColumnSpec, RegisterSpec } from "../standard/schema";
import { entryDateColumn, entryNameColumn } from "../standard/entry-columns";
import {
  committedMoney,
  headerHint,
  headerWords,
  MAX_LOOKUP_LENGTH,
  namesOtherFigure,
  RUNNING_TOTAL,
  runningTotal,
  saysPercent,
} from "./header-hints";

/** Words meaning one concept, named by its first word. Compact on purpose: words, not headers. */
const CONCEPTS: readonly (readonly string[])[] = [
  [
    "owner",
    "responsible",
    "resp",
    "responsibility",
    "accountable",
    "assignee",
    "assigned",
    "actionee",
    "person",
    "who",
    "handler",
    "lead",
    "leader",
    // MS Project's "Resource Names": the people on it.
    "resource",
    // Asia's PIC, the person in charge.
    "pic",
  ],
  ["probability", "likelihood", "chance", "prob", "likely"],
  ["impact", "consequence", "severity", "seriousness"],
  [
    "forecast",
    "forecasted",
    "expected",
    "revised",
    "estimated",
    "est",
    // A builder's "Ant. Comp.": the anticipated completion.
    "ant",
    "projected",
    "anticipated",
    "predicted",
    "fcst",
    "current",
    "latest",
    // "Finish - now": the date as it now stands; a date moved or rescheduled.
    "now",
    "moved",
    "rescheduled",
    "reprogrammed",
    "replanned",
    // A contract's "Extended Time for Completion": its completion as an extension of time moved it.
    "extended",
  ],
  [
    "baseline",
    "planned",
    "plan",
    "original",
    "scheduled",
    "sched",
    "bl",
    "orig",
    "initial",
    "agreed",
    "approved",
    // A council's adopted budget or completion date is the one approved.
    "adopted",
    "sanctioned",
    "contract",
    "contracted",
    "contractual",
    "committed",
    // A services firm's "as sold" date or value is the one contracted.
    "sold",
    // A job's quote is the price agreed before work starts.
    "quoted",
    "quote",
  ],
  // "Act Finish", "Act Cost": schedulers' short "Actual".
  ["actual", "act", "achieved", "delivered", "passed", "released", "done"],
  [
    "finish",
    "end",
    "completion",
    "finished",
    "ended",
    "live",
    "golive",
    "commissioning",
    "closing",
    "closeout",
    "close",
    "closure",
    // A building's handover; an energy project's commercial operation date.
    "handover",
    "cod",
    // A pipeline's or a plant's in-service date.
    "isd",
    // A product's or a campaign's launch; a store's or a hotel's opening.
    "launch",
    "opening",
    // A builder's "Comp." (completion).
    "comp",
  ],
  ["start", "begin", "commencement", "kickoff", "started"],
  // "By when": the date it is due.
  ["due", "deadline", "target", "tgt", "when"],
  [
    "raised",
    "identified",
    "logged",
    "registered",
    "created",
    "create",
    "opened",
    "reported",
    "added",
    "recorded",
    "submitted",
    "notified",
    "noticed",
    "spotted",
    // A defect tracker's "Detected date".
    "detected",
    // A form's responses sheet stamps each with when it was sent (Google Forms' "Timestamp"): by
    // concept, so any raised date a header names wins over it.
    "timestamp",
    "received",
    "recd",
    "rcvd",
    // "Date of Proposal": when a variation was proposed; "Date asked", when a change was.
    "proposal",
    "asked",
    "creation",
    "originated",
    "origination",
    // A help desk's "Date Entered".
    "entered",
  ],
  // A small team's "What" is what the entry is.
  ["description", "detail", "summary", "subject", "statement", "narrative", "desc", "what"],
  [
    "mitigation",
    "mitigating",
    "treatment",
    "response",
    "countermeasure",
    "control",
    "contingency",
    "mitig",
    // "Control measures", "Risk Management Measures".
    "measure",
    // "Risk approach": Treat, Tolerate, Transfer.
    "approach",
    // Defence's "risk handling" ("Handling Option": Avoid, Control, Transfer, Assume).
    "handling",
  ],
  ["id", "ref", "reference", "identifier", "no", "nr", "number", "key", "code", "#", "uid"],
  // A tracker's "Tracking" column says whether a job is on track.
  ["rag", "health", "confidence", "condition", "tracking"],
  [
    "provider",
    "supplier",
    "supplying",
    "providing",
    "provided",
    "delivering",
    "predecessor",
    "enabling",
    "giver",
    "producer",
    "producing",
    "responding",
    "responder",
    "blocking",
    // The other side of an interface: the "Interfacing Party", a "Counterparty".
    "giving",
    "interfacing",
    "counterparty",
  ],
  // The side of a dependency that needs it: "Consumer", "Requesting Party"; in Jira's words the
  // "Blocked team" (the other side is "Blocking").
  [
    "receiver",
    "receiving",
    "consumer",
    "consuming",
    "requesting",
    "requester",
    "requestor",
    "successor",
    "blocked",
  ],
  ["need", "needed", "required", "requires"],
  ["status", "state"],
  [
    "expenditure",
    "expdr",
    "spend",
    "spent",
    "outlay",
    "expended",
    "disbursed",
    "disbursement",
    // What has been paid or is owed for work done: "Incurred to Date", "Certified to Date", "Billed".
    "incurred",
    "certified",
    "invoiced",
    "billed",
    "paid",
  ],
  // What a project may spend: a grant's award, an allocation.
  // A capital project's approved capex and an AFE's amount are its budget too.
  // A statement of work's value is what the client will pay for the project.
  ["budget", "budgeted", "award", "allocation", "capex", "afe", "sow"],
  // "% Compl. Plan".
  ["complete", "compl"],
  ["updated", "reviewed", "refreshed", "published", "modified", "modify", "changed"],
  ["manager", "mgr", "mngr", "director"],
  // A clinical trial and a marketing campaign are a PMO's projects too.
  // A builder's jobs are its projects, and so are a housing or highways programme's schemes.
  ["project", "proj", "prj", "initiative", "study", "workstream", "trial", "campaign", "job", "scheme"],
  // What a register's entries are called, for headers and sheet names alike ("Site Concerns").
  // An NEC contract's early warnings are its risk register's entries.
  ["risk", "threat", "exposure", "hazard", "warning"],
  // A punch list's or snagging list's items are the issues left to close before handover.
  // A manufacturer's deviations and non-conformances are its quality issues.
  [
    "issue",
    "problem",
    "concern",
    "incident",
    "defect",
    "punch",
    "snag",
    "snagging",
    "blocker",
    "deviation",
    "nonconformance",
    "nonconformity",
    "ncr",
    // An audit's findings and a controls review's deficiencies are issues to remediate.
    "finding",
    "deficiency",
  ],
  ["milestone", "gate", "deliverable", "task", "activity", "release"],
  ["dependency", "interdependency", "interface", "dep", "deps"],
  // A contract's variation orders are its changes (an extension of time, EOT, is also said of
  // a project's completion date: "Completion (incl. EOT)").
  // Plants and pipelines manage their changes as MOCs (management of change), engineers as
  // engineering change proposals, requests, notices and orders.
  ["change", "cr", "variation", "co", "vo", "modification", "amendment", "moc", "ecp", "ecr", "ecn", "eco"],
];
const CONCEPT_OF = new Map<string, string>(CONCEPTS.flatMap((words) => words.map((w) => [w, words[0]])));
/** Each concept by its first word: a word of a header we know. */
const CONCEPT_HEADS: ReadonlySet<string> = new Set(CONCEPTS.map((words) => words[0]));

/**
 * Words that name a concept only where no header names the column otherwise: "Actions to
 * Address Gaps" is a risk's response, but beside "Mitigations" it is not.
 */
const WEAK_CONCEPT_OF = new Map<string, string>([
  ["action", "mitigation"],
  // A risk "Type" of Scope / Technology / Budget is its category, once Threat / Opportunity misfits.
  ["type", "category"],
  ["kind", "category"],
  ["classification", "category"],
  // An audit's observations and recommendations are its issues, where nothing else says what the
  // issue is ("Recommendation" beside "Description" is advice on it).
  ["observation", "issue"],
  ["recommendation", "issue"],
  // A dependency's "Vendor" is the side that provides, where no header names one.
  ["vendor", "provider"],
]);

/**
 * What a programme's work is grouped by ("Workstream", "WS", "Site", "Package", "Strand"): in a
 * register that joins two projects (a dependency's two sides), the project on a side, where no
 * header names it. Elsewhere an "Area" or a "Package" is a detail, not the project.
 */
const GROUPING_WORDS: ReadonlySet<string> = new Set([
  ...["ws", "site", "package", "strand", "stream", "store", "line", "area", "element", "system", "team"],
]);

/** Words that join or qualify others without naming anything ("Date of Review"). */
const NOISE = new Set([
  ...["of", "the", "a", "an", "to", "be", "in", "for", "by", "on", "and", "or", "is", "go"],
  // "This Wk RAG": the current period's rating is the rating.
  "this",
  // "Cum. Expdr. upto 09/2024", "Expenditure to 30 Jun 25": how far a figure runs says nothing of what it is.
  ...["upto", "till", "until", "thru", "through", "cum", "cumulative"],
  // Before or after treatment, a rating is the rating ("Pre-Response Probability", "Residual Likelihood").
  ...["pre", "post", "inherent", "residual"],
  ...["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"],
  ...["january", "february", "march", "april", "june", "july", "august", "september", "october"],
  ...["november", "december"],
]);

/** A word's concept: its plural dropped ("Controls" is Control), then its synonyms made one. */
function concept(word: string, weak = false): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const strong = CONCEPT_OF.get(word) ?? CONCEPT_OF.get(w);
  return strong ?? (weak ? (WEAK_CONCEPT_OF.get(word) ?? WEAK_CONCEPT_OF.get(w)) : undefined) ?? w;
}

/** A text's concepts, in order, without noise words or (when others remain) the register's own words. */
function concepts(text: string, own: ReadonlySet<string>, weak = false, phrase = false): string[] {
  // "End Date (revised / NCE)": a bracket saying which date it is, is part of the name, not a hint.
  const bracket = /[([]([^()[\]]+)[)\]]/.exec(text)?.[1];
  // Only a date's: "Budget (Revised)" is still the budget, "Actual Cost (Current FY)" the actual.
  const timed =
    bracket !== undefined &&
    headerWords(bracket).some((w) => TIME_CONCEPTS.has(concept(w))) &&
    headerWords(text.replace(/[([][^()[\]]*[)\]]/g, " ")).some((w) => DATE_CONCEPTS.has(concept(w)));
  // "Spent to Date" is a running total, not a date.
  const base = (timed ? text.replace(/[()[\]]/g, " ") : headerHint(text).base).replace(
    new RegExp(RUNNING_TOTAL.source, "gi"),
    " ",
  );
  // "Exp. to Date": as a running total, the short "Exp." is what has been spent.
  const spentSoFar = runningTotal(text);
  // "Blocked By Team": the team blocking it, the provider (a "Blocked team" waits on one).
  const words0 = headerWords(base).map((w, i, ws) =>
    w === "blocked" && ws[i + 1] === "by" ? "blocking" : w,
  );
  // "Need By Date", "NeedByDate": what is to be done by a date, as "Need By" is.
  const n = words0.length;
  const all = n > 2 && words0[n - 2] === "by" && DATE_WORDS.has(words0[n - 1]) ? words0.slice(0, -1) : words0;
  // A log's bare "By" is who is to do it, a weak word: any other owner header is surer ("Date",
  // "By" beside "Assigned To" is who raised it).
  if (weak && !phrase && all.length === 1 && all[0] === "by") return ["owner"];
  // "Check by", "Sort by": the date something is to be done by. "Who's dealing": a person.
  // (A header's, not a synonym's: the owner's "Action By" names the person; so does "Approved
  // By", while "Needed By" is a date.)
  const done = all.length > 1 ? all[all.length - 2] : "";
  const byWhen =
    !phrase &&
    all.length > 1 &&
    all[all.length - 1] === "by" &&
    (!/ed$/.test(done) || concept(done) === "need");
  // "Raised by", "Approved by": who raised or approved it, no date and no owner.
  if (!phrase && byWhen === false && all.length === 2 && all[1] === "by" && AGENT_OF.has(concept(all[0])))
    return [];
  // A leading "Key" says which matter most ("Key Milestone", "Key Date"), not an ID ("Issue key").
  // "Who raised it" is who raised it, not the owner.
  const whoOwns = all[0] === "who" && !all.slice(1).some((w) => concept(w) === "raised");
  const words = (whoOwns ? ["owner"] : all[0] === "key" && all.length > 1 ? all.slice(1) : all)
    // A period ("FY24", "Q3") says when a figure is, not what it is.
    .filter((w) => !NOISE.has(w) && !/^\d+$/.test(w) && !/^(?:fy|q|h)\d{1,4}$/.test(w))
    .map((w) => (spentSoFar && w === "exp" ? "expenditure" : concept(w, weak)));
  if (byWhen) words.push("due");
  // A synonym's "Action By" names a person by its "By": it is no name for any "Action" header.
  else if (phrase && all.length > 1 && all[all.length - 1] === "by") words.push("by");
  // "Forecast / Actual", "Actual / planned delivery": the date as it now stands, the forecast.
  const times = new Set(words.filter((w) => TIME_CONCEPTS.has(w)));
  const current = times.size > 1 && /\s\/\s|\bor\b/i.test(text);
  const unowned = words.map((w) => (current && times.has(w) ? "forecast" : w)).filter((w) => !own.has(w));
  const kept = unowned.length > 0 ? unowned : words;
  // A concept said twice counts once, where it last appears ("GMPP ID Number" is an ID).
  return kept.filter((w, i) => kept.lastIndexOf(w) === i);
}

/** Deeds whose doer ("Raised by", "Approved by") is no field: not the owner, and no date. */
const AGENT_OF: ReadonlySet<string> = new Set([
  "raised",
  "baseline",
  "decided",
  "requested",
  "authorised",
  "authorized",
  "signed",
  "endorsed",
]);

const TIME_CONCEPTS: ReadonlySet<string> = new Set(["baseline", "forecast", "actual"]);
/** Concepts that make a header a date's: "End Date", "Finish", "Go-live", "Due". */
const DATE_CONCEPTS: ReadonlySet<string> = new Set(["date", "dt", "day", "finish", "start", "due"]);

/** Whether a header's word says it holds identifiers: "No.", "Ref", "#", "ID". */
export function namesAnId(word: string): boolean {
  return concept(word) === "id";
}

/** Which of baseline, forecast or actual a header's words say it is ("PC – Approved" is a baseline), if one. */
export function timeQualifier(text: string): "baseline" | "forecast" | "actual" | null {
  const found = new Set(concepts(text, NONE).filter((c) => TIME_CONCEPTS.has(c)));
  return found.size === 1 ? ([...found][0] as "baseline" | "forecast" | "actual") : null;
}

/** What registers' entries are called, as concepts. */
// A decision log's decisions are entries too, of a log the standard does not read.
const ENTRIES: ReadonlySet<string> = new Set([
  "risk",
  "issue",
  "milestone",
  "dependency",
  "change",
  "decision",
]);

/** A header naming another register's entries ("Task Name" beside the Projects register's columns). */
export function namesAnotherEntry(text: string, own: ReadonlySet<string>): boolean {
  return concepts(text, own).some((c) => ENTRIES.has(c) && !own.has(c));
}

/** Concepts of an end said without baseline, forecast or actual: "End Date", "Target Completion". */
const UNQUALIFIED_END: ReadonlySet<string> = new Set(["finish", "due", "date"]);

/** Words that make an entry another one, or a figure of it: "Parent Task", "Payment Milestone". */
const RELATED_ENTRY: ReadonlySet<string> = new Set([
  ...["parent", "child", "predecessor", "linked", "related", "next", "previous", "prior", "summary"],
  ...["payment", "value", "level", "tier", "stage", "fix", "programme", "program", "sub", "major", "minor"],
]);

/** Entries of logs the standard does not read (a decision log's decisions). */
const UNREAD_ENTRIES: ReadonlySet<string> = new Set(["decision"]);

/**
 * A header naming the entries of a log the standard does not read, by its concept words: their
 * key or title ("Decision ID", "Decision Title"), not a figure of them ("CAB Decision Date").
 */
export function namesUnreadEntry(text: string): boolean {
  const words = concepts(text, NONE);
  return words.some(
    (c, i) => UNREAD_ENTRIES.has(c) && (words[i + 1] === "id" || TITLE_WORDS.has(words[i + 1] ?? "")),
  );
}

/** A header naming another register's entries themselves: "Task Name", "Risk Title", "Issue Description". */
export function titlesAnotherEntry(text: string, own: ReadonlySet<string>): boolean {
  const words = concepts(text, own);
  return words.length === 2 && ENTRIES.has(words[0]) && !own.has(words[0]) && TITLE_WORDS.has(words[1]);
}
const TITLE_WORDS: ReadonlySet<string> = new Set(["name", "title", "description"]);

/** A sheet name with a word meaning the register's own ("Site Concerns" for Issues, "Stage Gates" for Milestones). */
export function nameMentions(sheetName: string, registerName: string): boolean {
  const own = new Set(headerWords(registerName).map((w) => concept(w)));
  return headerWords(sheetName).some((w) => w.length > 1 && own.has(concept(w)));
}

/** Each column's header and synonyms as concepts, worked out once per register (hot: every header cell asks). */
const phraseCache = new WeakMap<RegisterSpec, WeakMap<ReadonlySet<string>, Map<ColumnSpec, string[][]>>>();
function phrasesOf(spec: RegisterSpec, own: ReadonlySet<string>): Map<ColumnSpec, string[][]> {
  let byOwn = phraseCache.get(spec);
  if (!byOwn) phraseCache.set(spec, (byOwn = new WeakMap()));
  let phrases = byOwn.get(own);
  if (!phrases) {
    // A synonym that, without the register's own words, is another column's header belongs to
    // that column: the Projects register's "Portfolio Name" is not "Name" (the project's name).
    const headers = new Set(spec.columns.map((col) => concepts(col.header, own, false, true).join(" ")));
    phrases = new Map(
      spec.columns.map((col) => {
        const own_ = concepts(col.header, own, false, true).join(" ");
        const list = [col.header, ...col.synonyms]
          .map((p) => ({
            c: concepts(p, own, false, true),
            stripped: concepts(p, own, false, true).length < concepts(p, NONE, false, true).length,
          }))
          .filter(
            ({ c, stripped }, i) => i === 0 || !stripped || c.join(" ") === own_ || !headers.has(c.join(" ")),
          )
          .map(({ c }) => c);
        return [col, list];
      }),
    );
    byOwn.set(own, phrases);
  }
  return phrases;
}

const DATE_WORDS: ReadonlySet<string> = new Set(["date", "dt", "day"]);
/** A figure for the year, quarter or month so far, or for one week or month. */
const PERIOD_TO_DATE: ReadonlySet<string> = new Set([
  ...["ytd", "qtd", "mtd", "fytd", "fy"],
  ...["wk", "week", "weekly", "month", "mth", "monthly", "period", "qtr", "quarter", "quarterly"],
]);
/** What a PMO tracks besides the registers, whose owners are their own: "Benefit Owner". */
const OTHER_ROLES: ReadonlySet<string> = new Set(["benefit", "lesson"]);
const PERCENT_WORDS: ReadonlySet<string> = new Set(["percent", "percentage", "pct", "perc", "%"]);
/** Concepts that are people: a header ending in one holds a person, whatever qualifies it. */
const PERSON: ReadonlySet<string> = new Set(["owner", "manager"]);
/** A header that starts with "Project" in another register ("Project Title" in a change log) is about the project. */
const PROJECT = "project";
const NONE: ReadonlySet<string> = new Set();

/**
 * The one column whose phrase's concepts the header holds most of (the later the match, the
 * surer: a header's last word names it, "Action Due" is a due date), or null when none or two
 * columns fit equally.
 */
export function conceptColumn(spec: RegisterSpec, text: string, own: ReadonlySet<string>): ColumnSpec | null {
  return conceptColumns(spec, text, own)[0] ?? null;
}

/**
 * The columns a header's concepts name, surest first, each surer than the next: the second is
 * what the header names when the first's values do not fit ("Description and Impact" holds
 * text, so it is the title, not the impact rating). Empty when the surest two tie. `weak` also
 * reads the weak concept words; `ties` keeps tied columns, for a caller that decides by values.
 */
export function conceptColumns(
  spec: RegisterSpec,
  text: string,
  own: ReadonlySet<string>,
  weak = false,
  ties = false,
): ColumnSpec[] {
  if (text.length > MAX_LOOKUP_LENGTH || namesOtherFigure(text)) return [];
  const read = concepts(text, own, weak);
  const grouped = weak && spec.columns.filter((c) => c.references === "projects").length > 1;
  const words = grouped ? [...new Set(read.map((w) => (GROUPING_WORDS.has(w) ? PROJECT : w)))] : read;
  if (words.length === 0) return [];
  // "Release Date", "Gate Date" in a milestone plan: the entry's own date, when the register
  // requires one date (a project's start and finish are two).
  if (words.length === 1 && words[0] === "date" && nameMentions(text, spec.sheet)) {
    const dated = entryDateColumn(spec);
    return dated ? [dated] : [];
  }
  // "Planned %", "Act. POC %": a share said only by which it is, the register's share of that kind.
  const share = saysPercent(text) ? shareByTime(spec, words) : undefined;
  if (share) return [share];
  // A share is never a date or an amount ("Actual Progress (%)", "Actual %").
  const whole = rankedColumns(spec, words, own, ties).filter(
    (c) =>
      ((c.type !== "date" && c.type !== "money") || !saysPercent(text)) &&
      // A running total ("Fees to Date") is spending, never a budget or an estimate.
      (c.type !== "money" || c.field === "ac" || !runningTotal(text)) &&
      // Nor is money committed ("Committed Cost") any figure of ours.
      (c.type !== "money" || !committedMoney(text)),
  );
  // A header whose last word names another register's entries holds their keys, not the
  // project's ("Blocked issue" beside "Blocked team"; a "Deliverable Receiver" is a project).
  const head = words[words.length - 1];
  if (ENTRIES.has(head) && !own.has(head)) return whole.filter((c) => c.references === undefined);
  if (whole.length > 0) return whole;
  // An end with no word saying which ("End Date", "Target Completion") is the entry's own date in
  // a register that requires one date (a milestone's): the date it is planned for.
  const dated = entryDateColumn(spec);
  if (dated && words.every((w) => UNQUALIFIED_END.has(w)) && words.some((w) => w !== "date")) return [dated];
  // A header of one word we do not know, then the register's own entry ("Remediation Milestone"),
  // names the entries themselves (a milestone plan's; other registers' titles are not required).
  // Not a figure of it or another entry ("Payment Milestone", "Parent Task").
  const said = headerWords(text);
  const entry = concept(said[said.length - 1] ?? "");
  const qualifier = said[0] ?? "";
  if (
    said.length === 2 &&
    ENTRIES.has(entry) &&
    own.has(entry) &&
    concept(qualifier, true) === qualifier &&
    !RELATED_ENTRY.has(qualifier)
  ) {
    const title = entryNameColumn(spec);
    if (title) return [title];
  }
  // A bilingual header ("Projekta vadītājs / Project manager"): what the one alternative whose
  // words name a column names, when the others hold no word we know ("Key Issues / Risks" is
  // two English things, neither a column).
  const alternatives = text.split(/\s+\/\s+/).filter((part) => /\p{L}/u.test(part));
  if (alternatives.length < 2) return [];
  const readings = alternatives.map((part) => concepts(part, NONE, weak));
  const english = readings.filter((partWords) => partWords.some((c) => CONCEPT_HEADS.has(c)));
  if (english.length !== 1) return [];
  return rankedColumns(spec, concepts(alternatives[readings.indexOf(english[0])], own, weak), own, ties);
}

/** The share column a percentage header's one time word names: "Actual %" is done, "Planned %" planned. */
function shareByTime(spec: RegisterSpec, words: readonly string[]): ColumnSpec | undefined {
  // Beside a % sign, POC is the percentage of completion (elsewhere, often a proof of concept).
  const rest = words.filter((w) => !PERCENT_WORDS.has(w) && w !== "poc");
  if (rest.length !== 1 || !TIME_CONCEPTS.has(rest[0])) return undefined;
  const shares = spec.columns.filter((c) => c.type === "percent");
  const time = rest[0] === "actual" ? null : rest[0];
  return shares.find((c) => timeQualifier(c.header) === time);
}

/** The columns a header's concepts name, surest first (see conceptColumns). */
function rankedColumns(
  spec: RegisterSpec,
  words: readonly string[],
  own: ReadonlySet<string>,
  ties: boolean,
): ColumnSpec[] {
  const scored: { col: ColumnSpec; score: number }[] = [];
  for (const col of spec.columns) {
    const colScore = conceptScore(spec, words, own, col);
    if (colScore > 0) scored.push({ col, score: colScore });
  }
  scored.sort((a, b) => b.score - a.score);
  const out: ColumnSpec[] = [];
  for (let i = 0; i < scored.length; i++) {
    // A tie leaves the rest unranked: which of the two the header means is not for us to guess
    // (unless `ties`: the caller decides by values).
    if (!ties && i + 1 < scored.length && scored[i + 1].score === scored[i].score) break;
    out.push(scored[i].col);
  }
  return out;
}

/** A header's words name the column's by their last word (the surest naming): "Delivery Lead" is a lead. */
const NAMES_LAST = 1000;

/** How surely a header's concepts name a column (0: not at all). */
function conceptScore(
  spec: RegisterSpec,
  words: readonly string[],
  own: ReadonlySet<string>,
  col: ColumnSpec,
): number {
  // A header that says "Date" names a date column ("Date of Commissioning Anticipated").
  // So does a start or a finish beside the register's project word ("Trial Start", "Campaign
  // Launch" in a milestone plan are dates, not the project).
  if (words.some((w) => DATE_WORDS.has(w)) && col.type !== "date") return 0;
  // What was earned (the earned value) is a figure the engine works out, never a budget or a cost
  // read ("Fee Earned" is no fee).
  if (words.includes("earned") && col.type === "money") return 0;
  // A share is never a date ("Completion Percentage" is how complete, not when).
  if (words.some((w) => PERCENT_WORDS.has(w)) && col.type === "date") return 0;
  // A year's or a month's figure ("Actuals YTD") is no project's cost to date, nor its budget.
  if (words.some((w) => PERIOD_TO_DATE.has(w)) && col.type === "money") return 0;
  // A benefit's or a lesson's owner is someone else's role, not the project's manager or an owner.
  if (PERSON.has(words[words.length - 1]) && words.some((w) => OTHER_ROLES.has(w)) && PERSON.has(col.field))
    return 0;
  // "Financial Progress" is the share of the money spent, not of the work done.
  if (words.includes("financial") && col.type === "percent") return 0;
  if (words[0] === PROJECT && words.some((w) => w === "start" || w === "finish") && col.type !== "date")
    return 0;
  let colScore = 0;
  // A date column's "Date" is implied by its values ("Action By Date" is "Action By").
  const implied = col.type === "date" ? DATE_WORDS : NONE;
  const held = words.filter((c) => !implied.has(c));
  const aboutProject = held[0] === PROJECT && !own.has(PROJECT);
  for (const phraseConcepts of phrasesOf(spec, own).get(col)!) {
    const need = new Set(phraseConcepts.filter((c) => !implied.has(c)));
    // Half the header's words at least, unless its last word is a person the phrase names and
    // the words before it are another of the register's columns: "Mitigation Strategy Owner" is
    // an owner ("Benefits Realisation Owner" names no column, so it is not).
    const lastWord = held[held.length - 1];
    const person =
      need.size === 1 &&
      PERSON.has(lastWord) &&
      need.has(lastWord) &&
      namesAColumn(spec, held.slice(0, -1), own, col);
    if (need.size === 0 || (need.size * 2 < held.length && !person)) continue;
    // "Completion" names the share complete only as itself: an "End" is a date ("Project End");
    // a "Completion Rate" of 45, 80 fits no date, and is left unread by its values.
    if (
      col.type !== "date" &&
      need.size === 1 &&
      need.has("finish") &&
      !words.some((w) => PERCENT_WORDS.has(w))
    )
      continue;
    if (![...need].every((c) => held.includes(c))) continue;
    // "Project Title" in a change log is the project's title: only a column about projects takes it.
    if (aboutProject && !need.has(PROJECT)) continue;
    const last = Math.max(...[...need].map((c) => held.lastIndexOf(c)));
    // Holding the header's last word outranks holding more of its words ("Whole Life Cost
    // Forecast" is a forecast before it is a whole life cost).
    // A trailing "Name" says whose name the column holds: "Resource Names" are the owners', and
    // only where nothing else is named ("Site Name") is it the name itself.
    const whose = held.length > 1 && held[held.length - 1] === "name" ? held.length - 2 : held.length - 1;
    const namesLast = last === whose ? NAMES_LAST : last > whose ? NAMES_LAST / 2 : 0;
    colScore = Math.max(colScore, namesLast + need.size * 100 + last);
  }
  return colScore;
}

/** Whether some other column of the register is named by exactly these concepts ("Mitigation Strategy"). */
function namesAColumn(
  spec: RegisterSpec,
  words: readonly string[],
  own: ReadonlySet<string>,
  not: ColumnSpec,
): boolean {
  const key = [...new Set(words)].sort().join(" ");
  return [...phrasesOf(spec, own)].some(
    ([col, phrases]) => col !== not && phrases.some((p) => [...new Set(p)].sort().join(" ") === key),
  );
}

/**
 * Whether a header names the column by its last word ("Delivery Lead" is a lead; "Accountable
 * SMF" only mentions one): between two headers named by concept words alone, that one is surer.
 */
export function namesByLastWord(
  spec: RegisterSpec,
  text: string,
  own: ReadonlySet<string>,
  col: ColumnSpec,
): boolean {
  if (text.length > MAX_LOOKUP_LENGTH || namesOtherFigure(text)) return false;
  return conceptScore(spec, concepts(text, own), own, col) >= NAMES_LAST;
}
