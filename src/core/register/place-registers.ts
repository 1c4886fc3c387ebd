/**
 * Which sheet holds which register, found by what the sheets hold: each sheet's header row is
 * scored against every register's columns (a column only one register knows counts double),
 * and the sheet's name is one more signal. A combined RAID sheet, with a Type column, is split
 * into the registers its types name. The best placements win; what was guessed or left out
 * becomes a note for the findings.
 */
import { cellAt, type SheetGrid } from "../grid";
import type { RegisterSpec, Standard } from "../standard/schema";
import { entryNameColumn } from "../standard/entry-columns";
import type { FindingCode } from "../validate/catalogue";
import { soleTypeOf, splitCombined, type CombinedSplit } from "./combined-raid";
import { figureKind, holdsNumbers, qualifiedColumn, valuesMisfit } from "./columns-by-values";
import { conceptColumn, nameMentions, namesAnotherEntry, titlesAnotherEntry } from "./concept-words";
import { headerIndex, lookupHeader, registerWords, scoreHeaderRows } from "./header";
import { headerWords } from "./header-hints";
import { nameFromFile } from "./implied-project";
import { matchKey } from "./normalize";

export interface RegisterPlacement {
  readonly kind: string;
  readonly spec: RegisterSpec;
  readonly grid: SheetGrid;
  /** 0-based grid row of the header. */
  readonly headerRow: number;
  /** Found by its name (or a synonym), rather than by its headers alone. */
  readonly byName: boolean;
  /** Distinct columns of the register its header row names. */
  readonly matched: number;
  /** For a combined RAID sheet: the rows (0-based, grid-relative) of this register's type. */
  readonly include?: (row: number) => boolean;
  /** For a combined RAID sheet: columns another register takes, or the Type column. */
  readonly known?: (col: number) => boolean;
  /** For a combined RAID sheet: its Type column (0-based, grid-relative). */
  readonly typeColumn?: number;
}

export interface PlacementNote {
  readonly code: FindingCode;
  readonly sheet: string;
  readonly row?: number;
  readonly col?: number;
  readonly value?: string;
  readonly message: string;
}

/**
 * A sheet left out that looks like a register already placed: more of it ("Completed Projects"
 * beside "Active Projects") when no key is on both, which only reading tells; else a second copy,
 * left unchecked with `note`.
 */
export interface Continuation {
  readonly placement: RegisterPlacement;
  readonly note: PlacementNote;
}

export interface Placements {
  readonly placements: RegisterPlacement[];
  readonly notes: PlacementNote[];
  readonly continuations: Continuation[];
}

interface Candidate {
  readonly kind: string;
  readonly spec: RegisterSpec;
  readonly grid: SheetGrid;
  readonly headerRow: number;
  readonly score: number;
  /** The score its header row earns, without what its name adds. */
  readonly headerScore: number;
  /** Enough to be the register when no other sheet is (see namesEntries). */
  readonly enoughAlone?: boolean;
  readonly matched: number;
  readonly byName: boolean;
  /** Its sheet's own name mentions the register, short of naming it ("Cross-team Dependencies"). */
  readonly mentioned?: boolean;
  readonly split?: CombinedSplit;
}

/**
 * A sheet name that is the register's own name, or a synonym naming the register ("Risk Log");
 * a generic synonym ("Tracker", "Dashboard") is only a hint, as any other mention is.
 */
export function namedAs(grid: SheetGrid, spec: RegisterSpec): boolean {
  const key = matchKey(grid.name);
  if (key === matchKey(spec.sheet)) return true;
  const own = headerWords(spec.sheet).map((w) => w.replace(/s$/, ""));
  return spec.synonyms.some(
    (s) => matchKey(s) === key && headerWords(s).some((w) => own.includes(w.replace(/s$/, ""))),
  );
}

/** A generic synonym of the register's sheet ("Tracker"): a hint, not a name. */
function hinted(grid: SheetGrid, spec: RegisterSpec): boolean {
  const key = matchKey(grid.name);
  return spec.synonyms.some((s) => matchKey(s) === key);
}

/** A name that mentions the register ("Programme_Milestones", "Raid Log - Risks"). */
function mentions(name: string, spec: RegisterSpec): boolean {
  const words = new Set(headerWords(name));
  const own = headerWords(spec.sheet).map((w) => w.replace(/s$/, ""));
  return (
    own.some((w) => w.length > 2 && (words.has(w) || words.has(`${w}s`))) || nameMentions(name, spec.sheet)
  );
}

