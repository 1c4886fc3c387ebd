/**
 * One RAID sheet for all: a Type column (Risk / Assumption / Issue / Dependency / Decision)
 * says which register each row belongs to. The sheet is read once per register, each read
 * taking only its rows, so every finding stays at its real cell. Types no register of the
 * standard takes (a Decision, when the standard has no such register) are left aside, noted.
 */
import { cellAt, displayCell, isBlankCell, type SheetGrid } from "../grid";
import type { RegisterSpec, Standard } from "../standard/schema";
import { headerIndex, lookupHeader, registerWords } from "./header";
import { legendAbove } from "./legend";
import { matchKey, singularKey } from "./normalize";
import type { PlacementNote } from "./place-registers";

/** Rows a candidate Type column is tried on before it is read in full. */
const SAMPLE_ROWS = 200;

/** Headers a combined sheet's Type column goes by. */
const TYPE_HEADERS = new Set(
  [
    "Type",
    "RAID Type",
    "Item Type",
    "Log Type",
    "Entry Type",
    "Record Type",
    "RAID",
    "RAID Category",
    "Category",
    "Kind",
    "RAID Item",
  ].map(matchKey),
);
/**
 * A work-management tool's type column: Jira's "Issue Type", Azure Boards' "Work Item Type". It
 * names a sheet's register when all its rows are one ("Risk"), but does not split a sheet: a
 * PRINCE2 issue log's "Issue Type" of Request for Change or Off-Specification types issues.
 */
const TOOL_TYPE_HEADERS = new Set(["Issue Type", "Work Item Type"].map(matchKey));

/** A Type column's header: one of TYPE_HEADERS, or any header saying RAID ("RAID Code", "RAID Ref"). */
function namesTypeColumn(header: string): boolean {
  return TYPE_HEADERS.has(matchKey(header)) || /(?:^|[^a-z])raid(?:$|[^a-z])/i.test(header);
}

/** A header made of the types themselves: "R / I", "Risk or Issue", "R/A/I/D". */
function namesTypes(header: string, route: ReadonlyMap<string, string>): boolean {
  const parts = header.split(/\s*(?:\/|,|&|\bor\b)\s*/i).filter((p) => p !== "");
  // Types of two registers at least: "Threat / Opportunity" are both risks.
  const kinds = new Set(parts.map((p) => route.get(matchKey(p))));
  return parts.length >= 2 && !kinds.has(undefined) && kinds.size >= 2;
}

/** Words for the kinds of a RAID log's entries, whether or not the standard has their register. */
const RAID_WORDS = new Set(
  ["Risk", "Assumption", "Issue", "Dependency", "Decision", "Action", "Change", "Opportunity"].map(matchKey),
);

/** Type words for registers whose spec names none (a PMO's own, or one added by another standard). */
const DEFAULT_ITEM_TYPES: Record<string, readonly string[]> = {
  changes: ["Change", "Changes", "Change Request", "CR", "Change Requests"],
  decisions: ["Decision", "Decisions"],
  actions: ["Action", "Actions"],
};

export function itemTypesOf(kind: string, spec: RegisterSpec): readonly string[] {
  return spec.itemTypes ?? DEFAULT_ITEM_TYPES[kind] ?? [kind, kind.replace(/s$/, "")];
}

/** Each item type word's register (projects have none: a project is no RAID entry). */
function typeRoutes(standard: Standard): Map<string, string> {
  let route = routesCache.get(standard);
  if (route) return route;
  route = new Map<string, string>();
  for (const [kind, spec] of Object.entries(standard.registers)) {
    if (!spec || kind === "projects") continue;
    for (const word of itemTypesOf(kind, spec)) {
      const key = matchKey(word);
      if (key !== "" && !route.has(key)) route.set(key, kind);
    }
  }
  routesCache.set(standard, route);
  return route;
}
const routesCache = new WeakMap<Standard, Map<string, string>>();

/** Typed rows a type column needs, and the share of them its one register needs, to name the sheet. */
const SOLE_TYPE_ROWS = 3;
const SOLE_TYPE_SHARE = 0.9;

/** Type headers that also classify entries by topic: a "Category" of Risk is no register's type. */
const TOPIC_HEADERS = new Set(["Category", "RAID Category", "Kind"].map(matchKey));

/**
 * The one register a sheet's type column gives every row ("Issue Type": GRC_Risk on each row of
 * a Jira export is a risk log, whatever Jira calls its entries; GitHub's "Type": ISSUE), or null.
 * Not a "Category": that is what an entry is about.
 */
export function soleTypeOf(grid: SheetGrid, headerRow: number, standard: Standard): string | null {
  const header = grid.rows[headerRow] ?? [];
  const route = typeRoutes(standard);
  for (let c = 0; c < header.length; c++) {
    const v = header[c];
    if (typeof v !== "string") continue;
    const key = matchKey(v);
    if (!TOOL_TYPE_HEADERS.has(key) && !(namesTypeColumn(v) && !TOPIC_HEADERS.has(key))) continue;
    const read = routeRows(grid, headerRow, c, route, new Map(), 1, SAMPLE_ROWS);
    if (read.typed < SOLE_TYPE_ROWS || read.kinds.size !== 1) continue;
    if (read.kindOfRow.size >= read.typed * SOLE_TYPE_SHARE) return [...read.kinds][0];
  }
  return null;
}

export interface CombinedPart {
  readonly kind: string;
  readonly spec: RegisterSpec;
  readonly score: number;
  readonly matched: number;
  readonly include: (row: number) => boolean;
}

