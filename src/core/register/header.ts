/**
 * Header rows: found among the first rows (title blocks sit above them), and their cells
 * matched to the standard's columns by normalised header text and synonyms, then by the
 * header without its hints ("Impact_1_5" is Impact) and without filler words ("Current
 * Status" is Status, "Raised_Date" is Raised). When two cells could be one column, the one
 * whose values fit the column's type is read.
 */
import { cellAt, displayCell, isBlankCell, type SheetGrid } from "../grid";
import type { ColumnSpec, RegisterSpec } from "../standard/schema";
import {
  headerHint,
  headerWords,
  MAX_HEADER_LENGTH,
  MAX_LOOKUP_LENGTH,
  namesOtherFigure,
  namesYear,
  runningTotal,
  type HeaderHint,
} from "./header-hints";
import { claimChangeAmount } from "./change-amount";
import {
  conceptColumn,
  conceptColumns,
  namesByLastWord,
  namesUnreadEntry,
  timeQualifier,
} from "./concept-words";
import { matchKey, wordCount } from "./normalize";
import { statusQuestion } from "./question-header";
import {
  claimByValues,
  claimEntryName,
  claimQualified,
  claimReferences,
  codesBeforeSerial,
  holdsNumbers,
  keyBeforeReference,
  takeScoreFromRatings,
  keyByValues,
  nameByGrouping,
  proseShare,
} from "./columns-by-values";

/**
 * matchKey(header or synonym) -> the columns it names; headers win over another column's synonym.
 * Several columns may name the same header (a project's name read as its ID too, in a register
 * without IDs); they may also take its second or later occurrence (`occurrence`).
 */
export function headerIndex(spec: RegisterSpec): Map<string, ColumnSpec[]> {
  let index = indexCache.get(spec);
  if (index) return index;
  index = new Map<string, ColumnSpec[]>();
  const add = (key: string, col: ColumnSpec) => index!.set(key, [...(index!.get(key) ?? []), col]);
  for (const col of spec.columns) add(matchKey(withIdSign(col.header)), col);
  for (const col of spec.columns) {
    for (const syn of col.synonyms) {
      const key = matchKey(withIdSign(syn));
      if (key !== "" && !index.has(key)) add(key, col);
    }
  }
  indexCache.set(spec, index);
  return index;
}
const indexCache = new WeakMap<RegisterSpec, Map<string, ColumnSpec[]>>();

/** "Risk #", "Project #": an ID, not a title ('#' is not part of a match key). */
function withIdSign(text: string): string {
  return /#\s*$/.test(text) ? text.replace(/#\s*$/, " ID") : text;
}

/** Abbreviations spelled out in a header's words ("Proj Ref" is "Project Ref"). */
const ABBREVIATIONS: Record<string, string> = {
  proj: "project",
  prj: "project",
  mgr: "manager",
  mngr: "manager",
  dept: "department",
  desc: "description",
  descr: "description",
  fcst: "forecast",
  tgt: "target",
  prob: "probability",
  like: "likelihood",
  lhood: "likelihood",
  imp: "impact",
  resp: "response",
  amt: "amount",
  pct: "percent",
  perc: "percent",
  num: "number",
  stat: "status",
  cat: "category",
  sev: "severity",
  pri: "priority",
  prio: "priority",
  mitig: "mitigation",
  est: "estimated",
  orig: "original",
  rev: "revised",
  bl: "baseline",
  identifier: "id",
  ident: "id",
  comp: "complete",
  compl: "complete",
  cmpl: "complete",
  fin: "finish",
  bdgt: "budget",
  budg: "budget",
  dte: "date",
  dt: "date",
  reqd: "required",
};

/** How surely a header names a column: its own header, a synonym, or a derived form. */
export const QUALITY = {
  header: 3,
  synonym: 2,
  hinted: 1.5,
  derived: 1,
  concept: 0.5,
  /** A header's second concept, taken because its first did not fit: loses to any other. */
  secondConcept: 0.25,
} as const;

/** A column named only by concept words is read when at least this share of its values fits it. */
const CONCEPT_FIT = 0.5;
/**
 * In place of a misfit header's own column, the share of values that must fit the column its
 * words name instead: above what an open list's own labels alone reach (they fit by half, in
 * read-register.ts), so only listed values decide there.
 */
const ALTERNATIVE_FIT = 0.6;

export interface HeaderLookup {
  readonly key: string;
  readonly cols: readonly ColumnSpec[];
  readonly quality: number;
  readonly hint: HeaderHint;
}

/** Words that say nothing about which column a header is ("Current Status" is Status). */
const FILLER = new Set([
  "current",
  "latest",
  "curr",
  "the",
  "overall",
  "proposed",
  "timeline",
  "primary",
  "main",
]);
/** Words that join others ("Date for Review" is "Date Review"). */
const FUNCTION_WORDS = new Set(["for", "of", "the", "a", "an", "to", "be", "in", "at"]);

