/**
 * PMO History: one row per project per status date, read back to give each project's trend and
 * the portfolio's trend. The trend compares with the latest snapshot of an earlier status date,
 * and a refresh at a status date already recorded replaces that date's snapshot, so refreshing
 * again for the same status date gives the same sheets (the refresh is idempotent).
 */
import { dayFromSerial, type DayNumber } from "../dates";
import { cellAt, type SheetGrid } from "../grid";
import { matchKey } from "../register/normalize";
import { ragRank, type Rag } from "./rag";

export const HISTORY_COLUMNS = [
  "Refreshed",
  "Status Date",
  "Project ID",
  "Project Name",
  "Overall",
  "Schedule",
  "Cost",
  "Risk",
  "Governance",
  "SPI",
  "CPI",
  // Change control: the baseline in force at this status date (added at the end, so older
  // History sheets still read; their snapshots have no baseline).
  "Baseline Finish",
  "Budget",
  // Added for the portfolio trend (read by header) (older History sheets lack them: those dates have no SPI/CPI).
  "EV",
  "PV",
  "AC",
  "Reported",
  "Workbook errors",
] as const;

export interface HistorySnapshot {
  /** Refresh time as an Excel serial (date and time). */
  refreshed: number;
  statusDate: DayNumber;
  projectId: string;
  projectName: string;
  overall: Rag;
  schedule: Rag;
  cost: Rag;
  risk: Rag;
  governance: Rag;
  spi: number | null;
  cpi: number | null;
  /** The approved baseline finish and budget in force (null when unknown). */
  baselineFinish: DayNumber | null;
  budget: number | null;
  ev: number | null;
  pv: number | null;
  ac: number | null;
  /** The reported rating's 3-level meaning (for watermelons). */
  reported: Rag | null;
  /** Error findings in the whole workbook at that refresh (the same on each row of a snapshot). */
  workbookErrors: number | null;
}

export type Trend = "better" | "same" | "worse" | "new";

const RAG_WORDS: Record<string, Rag> = { green: "green", amber: "amber", red: "red", grey: "grey" };

/** The RAG in a history or rollup cell ("● Green", "Red", "grey"). */
export function ragFromText(value: unknown): Rag | null {
  if (typeof value !== "string") return null;
  const word = matchKey(value.replace(/^[^A-Za-z]+/, ""));
  return RAG_WORDS[word] ?? null;
}

function dayOf(value: unknown, date1904: boolean): DayNumber | null {
  const day = typeof value === "number" ? dayFromSerial(value, date1904) : null;
  return typeof day === "number" ? day : null;
}

/** Snapshots from a PMO History sheet we wrote; rows that do not parse are skipped. */
export function readHistory(grid: SheetGrid | undefined, date1904: boolean): HistorySnapshot[] {
  if (!grid) return [];
  const header = grid.rows.findIndex(
    (r) => r.length > 2 && r[0] === HISTORY_COLUMNS[0] && r[2] === HISTORY_COLUMNS[2],
  );
  if (header < 0) return [];
  // The columns added later are found by their header, wherever they stand (older sheets lack them).
  const headerRow = grid.rows[header];
  const added = (name: (typeof HISTORY_COLUMNS)[number]) => headerRow.indexOf(name);
  const [evCol, pvCol, acCol, reportedCol, errorsCol] = (
    ["EV", "PV", "AC", "Reported", "Workbook errors"] as const
  ).map(added);
  const out: HistorySnapshot[] = [];
  for (let r = header + 1; r < grid.rows.length; r++) {
    const at = (c: number) => cellAt(grid, r, c);
    const refreshed = at(0);
    const status = at(1);
    const statusDay = typeof status === "number" ? dayFromSerial(status, date1904) : null;
    const id = at(2);
    const overall = ragFromText(at(4));
    if (typeof refreshed !== "number" || typeof statusDay !== "number" || typeof id !== "string" || !overall)
      continue;
    const num = (c: number) => (c >= 0 && typeof at(c) === "number" ? (at(c) as number) : null);
    out.push({
      refreshed,
      statusDate: statusDay,
      projectId: id,
      projectName: typeof at(3) === "string" ? (at(3) as string) : "",
      overall,
      schedule: ragFromText(at(5)) ?? "grey",
      cost: ragFromText(at(6)) ?? "grey",
      risk: ragFromText(at(7)) ?? "grey",
      governance: ragFromText(at(8)) ?? "grey",
      spi: num(9),
      cpi: num(10),
      baselineFinish: dayOf(at(11), date1904),
      budget: num(12),
      ev: num(evCol),
      pv: num(pvCol),
      ac: num(acCol),
      reported: reportedCol >= 0 ? ragFromText(at(reportedCol)) : null,
      workbookErrors: num(errorsCol),
    });
  }
  return out;
}

/** The latest snapshot per project from status dates before `asOf`. */
export function previousSnapshots(
  history: readonly HistorySnapshot[],
  asOf: DayNumber,
): Map<string, HistorySnapshot> {
  const latest = new Map<string, HistorySnapshot>();
  for (const s of history) {
    if (s.statusDate >= asOf) continue;
    const key = matchKey(s.projectId) || s.projectId;
    const prev = latest.get(key);
    if (
      !prev ||
      s.statusDate > prev.statusDate ||
      (s.statusDate === prev.statusDate && s.refreshed >= prev.refreshed)
    )
      latest.set(key, s);
  }
  return latest;
}

export function trendOf(now: Rag, before: Rag | undefined): Trend {
  if (before === undefined || before === "grey" || now === "grey") return "new";
  const d = ragRank(now) - ragRank(before);
  return d < 0 ? "better" : d > 0 ? "worse" : "same";
}