export interface CombinedSplit {
  readonly headerRow: number;
  readonly typeCol: number;
  readonly parts: CombinedPart[];
  /** The Type column, and every column one of the parts reads: never "unknown" in a part. */
  readonly known: (col: number) => boolean;
  readonly notes: PlacementNote[];
}

interface Scored {
  readonly kind: string;
  readonly spec: RegisterSpec;
  readonly headerRow: number;
  readonly score: number;
  readonly matched: number;
}

/** The split of a combined RAID sheet, or null when the sheet is not one. */
export function splitCombined(
  grid: SheetGrid,
  standard: Standard,
  scored: readonly Scored[],
): CombinedSplit | null {
  if (scored.length === 0) return null;
  const headerRow = [...scored].sort((a, b) => b.score - a.score)[0].headerRow;
  if (headerRow < 0) return null;
  const header = grid.rows[headerRow] ?? [];
  const route = typeRoutes(standard);
  // The column headed as a Type column, else any column whose words name the registers
  // ("Row Type": Risks / Issues / Decisions); found by its values, it must spell them out (a
  // column of R/A/G is a rating, not risks and assumptions).
  // Every column headed as a Type column is tried before any found by its values (a "Threat /
  // Opportunity" column may stand left of the Type column).
  const named = header.flatMap((v, c) =>
    typeof v === "string" && (namesTypeColumn(v) || namesTypes(v, route)) ? [c] : [],
  );
  const candidates = [...named, ...header.map((_, c) => c).filter((c) => !named.includes(c))];
  // A legend's meanings that are RAID types ("D = Decision"), not a RAG key's ("R = Red").
  const legend = new Map(
    [...legendAbove(grid, headerRow)].filter(([, word]) => {
      const key = matchKey(word);
      return route.has(key) || RAID_WORDS.has(key) || RAID_WORDS.has(singularKey(key) ?? "");
    }),
  );
  let found: TypeColumn | null = null;
  const qualifies = (read: TypeColumn) => read.kinds.size >= 2 && read.kindOfRow.size >= read.typed * 0.6;
  for (const col of candidates) {
    if (col < 0) continue;
    const isNamed = named.includes(col);
    const minLength = isNamed ? 1 : 3;
    // A column found by its values is tried on its first rows before it is read in full.
    if (!isNamed && !qualifies(routeRows(grid, headerRow, col, route, legend, minLength, SAMPLE_ROWS)))
      continue;
    const read = routeRows(grid, headerRow, col, route, legend, minLength);
    if (qualifies(read)) {
      found = read;
      break;
    }
  }
  if (!found) return null;
  const { typeCol, kindOfRow, unrouted, kinds } = found;
  const parts: CombinedPart[] = [];
  for (const kind of kinds) {
    const spec = standard.registers[kind]!;
    const s = scored.find((x) => x.kind === kind);
    parts.push({
      kind,
      spec,
      score: s?.score ?? 1,
      matched: s?.matched ?? 0,
      include: (row) => kindOfRow.get(row) === kind,
    });
  }
  const knownCols = new Set<number>([typeCol]);
  for (let c = 0; c < header.length; c++) {
    const v = header[c];
    if (typeof v !== "string") continue;
    if (parts.some((p) => lookupHeader(headerIndex(p.spec), v, registerWords(p.spec)) !== null))
      knownCols.add(c);
  }
  const origin = grid.origin ?? { row: 0, col: 0 };
  const notes: PlacementNote[] = [...unrouted.values()].map((u) => ({
    code: "unrouted-rows" as const,
    sheet: grid.name,
    row: u.row + origin.row,
    col: typeCol + origin.col,
    value: u.text,
    message: `${u.count} row${u.count === 1 ? "" : "s"} of type "${u.text}" on the combined RAID sheet '${grid.name}' ${u.count === 1 ? "belongs" : "belong"} to no register of the standard; they are left unchecked. Add a register for them to the standard (its itemTypes naming "${u.text}") to check them.`,
  }));
  return { headerRow, typeCol, parts, known: (col) => knownCols.has(col), notes };
}

interface TypeColumn {
  readonly typeCol: number;
  readonly kindOfRow: Map<number, string>;
  readonly unrouted: Map<string, { row: number; count: number; text: string }>;
  readonly typed: number;
  readonly kinds: Set<string>;
}

/** Which register each row's type names, for one candidate Type column. */
function routeRows(
  grid: SheetGrid,
  headerRow: number,
  typeCol: number,
  route: ReadonlyMap<string, string>,
  legend: ReadonlyMap<string, string>,
  minLength: number,
  rows = Infinity,
): TypeColumn {
  const kindOfRow = new Map<number, string>();
  const unrouted = new Map<string, { row: number; count: number; text: string }>();
  let typed = 0;
  for (let r = headerRow + 1; r < grid.rows.length && typed < rows; r++) {
    const v = cellAt(grid, r, typeCol);
    if (isBlankCell(v)) continue;
    typed++;
    const written = displayCell(v).trim();
    const text = legend.get(written.toLowerCase()) ?? written;
    const key = matchKey(text);
    // "Identified Risk", "Emergent Risk", "GRC_Risk": a type named with a qualifier is routed by its last word.
    const lastWord = minLength === 1 ? matchKey(text.split(/[\s_]+/).pop() ?? "") : "";
    const kind =
      key.length >= minLength
        ? (route.get(key) ?? (lastWord.length >= 3 ? route.get(lastWord) : undefined))
        : undefined;
    if (kind) kindOfRow.set(r, kind);
    else {
      const seen = unrouted.get(key);
      if (seen) seen.count++;
      else unrouted.set(key, { row: r, count: 1, text });
    }
  }
  return { typeCol, kindOfRow, unrouted, typed, kinds: new Set(kindOfRow.values()) };
}