/** Words naming any log, dropped from the front ("RAID Owner" is Owner). */
const LOG_WORDS = new Set(["raid", "item", "log", "entry"]);

/** The words naming a register ("risk" for Risks, Risk Register...), dropped from the front of its headers. */
export function registerWords(spec: RegisterSpec): ReadonlySet<string> {
  let words = wordsCache.get(spec);
  if (!words) {
    words = new Set(LOG_WORDS);
    for (const name of [spec.sheet, ...spec.synonyms]) {
      // An acronym the register goes by ("CR Log"): "CR Title" is the Title.
      for (const acronym of name.match(/\b[A-Z]{2}\b/g) ?? []) words.add(acronym.toLowerCase());
      for (const w of headerWords(name)) {
        // A register's "Key Dates" is no word of its headers: "Release date" is still a date.
        if (w.length <= 2 || w === "register" || w === "date" || w === "dates") continue;
        words.add(w.replace(/s$/, "")).add(w);
        if (w.length > 6) words.add(w.slice(0, 3)); // "Dep Ref", "Dep Status"
      }
    }
    // A word that is one of the register's optional columns ("Portfolio") names that column, not
    // the register: "Improvement Portfolio" is the portfolio (a milestone plan's "Milestone" is
    // both the entry and the register).
    for (const col of spec.columns) if (!col.required) words.delete(matchKey(col.header));
    wordsCache.set(spec, words);
  }
  return words;
}
const wordsCache = new WeakMap<RegisterSpec, Set<string>>();

const DATE_TRAILERS = new Set(["date", "dt"]);
const TRAILING = new Set(["date", "dt", "on", "by", "text", "name", "level", "rating", "value", "details"]);

/** The keys a header may be known by, surest first. */
function derivedKeys(
  base: string,
  own: ReadonlySet<string>,
  datesOnly: Set<string>,
  notDates: Set<string>,
): string[] {
  const words = headerWords(base);
  const keys: string[] = [];
  const push = (w: readonly string[]) => {
    const key = matchKey(w.join(""));
    if (key !== "" && !keys.includes(key)) keys.push(key);
  };
  const spelled = words.map((x) => ABBREVIATIONS[x] ?? x);
  if (spelled.some((x, i) => x !== words[i])) push(spelled);
  let w = spelled.filter((x) => !FUNCTION_WORDS.has(x));
  if (w.length === 0) w = spelled;
  else if (w.length < spelled.length) push(w);
  const fromFiller = keys.length;
  // "Current Completion Date" is the forecast, not the Completion Date (the concept words read it).
  const asNow = w.length > 1 && (w[0] === "current" || w[0] === "latest");
  while (w.length > 1 && FILLER.has(w[0])) w = w.slice(1);
  // "ManagerFullName" is the manager's name.
  if (w.length > 2) w = w.filter((x, i) => !(x === "full" && w[i + 1] === "name"));
  push(w);
  // "Date of Request" is "Request Date" (before the register's own words go: a change log's request).
  if (w.length > 1 && (w[0] === "date" || w[0] === "dt")) push([...w.slice(1), "date"]);
  // "Date Risk Identified" is "Date Identified" in the Risks register.
  const unowned = w.filter((x) => !own.has(x));
  if (unowned.length > 0 && unowned.length < w.length) {
    push(unowned);
    w = unowned;
  }
  // "Date Needed" is "Needed", as "Raised Date" is "Raised".
  if (w.length > 1 && (w[0] === "date" || w[0] === "dt")) push(w.slice(1));
  if (w.length > 1 && own.has(w[0])) push(w.slice(1));
  if (w.length > 1 && TRAILING.has(w[w.length - 1])) {
    const before = keys.length;
    push(w.slice(0, -1));
    if (w.length > 2 && own.has(w[0])) push(w.slice(1, -1));
    // "Action By Date" is a date: without its "Date" it may name only a date column.
    if (DATE_TRAILERS.has(w[w.length - 1])) for (const k of keys.slice(before)) datesOnly.add(k);
  }
  // "Validation Status", "Delivery State": a register's status, whatever kind of status it names.
  const last = w[w.length - 1];
  if (w.length > 1 && (last === "status" || last === "state")) push(["status"]);
  if (asNow) for (const k of keys.slice(fromFiller)) notDates.add(k);
  return keys;
}

/** A header's key without the register's, log, filler and function words ("CR Title" is "title"). */
function bareKey(text: string, own: ReadonlySet<string>): string {
  const words = headerWords(text).filter((w) => !own.has(w) && !FILLER.has(w) && !FUNCTION_WORDS.has(w));
  return matchKey(words.join(""));
}