/**
 * The names programs give a sheet they write: "Sheet1", "Page 1" (ServiceNow), "Export", "Query1",
 * "Form Responses 1" (Google Forms).
 */
const UNNAMED_SHEET = /^(?:sheet\s*\d*|page\s*\d+|export|query\s*\d+|form\s*responses\s*\d*)$/i;

/**
 * How surely a sheet's name says it is the register: named ("Risk Log"), mentioned ("Programme
 * Risks"), or hinted (a generic synonym such as "Tracker", or the file's name where the workbook
 * has one sheet with a program's default name: ServiceNow's "Page 1" of change_request.xlsx).
 */
type NameSays = "named" | "mentioned" | "hinted" | null;
function nameSays(grid: SheetGrid, spec: RegisterSpec, file: string | undefined): NameSays {
  if (namedAs(grid, spec)) return "named";
  if (mentions(grid.name, spec)) return "mentioned";
  if (hinted(grid, spec) || (file !== undefined && mentions(file, spec))) return "hinted";
  return null;
}

/** The file's name, for the workbook's one sheet a program named by default; else undefined. */
function fileTitle(
  grid: SheetGrid,
  fileName: string | undefined,
  sheets: readonly SheetGrid[],
): string | undefined {
  if (!fileName || !UNNAMED_SHEET.test(grid.name.trim())) return undefined;
  const unnamed = sheets.filter((s) => UNNAMED_SHEET.test(s.name.trim()) && s.rows.length > 0).length;
  return unnamed === 1 ? nameFromFile(fileName) : undefined;
}

/** Whether the header row, or a title above it, calls the entries by the register's name ("Risk Description"). */
function saysItsEntries(grid: SheetGrid, headerRow: number, spec: RegisterSpec): boolean {
  for (let r = 0; r <= headerRow; r++)
    for (const v of grid.rows[r] ?? [])
      if (typeof v === "string" && v.length <= 200 && nameMentions(v, spec.sheet)) return true;
  return false;
}

/** Enough of a header row to call the sheet this register, without its name to say so. */
const MIN_FIELDS = 3;
const MIN_SCORE = 6;
/** Share of the placed sheet's score a left-out sheet needs to be more of that register, or a copy. */
const KIN_SCORE = 0.25;

/**
 * The header row of `grid` that best matches `spec`, weighted: a column that no other register
 * knows by that header counts double, the register's key once more.
 */
function bestRow(
  grid: SheetGrid,
  spec: RegisterSpec,
  others: readonly RegisterSpec[],
  searchRows: number,
): HeaderRowFit | null {
  let best: HeaderRowFit | null = null;
  for (const { row, fields } of scoreHeaderRows(grid, spec, searchRows)) {
    const weights = new Map<string, number>();
    const ownHeaders = new Set<string>();
    let penalty = 0;
    const width = grid.rows[row]?.length ?? 0;
    const own = headerIndex(spec);
    for (let c = 0; c < width; c++) {
      const v = cellAt(grid, row, c);
      if (typeof v !== "string") continue;
      const found = lookupHeader(own, v, registerWords(spec));
      if (!found) {
        // Named only by its concept words ("Anticipated Cost"): it counts, as a shared header does,
        // unless it names another register's entries; naming them outright ("Task Name") counts against.
        if (titlesAnotherEntry(v, registerWords(spec))) penalty++;
        if (namesAnotherEntry(v, registerWords(spec))) continue;
        // A baseline, forecast or actual holding dates or amounts ("FOC (APB Threshold)") counts too.
        const byConcept =
          conceptColumn(spec, v, registerWords(spec)) ??
          (holdsNumbers(grid, row, c) ? qualifiedColumn(spec, grid, row, c, v) : null);
        if (byConcept && !valuesMisfit(grid, row, c, byConcept))
          weights.set(byConcept.field, Math.max(weights.get(byConcept.field) ?? 0, 1));
        continue;
      }
      const shared = others.some((o) => lookupHeader(headerIndex(o), v, registerWords(o)) !== null);
      // A header whose values are something else is no evidence ("Actual Approval" holding dates is no cost).
      for (const col of found.cols) {
        if (valuesMisfit(grid, row, c, col)) continue;
        const w = (shared ? 1 : 2) + (col.field === spec.key ? 1 : 0) + (found.quality >= 2 ? 0.25 : 0);
        weights.set(col.field, Math.max(weights.get(col.field) ?? 0, w));
        if (!shared) ownHeaders.add(col.field);
      }
    }
    const score = [...weights.values()].reduce((a, b) => a + b, 0) - penalty;
    if (!best || score > best.score) best = { row, score, matched: fields.size, fields, ownHeaders };
  }
  return best;
}