/** The columns a header names, and how surely; null when it names none. */
export function lookupHeader(
  index: ReadonlyMap<string, readonly ColumnSpec[]>,
  text: string,
  own: ReadonlySet<string> = LOG_WORDS,
): HeaderLookup | null {
  const shown = withIdSign(text);
  // "Done?", "Still true?": a status asked as a question (its answers are read in question-header.ts).
  const status = statusQuestion(text) ? index.get("status")?.filter((c) => c.field === "status") : undefined;
  if (status && status.length > 0)
    return { key: "status", cols: status, quality: QUALITY.synonym, hint: { base: text } };
  const key = matchKey(shown);
  const direct = index.get(key);
  if (direct) {
    const quality = direct.some((c) => matchKey(c.header) === key) ? QUALITY.header : QUALITY.synonym;
    return { key, cols: direct, quality, hint: { base: shown } };
  }
  // Nothing longer than a sentence is a header (and the patterns below need not see it).
  if (shown.length > MAX_LOOKUP_LENGTH || namesOtherFigure(shown)) return null;
  // "Planned / Forecast", "Actual / planned delivery": the date as it now stands, which the
  // concept words read as the forecast; no one of its words alone.
  const sides = shown.split(/\s+\/\s+/);
  if (sides.length > 1) {
    const times = sides.map(timeQualifier);
    if (!times.includes(null) && new Set(times).size > 1) return null;
  }
  const hint = headerHint(shown);
  // "End Date (revised / NCE)" is no plain End Date, nor a list of End Date's values: a bracket
  // saying which date it is stays with the header, for the concept words to read whole.
  const bracket = /[([]([^()[\]]+)[)\]]/.exec(shown)?.[1];
  // Only a date's: "Budget (Revised)" is still the budget, "Actual Cost (Current FY)" the actual.
  const outside = index.get(matchKey(shown.replace(/\s*[([][^()[\]]*[)\]]\s*/g, " ").trim()));
  const timed =
    bracket !== undefined &&
    timeQualifier(bracket) !== null &&
    outside !== undefined &&
    outside.every((c) => c.type === "date");
  const baseKey = matchKey(hint.base);
  const based = index.get(baseKey);
  if (based && baseKey !== "" && !timed) return { key: baseKey, cols: based, quality: QUALITY.hinted, hint };
  const unbracketed = hint.base.replace(/\s*[([][^()[\]]*[)\]]\s*/g, " ").trim();
  // "End (Forecast)" is "Forecast End" before it is "End".
  const qualifier = /^([^()[\]]+?)\s*[([]([^()[\]]+)[)\]]\s*$/.exec(timed ? shown : hint.base);
  const plain = unbracketed !== "" && unbracketed !== hint.base && !timed ? [matchKey(unbracketed)] : [];
  if (qualifier) plain.unshift(matchKey(`${qualifier[2]} ${qualifier[1]}`));
  const product = productKey(hint.base);
  if (product) plain.unshift(product);
  // Each row is one or the other ("Programme / Project", "Venue / Project"): the column the
  // register's own entry word names is the entry's name, whatever the other alternative is.
  const entry = entryAlternative(index, text, own);
  if (entry) return entry;
  const datesOnly = new Set<string>();
  const notDates = new Set<string>();
  // "Current Baseline Finish" still says which date it is: only a plain current date is the forecast.
  const saysWhich = timeQualifier(shown.replace(/^\s*(?:current|latest)\b/i, ""));
  const nowIsForecast = saysWhich !== "baseline" && saysWhich !== "actual";
  // A running total ("Fees to Date") is what has been spent, never a budget or an estimate.
  const running = runningTotal(shown);
  for (const k of [
    ...plain,
    ...derivedKeys(timed ? shown : unbracketed || hint.base, own, datesOnly, notDates),
  ]) {
    const found = index.get(k);
    const cols = datesOnly.has(k)
      ? found?.filter((c) => c.type === "date")
      : notDates.has(k) && nowIsForecast
        ? found?.flatMap((c) => (c.type !== "date" ? [c] : forecastOf(index, c)))
        : running
          ? found?.filter((c) => c.type !== "money" || c.field === "ac")
          : found;
    if (cols && cols.length > 0) {
      // The column's own name under the register's, filler or function words alone ("CR Title",
      // "Raised At") is as sure as a synonym; not a kind of it ("Action Status" is no status).
      const ownName = cols.some((c) => matchKey(c.header) === k) && bareKey(hint.base, own) === k;
      return { key: k, cols, quality: ownName ? QUALITY.synonym : QUALITY.derived, hint };
    }
  }
  // "Milestone / Quality Gate", "Mitigation / Resolution", a bilingual "Sākums / Start": what the
  // first alternative naming a column names, when the others name nothing else ("Achieved /
  // Forecast" names two columns, so neither).
  const alternatives = text.split(/\s+\/\s+/).filter((part) => /\p{L}/u.test(part));
  if (alternatives.length > 1) {
    const named = alternatives.flatMap((part) => lookupHeader(index, part, own) ?? []);
    const first = named[0];
    if (first && named.every((n) => n.cols.every((c) => first.cols.includes(c))))
      return { ...first, quality: Math.min(first.quality, QUALITY.derived) };
  }
  // "Status⏎(O)pen, (C)losed, (H)old": a header's first line names it, the rest explains it.
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && /\p{L}/u.test(lines[0])) {
    const first = lookupHeader(index, lines[0], own);
    if (first) return { ...first, quality: Math.min(first.quality, QUALITY.derived) };
  }
  return null;
}

/** Of a header's alternatives, the one the register's entry word alone names ("Project" in "Programme / Project"). */
function entryAlternative(
  index: ReadonlyMap<string, readonly ColumnSpec[]>,
  text: string,
  own: ReadonlySet<string>,
): HeaderLookup | null {
  const alternatives = text.split(/\s+\/\s+/);
  if (alternatives.length < 2) return null;
  const entryCols = [...own].flatMap((w) => index.get(matchKey(w)) ?? []);
  const entry = alternatives.find((part) => entryCols.some((c) => index.get(matchKey(part))?.includes(c)));
  if (!entry) return null;
  const found = lookupHeader(index, entry, own);
  return found && { ...found, quality: Math.min(found.quality, QUALITY.derived) };
}

const PROBABILITY_WORDS = new Set(["p", "l", "prob", "probability", "likelihood", "chance", "lik"]);
const IMPACT_WORDS = new Set(["i", "imp", "impact", "severity", "s", "consequence", "c"]);

/** "L x I", "Prob * Impact", "Likelihood × Consequence": the P x I score, however written. */
function productKey(text: string): string | null {
  const m = /^\s*([a-z]+)\.?\s*(?:x|×|\*|times)\s*([a-z]+)\.?\s*(?:score|rating|value)?\s*$/i.exec(text);
  if (!m || !PROBABILITY_WORDS.has(m[1].toLowerCase()) || !IMPACT_WORDS.has(m[2].toLowerCase())) return null;
  return matchKey("P x I");
}

function rowWidth(grid: SheetGrid, row: number): number {
  return grid.rows[row]?.length ?? 0;
}

export interface HeaderRowScore {
  readonly row: number;
  /** Distinct columns the row's cells name. */
  readonly fields: ReadonlySet<string>;
}

/** Every row among the first `searchRows` naming at least one column, with the columns it names. */
export function scoreHeaderRows(grid: SheetGrid, spec: RegisterSpec, searchRows: number): HeaderRowScore[] {
  const index = headerIndex(spec);
  const own = registerWords(spec);
  const out: HeaderRowScore[] = [];
  const limit = Math.min(searchRows, grid.rows.length);
  for (let r = 0; r < limit; r++) {
    const fields = new Set<string>();
    const width = rowWidth(grid, r);
    let texts = 0;
    for (let c = 0; c < width; c++) {
      const v = cellAt(grid, r, c);
      if (typeof v !== "string" || v.length > MAX_HEADER_LENGTH) continue;
      texts++;
      // Concept words naming a decision log's entries ("Decision ID") name none of a register's columns.
      const cols =
        lookupHeader(index, v, own)?.cols ??
        (namesUnreadEntry(v) ? [] : [conceptColumn(spec, v, own)].filter((x) => x !== null));
      for (const col of cols) fields.add(col.field);
    }
    if (fields.size > 0 && texts > 0) out.push({ row: r, fields });
  }
  return out;
}

/**
 * The 0-based row that best looks like the header: the most distinct columns recognised,
 * at least two (or one for a single-column register). Null when no row qualifies.
 */
export function detectHeaderRow(grid: SheetGrid, spec: RegisterSpec, searchRows: number): number | null {
  const needed = Math.min(2, spec.columns.length);
  let best: number | null = null;
  let bestScore = 0;
  for (const { row, fields } of scoreHeaderRows(grid, spec, searchRows)) {
    if (fields.size >= needed && fields.size > bestScore) {
      best = row;
      bestScore = fields.size;
    }
  }
  return best;
}

export interface HeaderCell {
  readonly col: number;
  readonly text: string;
  /** What the header says besides its name (scale, unit, currency), when it says anything. */
  readonly hint?: HeaderHint;
}

export interface HeaderMatch {
  /** field -> the sheet column that holds it (the first, when a header is duplicated). */
  readonly columns: Map<string, HeaderCell>;
  /** field -> columns read, in order, when its own cell is blank (the standard's `fallback`). */
  readonly fallbacks: Map<string, HeaderCell[]>;
  readonly duplicates: { cell: HeaderCell; spec: ColumnSpec; first: HeaderCell }[];
  /** Cells named like a column but holding other values (and not prose), so not read. */
  readonly misfits: { cell: HeaderCell; spec: ColumnSpec }[];
  /** Cells that could have been a column, passed over for one whose values fit it better. */
  readonly passedOver: { cell: HeaderCell; spec: ColumnSpec; chosen: HeaderCell }[];
  readonly unknown: HeaderCell[];
  /** Header cells left blank (whether their column holds data is for the caller to see). */
  readonly blanks: number[];
}