interface HeaderRowFit {
  readonly row: number;
  readonly score: number;
  readonly matched: number;
  readonly fields: ReadonlySet<string>;
  /** Fields named by a header no other register knows ("P x I", not "Priority"). */
  readonly ownHeaders: ReadonlySet<string>;
}

/**
 * Whether a header row holds the register's own rating, when the register has ratings: the
 * first it requires (a risk's likelihood), or a further one by a header only it knows (a risk's
 * "P x I"). An impact alone, or a "Priority", rates an incident as much as a risk.
 */
function rated(spec: RegisterSpec, fit: HeaderRowFit): boolean {
  const ratings = spec.columns.filter((c) => c.scales !== undefined);
  const first = ratings.find((c) => c.required);
  if (!first) return true;
  return (
    fit.fields.has(first.field) ||
    ratings.some((c) => !c.required && fit.fields.has(c.field) && fit.ownHeaders.has(c.field))
  );
}

/** Whether a header row names what identifies the register's entries: its key or its entry name. */
function namesEntries(spec: RegisterSpec, fields: ReadonlySet<string>): boolean {
  const name = entryNameColumn(spec);
  const named = fields.has(spec.key ?? "") || (name !== undefined && fields.has(name.field));
  const held = spec.columns.filter((c) => fields.has(c.field));
  const figures = held.filter((c) => figureKind(c.type) !== null).length;
  // Dates alone could be any log's (an action log's raised and due): an amount or a rating, stage
  // or status says more.
  const telling = held.some((c) => c.type === "money" || c.type === "enum" || c.type === "rag");
  return named && figures >= 2 && telling;
}

/**
 * A plan laid out as a project list: dated rows that name no project's ID or name ("Wave",
 * "Planned Finish", "Re-forecast", "Status") are the plan's milestones, when the Milestones
 * register names at least three of its columns, two of them dates. Read as projects they
 * would be projects without an ID or a name.
 */
function asPlan(
  grid: SheetGrid,
  standard: Standard,
  perRegister: readonly Candidate[],
  rows: ReadonlyMap<string, ReturnType<typeof bestRow>>,
): { projects: Candidate; milestones: Candidate } | null {
  const projects = perRegister.find((c) => c.kind === "projects" && !c.byName);
  const projectsRow = rows.get("projects");
  const milestonesRow = rows.get("milestones");
  const spec = standard.registers.milestones;
  if (!projects || !projectsRow || !milestonesRow || !spec) return null;
  if (perRegister.some((c) => c.kind === "milestones")) return null;
  const name = entryNameColumn(projects.spec)?.field;
  if (projectsRow.fields.has(projects.spec.key ?? "") || (name && projectsRow.fields.has(name))) return null;
  // A plan has no budget or costs: a portfolio naming its projects oddly ("Site") still has them.
  if (projects.spec.columns.some((c) => c.type === "money" && projectsRow.fields.has(c.field))) return null;
  const dates = spec.columns.filter((c) => c.type === "date" && milestonesRow.fields.has(c.field)).length;
  if (milestonesRow.matched < MIN_FIELDS || dates < 2) return null;
  const milestones: Candidate = {
    ...projects,
    kind: "milestones",
    spec,
    headerRow: milestonesRow.row,
    matched: milestonesRow.matched,
    mentioned: false,
  };
  return { projects, milestones };
}

/**
 * Share of the sheet's best score within which the one register its name mentions is taken: a
 * near tie. Further behind, the name is only a word in it ("issues_job58" exporting projects).
 */
const MENTIONED_SHARE = 0.85;

/**
 * Of a sheet's close candidates, the one register its name mentions, when it mentions only one
 * and its headers nearly tie: "Cross-team Dependencies" is the dependency log, though an issue
 * log shares as many of its headers.
 */