/** Every column the standard says a header (and its nth occurrence) holds, as primary or fallback. */
function usesOf(
  spec: RegisterSpec,
): Map<string, { col: ColumnSpec; occurrence: number; fallback: boolean }[]> {
  const uses = new Map<string, { col: ColumnSpec; occurrence: number; fallback: boolean }[]>();
  const add = (header: string, col: ColumnSpec, occurrence: number, fallback: boolean) => {
    const key = matchKey(header);
    const list = uses.get(key) ?? [];
    list.push({ col, occurrence, fallback });
    uses.set(key, list);
  };
  for (const col of spec.columns)
    for (const f of col.fallback ?? []) add(f.header, col, f.occurrence ?? 1, true);
  return uses;
}

/** Share (0..1) of a column's sampled values that fit a column spec; null when it has no values. */
export type ValueFit = (col: number, spec: ColumnSpec) => number | null;

interface Candidate {
  readonly cell: HeaderCell;
  readonly spec: ColumnSpec;
  readonly quality: number;
  readonly order: number;
}

/** Below this share of fitting values, a header's own column gives way to what its concept words name. */
const MISFIT = 0.2;
/** A value of this many words is a sentence; a column mostly of sentences is narrative. */
const PROSE_WORDS = 5;
const PROSE_SAMPLE_ROWS = 50;

/** Whether most of a column's values are sentences (notes, not ratings, statuses or dates). */
function holdsProse(grid: SheetGrid, headerRow: number, c: number): boolean {
  let values = 0;
  let sentences = 0;
  for (let r = headerRow + 1; r < grid.rows.length && values < PROSE_SAMPLE_ROWS; r++) {
    const v = cellAt(grid, r, c);
    if (isBlankCell(v)) continue;
    values++;
    if (typeof v === "string" && wordCount(v) >= PROSE_WORDS) sentences++;
  }
  return values > 0 && sentences * 5 >= values * 3;
}

/**
 * Whether a header says what is already in place ("Existing Controls", "Current controls",
 * "Controls in place"): beside what will be done ("Further action", "Treatment Actions"), it is
 * not the plan. A "Current Mitigation" is the plan as it stands.
 */
function saysInPlace(text: string): boolean {
  const words = headerWords(text);
  const controls = words.some((w) => w === "control" || w === "controls");
  return words.includes("existing") || /\bin\s+place\b/i.test(text) || (words[0] === "current" && controls);
}

/** A plan for when the risk happens ("Contingency Plan", "Fallback"): never the response in place of another. */
function saysContingency(text: string): boolean {
  return headerWords(text).some((w) => w === "contingency" || w === "fallback");
}

/** Of two sentences, whether `other` is what will be done where `chosen` is what is in place. */
function plannedOver(other: string, chosen: string): boolean {
  return saysInPlace(chosen) && !saysInPlace(other) && !saysContingency(other);
}

/** Whether a header starts with the register's own item ("Risk Owner" in the Risks register). */
function namesOwnItem(text: string, spec: RegisterSpec): boolean {
  const first = headerWords(text)[0];
  return first !== undefined && !LOG_WORDS.has(first) && registerWords(spec).has(first);
}

/** The figure as it now stands beside a baseline or actual one ("Finish" beside "Baseline Finish"). */
const FORECAST_OF: Readonly<Record<string, string>> = {
  baselineFinish: "forecastFinish",
  actualFinish: "forecastFinish",
  bac: "forecastCost",
  ac: "forecastCost",
  baselineDate: "forecastDate",
  actualDate: "forecastDate",
};

/** Only a project's finish: a milestone's "Date Approved" is its sign-off, not its baseline. */
const BASELINE_FIELDS: ReadonlySet<string> = new Set(["baselineFinish"]);

/** The date as it now stands beside a baseline or actual date ("Latest date" beside "Date"), if the register has one. */
function forecastOf(index: ReadonlyMap<string, readonly ColumnSpec[]>, col: ColumnSpec): ColumnSpec[] {
  const field = FORECAST_OF[col.field];
  if (!field) return [];
  for (const cols of index.values()) {
    const found = cols.find((c) => c.field === field);
    if (found) return [found];
  }
  return [];
}

/**
 * A second header for a baseline or actual column that lacks the first's qualifier is the
 * figure as it stands (Project Online's "ProjectFinishDate" beside "ProjectBaselineFinishDate",
 * "ProjectCost" beside "ProjectActualCost"): it is read as the forecast, when that is free and
 * its values fit.
 */