function mentionedAmong(close: readonly Candidate[]): readonly Candidate[] {
  if (close.some((c) => c.byName)) return close;
  const mentioned = close.filter((c) => c.mentioned);
  const best = Math.max(...close.map((c) => c.score));
  return mentioned.length === 1 && mentioned[0].score >= best * MENTIONED_SHARE ? mentioned : close;
}

interface RegisterOfStandard {
  readonly kind: string;
  readonly spec: RegisterSpec;
}

/** What one sheet could be: its candidates, those enough only when no sheet qualifies, and notes. */
interface SheetCandidates {
  readonly candidates: readonly Candidate[];
  readonly lastResort: Candidate[];
  readonly notes: PlacementNote[];
}

/**
 * How a sheet's best header row for one register qualifies it: as a candidate, as a last resort
 * (enough when no sheet qualifies), or not at all (null). `typed` is the register a type column
 * gives every row.
 */
function judge(
  grid: SheetGrid,
  kind: string,
  spec: RegisterSpec,
  found: HeaderRowFit,
  said: NameSays,
  typed: string | null,
): { qualifies: boolean; candidate: Candidate } | null {
  const byName = said === "named";
  // Rows each typed as another register's entries are none of this one's (a project list's
  // rows are no RAID entries: its rival's type never rules it out).
  if (typed !== null && typed !== kind && kind !== "projects") return null;
  const nameBonus = byName ? 100 : said !== null || typed === kind ? 3 : 0;
  // A register whose required columns the row lacks fits it less (a risk log has ratings).
  const missingRequired = spec.columns.filter(
    (c) => c.presence === "required" && !found.fields.has(c.field),
  ).length;
  // Without its own rating (a risk's likelihood), a log the sheet never calls by the register's
  // name is another's: tickets rated by Priority and Impact are issues, not risks.
  const unrated = nameBonus === 0 && !rated(spec, found) && !saysItsEntries(grid, found.row, spec);
  const qualifies =
    !unrated &&
    (byName ||
      (found.matched >= MIN_FIELDS && found.score >= MIN_SCORE) ||
      (nameBonus > 0 && found.matched >= 3) ||
      // Nearly all it requires, with dates, named in words it shares with others (a schedule).
      (found.matched >= MIN_FIELDS + 1 &&
        missingRequired <= 1 &&
        found.score >= MIN_SCORE - 2 &&
        spec.columns.filter((c) => c.type === "date" && found.fields.has(c.field)).length >= 2));
  const weak =
    !unrated &&
    found.matched >= MIN_FIELDS + 1 &&
    found.score >= MIN_SCORE - 2 &&
    namesEntries(spec, found.fields);
  // Too little to call the sheet this register while another might be, enough when none is.
  if (!qualifies && !weak) return null;
  const headerScore = found.score - missingRequired;
  const candidate: Candidate = {
    kind,
    spec,
    grid,
    headerRow: found.row,
    headerScore,
    matched: found.matched,
    byName,
    ...(qualifies
      ? {
          score: headerScore + nameBonus,
          enoughAlone: weak,
          // A project word in a sheet's name ("Project Plan", "Scheme Tracker") is said of any register.
          mentioned: said === "mentioned" && kind !== "projects",
        }
      : { score: headerScore }),
  };
  return { qualifies, candidate };
}