function takeForecastSiblings(
  spec: RegisterSpec,
  columns: Map<string, HeaderCell>,
  used: Set<number>,
  duplicates: HeaderMatch["duplicates"],
  fit: ValueFit | undefined,
): void {
  for (let i = duplicates.length - 1; i >= 0; i--) {
    const { cell, spec: col, first } = duplicates[i];
    const target = spec.columns.find((c) => c.field === FORECAST_OF[col.field]);
    if (!target || columns.has(target.field) || used.has(cell.col)) continue;
    // The first says baseline or actual (or is the budget), the second says nothing of the kind.
    const said = timeQualifier(first.text);
    const qualified = said === "baseline" || said === "actual" || headerWords(first.text).includes("budget");
    // Or the other way round: a plain "Due Date" read as the baseline beside "Contracted Go-Live",
    // which says it is the baseline. The one that says so is the baseline, the other the forecast.
    const saysBaseline =
      said === null && BASELINE_FIELDS.has(col.field) && timeQualifier(cell.text) === "baseline";
    if (saysBaseline) {
      if (fit && (fit(first.col, target) ?? 1) < CONCEPT_FIT) continue;
      columns.set(col.field, cell);
      columns.set(target.field, first);
      used.add(cell.col);
      duplicates.splice(i, 1);
      continue;
    }
    if (!qualified || timeQualifier(cell.text) !== null) continue;
    if (fit && (fit(cell.col, target) ?? 1) < CONCEPT_FIT) continue;
    columns.set(target.field, cell);
    used.add(cell.col);
    duplicates.splice(i, 1);
  }
}

/** Rows a key candidate's values are judged on. */
const KEY_SAMPLE_ROWS = 200;

/** Of equally sure candidates for a register's key, the leftmost whose values are all there and distinct. */
function keyCandidate(
  grid: SheetGrid,
  headerRow: number,
  list: readonly Candidate[],
  quality: number,
): Candidate | null {
  const distinctAndComplete = (c: number): boolean => {
    const seen = new Set<string>();
    let rows = 0;
    for (let r = headerRow + 1; r < grid.rows.length && rows < KEY_SAMPLE_ROWS; r++) {
      const row = grid.rows[r] ?? [];
      if (row.every(isBlankCell)) continue;
      rows++;
      const v = cellAt(grid, r, c);
      if (isBlankCell(v)) return false;
      const key = displayCell(v).trim();
      if (seen.has(key)) return false;
      seen.add(key);
    }
    return rows > 0;
  };
  const keyed = list
    .filter((k) => k.quality === quality && distinctAndComplete(k.cell.col))
    .sort((a, b) => a.cell.col - b.cell.col);
  return keyed[0] ?? null;
}

/** A fit this much better than another's decides between two candidates, whatever their headers. */
const DECISIVE_FIT = 0.3;