/** Scores one sheet against every register and keeps those it matches nearly as well as its best. */
function candidatesOf(
  grid: SheetGrid,
  registers: readonly RegisterOfStandard[],
  standard: Standard,
  file: string | undefined,
): SheetCandidates {
  const lastResort: Candidate[] = [];
  const perRegister: Candidate[] = [];
  const rows = new Map<string, HeaderRowFit | null>();
  const says = new Map(registers.map(({ kind, spec }) => [kind, nameSays(grid, spec, file)]));
  // The register a type column gives every row, as its header row for each register finds it,
  // unless the sheet's name, a title or a header says other registers only ("Issue Register"
  // typing every row a Request for Change is still the issue log). Projects are no type, and
  // every register's headers name them.
  const soleTypes = new Map<number, string | null>();
  const soleType = (row: number) => {
    if (!soleTypes.has(row)) {
      const typed = soleTypeOf(grid, row, standard);
      const said = registers.filter(
        ({ kind, spec }) =>
          kind !== "projects" && (says.get(kind) !== null || saysItsEntries(grid, row, spec)),
      );
      const vetoed = said.length > 0 && !said.some((r) => r.kind === typed);
      soleTypes.set(row, typed !== null && !vetoed ? typed : null);
    }
    return soleTypes.get(row)!;
  };
  for (const { kind, spec } of registers) {
    const others = registers.filter((r) => r.kind !== kind).map((r) => r.spec);
    const found = bestRow(grid, spec, others, standard.headerSearchRows);
    rows.set(kind, found);
    const byName = says.get(kind) === "named";
    const needed = Math.min(2, spec.columns.length);
    if (!found || found.matched < needed) {
      // Named as the register but with no header row: it is still the register (reading reports why).
      if (byName)
        perRegister.push({
          kind,
          spec,
          grid,
          headerRow: -1,
          score: 100,
          headerScore: 0,
          matched: 0,
          byName,
        });
      continue;
    }
    const judged = judge(grid, kind, spec, found, says.get(kind) ?? null, soleType(found.row));
    if (judged?.qualifies) perRegister.push(judged.candidate);
    else if (judged) lastResort.push(judged.candidate);
  }
  const plan = asPlan(grid, standard, perRegister, rows);
  if (plan) perRegister.splice(perRegister.indexOf(plan.projects), 1, plan.milestones);
  // A sheet is a candidate only for the registers it matches nearly as well as its best.
  const best = Math.max(0, ...perRegister.filter((c) => !c.byName).map((c) => c.score));
  const close = perRegister.filter((c) => c.byName || c.score >= best * 0.75);
  lastResort.push(...perRegister.filter((c) => !close.includes(c) && c.enoughAlone));
  const split = splitCombined(grid, standard, close);
  if (!split) return { candidates: mentionedAmong(close), lastResort, notes: [] };
  const parts = split.parts.map((part): Candidate => ({
    kind: part.kind,
    spec: part.spec,
    grid,
    headerRow: split.headerRow,
    score: part.score + 3,
    headerScore: part.score,
    matched: part.matched,
    byName: false,
    split,
  }));
  return { candidates: parts, lastResort, notes: split.notes };
}

/** The placement a candidate makes; a combined sheet's candidate reads only its type's rows. */
function placementOf(c: Candidate): RegisterPlacement {
  const part = c.split?.parts.find((p) => p.kind === c.kind);
  return {
    kind: c.kind,
    spec: c.spec,
    grid: c.grid,
    headerRow: c.headerRow,
    byName: c.byName,
    matched: c.matched,
    ...(c.split && part ? { include: part.include, known: c.split.known, typeColumn: c.split.typeCol } : {}),
  };
}

/** What was placed: each register once, each sheet once (a combined sheet once per type). */
interface Chosen {
  readonly placements: RegisterPlacement[];
  readonly notes: PlacementNote[];
  readonly placedKinds: Map<string, Candidate>;
  readonly usedSheets: Set<SheetGrid>;
  readonly splitSheets: Set<SheetGrid>;
}

/**
 * Candidates best first. Among equals, the register with fewer sheets to choose from goes first
 * (a sheet that is as much an issue log as a project list goes to the issues when another sheet
 * lists projects).
 */
function ranked(candidates: readonly Candidate[]): readonly Candidate[] {
  const choices = new Map<string, number>();
  for (const c of candidates) choices.set(c.kind, (choices.get(c.kind) ?? 0) + 1);
  return [...candidates].sort((a, b) => b.score - a.score || choices.get(a.kind)! - choices.get(b.kind)!);
}

/** Places the ranked candidates, then a last resort for a register no sheet qualified for. */
function choose(candidates: readonly Candidate[], lastResort: readonly Candidate[]): Chosen {
  const chosen: Chosen = {
    placements: [],
    notes: [],
    placedKinds: new Map(),
    usedSheets: new Set(),
    splitSheets: new Set(),
  };
  const { placedKinds, usedSheets, splitSheets } = chosen;
  const place = (c: Candidate) => {
    placedKinds.set(c.kind, c);
    usedSheets.add(c.grid);
    if (c.split) splitSheets.add(c.grid);
    chosen.placements.push(placementOf(c));
    if (!c.byName && !c.split) {
      const origin = c.grid.origin ?? { row: 0, col: 0 };
      chosen.notes.push({
        code: "register-guessed",
        sheet: c.grid.name,
        row: c.headerRow + origin.row,
        col: origin.col,
        message: `'${c.grid.name}' is read as the ${c.spec.sheet} register: its header row names ${c.matched} of the register's ${c.spec.columns.length} columns. Rename the sheet '${c.spec.sheet}' to make it explicit.`,
      });
    }
  };
  for (const c of candidates) {
    if (placedKinds.has(c.kind)) continue;
    if (c.split ? usedSheets.has(c.grid) && !splitSheets.has(c.grid) : usedSheets.has(c.grid)) continue;
    place(c);
  }
  // A register no sheet qualified for is read from the sheet that names most of it, if one names
  // its entries and enough besides (a pipeline headed "No.", "Project Name", "Estimated Cost").
  // Only a sheet nothing qualified for: one left out as a copy or more of a register stays so.
  const qualified = new Set(candidates.map((c) => c.grid));
  for (const c of [...lastResort].sort((a, b) => b.headerScore - a.headerScore))
    if (!placedKinds.has(c.kind) && !qualified.has(c.grid) && !usedSheets.has(c.grid)) place(c);
  return chosen;
}

/**
 * Sheets left out that look like a register another sheet was read as: more of it, or a copy
 * (read as a continuation), or, with no header row, a note alone.
 */
function leftOut(
  candidates: readonly Candidate[],
  chosen: Chosen,
): { continuations: Continuation[]; notes: PlacementNote[] } {
  const { placedKinds, splitSheets } = chosen;
  const usedSheets = new Set(chosen.usedSheets);
  const continuations: Continuation[] = [];
  const notes: PlacementNote[] = [];
  for (const c of candidates) {
    // A combined sheet's rows of a register another sheet was read as may be more of it.
    const part =
      c.split && splitSheets.has(c.grid) ? c.split.parts.find((p) => p.kind === c.kind) : undefined;
    if (!part && (usedSheets.has(c.grid) || c.split)) continue;
    const placed = placedKinds.get(c.kind);
    if (!placed || placed.grid === c.grid) continue;
    // More of a register, or a copy of it, looks nearly as much like it as the sheet read.
    if (!part && !c.byName && c.headerScore < placed.headerScore * KIN_SCORE) continue;
    usedSheets.add(c.grid);
    const note: PlacementNote = {
      code: "ambiguous-register",
      sheet: c.grid.name,
      // A combined sheet's other rows are read: only these are left.
      message: part
        ? `The ${c.spec.sheet} rows of '${c.grid.name}' were left unchecked: '${placed.grid.name}' is read as the ${c.spec.sheet} register and shares keys with them, or they have none. Give them keys of their own, or remove them if they are copies.`
        : `'${c.grid.name}' also looks like the ${c.spec.sheet} register; '${placed.grid.name}' was read (${placed.byName ? "its name says so" : "its headers match better"}) and '${c.grid.name}' left unchecked, since it shares keys with it or has none. Rename or remove one.`,
    };
    if (c.headerRow < 0) notes.push(note);
    else continuations.push({ placement: placementOf(c), note });
  }
  return { continuations, notes };
}

export function placeRegisters(
  sheets: readonly SheetGrid[],
  standard: Standard,
  fileName?: string,
): Placements {
  const registers = Object.entries(standard.registers).flatMap(([kind, spec]) =>
    spec ? [{ kind, spec }] : [],
  );
  const candidates: Candidate[] = [];
  const lastResort: Candidate[] = [];
  const notes: PlacementNote[] = [];
  for (const grid of sheets) {
    const of = candidatesOf(grid, registers, standard, fileTitle(grid, fileName, sheets));
    candidates.push(...of.candidates);
    lastResort.push(...of.lastResort);
    notes.push(...of.notes);
  }
  const best = ranked(candidates);
  const chosen = choose(best, lastResort);
  const left = leftOut(best, chosen);
  notes.push(...chosen.notes, ...left.notes);
  // Registers in the standard's order, as before.
  const order = new Map(registers.map((r, i) => [r.kind, i]));
  chosen.placements.sort((a, b) => order.get(a.kind)! - order.get(b.kind)!);
  return { placements: chosen.placements, notes, continuations: left.continuations };
}