export function matchHeaders(
  grid: SheetGrid,
  headerRow: number,
  spec: RegisterSpec,
  fit?: ValueFit,
  referenceFit?: ValueFit,
  referenceNameFit?: ValueFit,
): HeaderMatch {
  const index = headerIndex(spec);
  const fallbackUses = usesOf(spec);
  const columns = new Map<string, HeaderCell>();
  const fallbacks = new Map<string, HeaderCell[]>();
  const duplicates: HeaderMatch["duplicates"] = [];
  const passedOver: HeaderMatch["passedOver"] = [];
  const misfits: HeaderMatch["misfits"] = [];
  const unknown: HeaderCell[] = [];
  const blanks: number[] = [];
  const seen = new Map<string, number>();
  const candidates = new Map<string, Candidate[]>();
  const cells: HeaderCell[] = [];
  // Concept words are the last resort, and only where the column's values fit its type.
  const byConcept = (text: string, c: number, not: readonly ColumnSpec[] = []): HeaderLookup | null => {
    // The surest column whose values fit ("Description and Impact" holding text is the title).
    // In place of a misfit header's own column, the values must fit more surely than a PMO's
    // own labels do ("Grant Status" of Awarded / Declined is no stage).
    const least = not.length > 0 ? ALTERNATIVE_FIT : CONCEPT_FIT;
    const fits = (k: ColumnSpec) => !not.includes(k) && (!fit || (fit(c, k) ?? 1) >= least);
    // In place of a header's own column whose values misfit, columns its words name equally
    // are told apart by their values ("Status" holding Implementation / Completed is the stage).
    const ties = not.length > 0;
    const ranked = conceptColumns(spec, text, registerWords(spec), false, ties).filter(
      (k) => !not.includes(k),
    );
    const at = ranked.findIndex(fits);
    // Weak words ("Actions") name a column only as a second choice, losing to any other header.
    const col = at >= 0 ? ranked[at] : conceptColumns(spec, text, registerWords(spec), true).find(fits);
    if (!col) return null;
    const quality = at === 0 ? QUALITY.concept : QUALITY.secondConcept;
    return { key: matchKey(text), cols: [col], quality, hint: headerHint(text) };
  };
  const width = rowWidth(grid, headerRow);
  for (let c = 0; c < width; c++) {
    const v = cellAt(grid, headerRow, c);
    if (isBlankCell(v)) {
      blanks.push(c);
      continue;
    }
    const text = displayCell(v).trim();
    const named = lookupHeader(index, text, registerWords(spec));
    // A header whose values fit none of the columns it names is read as what its concept words
    // name instead, if their values fit ("Planned Completion" holding dates is a finish, not
    // % Complete); sentences are never a rating, status or date.
    const misfit = named !== null && fit !== undefined && named.cols.every((k) => (fit(c, k) ?? 1) < MISFIT);
    // With no other reading, only the standard's own header, or a column whose list is open (a
    // PMO's own stages), is read whatever it holds (its values are then reported); a synonym or
    // derived name whose values are something else ("Grant Status" of Awarded / Declined as a
    // RAG) is not that column.
    const alternative = misfit ? byConcept(text, c, named.cols) : null;
    const keepsAnyValues =
      named !== null && (named.quality >= QUALITY.header || named.cols.some((k) => k.openValues));
    const found = !named
      ? byConcept(text, c)
      : misfit
        ? (alternative ?? (keepsAnyValues && !holdsProse(grid, headerRow, c) ? named : null))
        : named;
    if (misfit && !found) misfits.push({ cell: { col: c, text }, spec: named.cols[0] });
    const cell: HeaderCell =
      found && found.hint.base !== text ? { col: c, text, hint: found.hint } : { col: c, text };
    cells.push(cell);
    const key = found?.key ?? matchKey(text);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    let fallback = false;
    for (const use of fallbackUses.get(matchKey(text)) ?? []) {
      if (use.occurrence !== occurrence) continue;
      const list = fallbacks.get(use.col.field) ?? [];
      list.push(cell);
      fallbacks.set(use.col.field, list);
      fallback = true;
    }
    if (!found) {
      if (!fallback) unknown.push(cell);
      continue;
    }
    for (const col of found.cols) {
      // A column that names its occurrence takes only that one; the others take any.
      if (col.occurrence !== undefined && col.occurrence !== occurrence) continue;
      const list = candidates.get(col.field) ?? [];
      list.push({
        cell,
        spec: col,
        quality: col.occurrence !== undefined ? found.quality + 1 : found.quality,
        order: c,
      });
      candidates.set(col.field, list);
    }
    if (found.cols.every((col) => col.occurrence !== undefined && col.occurrence !== occurrence) && !fallback)
      unknown.push(cell);
  }

  // Each column takes its best candidate: values that fit its type first, then the surest header.
  const used = new Set<number>();
  for (const col of spec.columns) {
    const list = candidates.get(col.field);
    if (!list || list.length === 0) continue;
    // Between candidates, an empty column fits nothing (a column with values is the one in use).
    // A column of sentences, between two, is the one holding them ("Mitigating actions" beside a
    // "Response strategy" of Mitigate / Accept).
    const fits = list.map((k) =>
      list.length > 1 && fit
        ? (fit(k.cell.col, col) ?? 0) * (col.prose ? proseShare(grid, headerRow, k.cell.col) : 1)
        : 1,
    );
    const ownNumbers = (i: number) =>
      col.scales !== undefined && list.length > 1 && holdsNumbers(grid, headerRow, list[i].cell.col);
    let best = 0;
    for (let i = 1; i < list.length; i++) {
      const close = Math.abs(fits[i] - fits[best]) < DECISIVE_FIT;
      // Of two sentences, what will be done before what is in place, however surely named.
      const planned = col.prose === true && close && plannedOver(list[i].cell.text, list[best].cell.text);
      const better =
        planned ||
        fits[i] - fits[best] >= DECISIVE_FIT ||
        (close && list[i].quality > list[best].quality) ||
        // Equally sure, a rating's own numbers before its band in words: "Rating" of 6, 12, 20
        // is the score, "Risk Level" of Medium / High its band.
        (close && list[i].quality === list[best].quality && ownNumbers(i) && !ownNumbers(best)) ||
        // Equally sure, the header naming the register's own item: "Risk Owner" before "Action Owner".
        (close &&
          list[i].quality === list[best].quality &&
          ownNumbers(i) === ownNumbers(best) &&
          namesOwnItem(list[i].cell.text, spec) &&
          !namesOwnItem(list[best].cell.text, spec));
      if (better) best = i;
    }
    // Two headers named only by concept words, equally fit: neither is read (a wrong column is
    // worse than none), unless only one is named by its last word ("Delivery Lead" beside
    // "Accountable SMF").
    const bestQuality = list[best].quality;
    const equals = list.filter(
      (k, i) => k.quality === bestQuality && Math.abs(fits[i] - fits[best]) < DECISIVE_FIT,
    );
    let rival = equals.length > 1;
    if (rival && bestQuality <= QUALITY.concept) {
      const sure = equals.filter((k) => namesByLastWord(spec, k.cell.text, registerWords(spec), col));
      if (sure.length === 1) {
        best = list.indexOf(sure[0]);
        rival = false;
      }
    }
    // Of equal amounts, the whole life's before one year's ("Total Scheme Budget" beside
    // "Approved Budget 2025/26").
    if (rival && col.type === "money") {
      const wholeLife = equals.filter((k) => !namesYear(k.cell.text));
      if (wholeLife.length === 1) {
        best = list.indexOf(wholeLife[0]);
        rival = false;
      }
    }
    // Of equal sentences, the one plan beside controls already in place ("Treatment Actions"
    // beside "Existing Controls").
    if (rival && col.prose === true) {
      const inPlace = equals.filter((k) => saysInPlace(k.cell.text));
      const planned = equals.filter((k) => inPlace.some((p) => plannedOver(k.cell.text, p.cell.text)));
      if (inPlace.length > 0 && planned.length === 1) {
        best = list.indexOf(planned[0]);
        rival = false;
      }
    }
    // The same rating before and after treatment ("Pre-Mitigation Likelihood", "Post-Mitigation
    // Likelihood"): the first, as registers list them in the order they are assessed; its rival
    // is reported as a second column. Only a rating: a gross and a net budget are two figures.
    if (
      rival &&
      bestQuality <= QUALITY.concept &&
      (col.scales !== undefined || col.ranked === true) &&
      sameButTreatment(equals.map((k) => k.cell.text))
    ) {
      best = list.indexOf(equals.reduce((a, b) => (b.cell.col < a.cell.col ? b : a)));
      rival = false;
    }
    if (bestQuality <= QUALITY.concept && rival) {
      // The register's key is the leftmost of them whose values are all there and distinct
      // ("EW No." beside a sparse "CE Ref"; IDs come first).
      const keyed = col.field === spec.key ? keyCandidate(grid, headerRow, list, bestQuality) : null;
      if (!keyed) {
        unknown.push(...list.map((k) => k.cell));
        continue;
      }
      best = list.indexOf(keyed);
    }
    const chosen = list[best].cell;
    columns.set(col.field, chosen);
    used.add(chosen.col);
    list.forEach((k, i) => {
      if (i === best) return;
      if (fits[best] - fits[i] >= DECISIVE_FIT) passedOver.push({ cell: k.cell, spec: col, chosen });
      // A second choice ("Recommendation" beside "Description") that a surer header beat is no
      // second copy of the column: it is another column of the sheet's own.
      else if (k.quality <= QUALITY.secondConcept && k.quality < list[best].quality) unknown.push(k.cell);
      // Nor is one year's amount beside the whole life's: it is a figure of its own.
      else if (col.type === "money" && namesYear(k.cell.text) && !namesYear(chosen.text))
        unknown.push(k.cell);
      else duplicates.push({ cell: k.cell, spec: col, first: chosen });
    });
  }
  takeForecastSiblings(spec, columns, used, duplicates, fit);
  takeScoreFromRatings(spec, grid, headerRow, columns, used, duplicates);
  claimByValues(spec, cells, columns, unknown, fit);
  claimQualified(spec, grid, headerRow, columns, unknown, fit);
  claimChangeAmount(spec, columns, unknown, fit);
  keyBeforeReference(spec, grid, headerRow, cells, columns, used, referenceFit);
  passedOver.push(...claimReferences(spec, cells, columns, used, unknown, referenceFit));
  // Only where no column holds the projects' IDs, one that holds their names.
  passedOver.push(...claimReferences(spec, cells, columns, used, unknown, referenceNameFit));
  codesBeforeSerial(spec, grid, headerRow, columns, duplicates);
  keyByValues(spec, grid, headerRow, columns, duplicates);
  claimEntryName(spec, grid, headerRow, columns, unknown, registerWords(spec));
  nameByGrouping(spec, grid, headerRow, columns);
  // A cell every column passed over is reported once, as a duplicate or a passed-over candidate.
  const reported = new Set<number>([...fallbacks.values()].flat().map((h) => h.col));
  const keep = <T extends { cell: HeaderCell }>(list: T[]) =>
    list.filter((d) => {
      if (used.has(d.cell.col) || reported.has(d.cell.col)) return false;
      reported.add(d.cell.col);
      return true;
    });
  duplicates.splice(0, duplicates.length, ...keep(duplicates));
  passedOver.splice(0, passedOver.length, ...keep(passedOver));
  for (const [field, list] of fallbacks) {
    // A fallback column is never also the primary column of the same field.
    fallbacks.set(
      field,
      list.filter((h) => columns.get(field)?.col !== h.col),
    );
  }
  // A misfit a value claim took is read after all.
  const misfitsLeft = misfits.filter((m) => ![...columns.values()].some((h) => h.col === m.cell.col));
  return { columns, fallbacks, duplicates, passedOver, misfits: misfitsLeft, unknown, blanks };
}

/** Words saying when a rating was assessed, before or after its treatment. */
const TREATMENT_WORDS: ReadonlySet<string> = new Set([
  ...["pre", "post", "inherent", "residual", "gross", "net", "initial", "target", "raw"],
  ...["before", "after", "mitigation", "mitigated", "unmitigated", "treatment", "treated", "untreated"],
]);

/** Whether headers say the same thing but for when it was assessed ("Inherent Impact", "Residual Impact"). */
function sameButTreatment(texts: readonly string[]): boolean {
  const rest = texts.map((t) =>
    headerWords(t)
      .filter((w) => !TREATMENT_WORDS.has(w))
      .join(" "),
  );
  const said = texts.map((t) => headerWords(t).some((w) => TREATMENT_WORDS.has(w)));
  return rest.every((r) => r === rest[0] && r !== "") && said.filter(Boolean).length >= texts.length - 1;
}
