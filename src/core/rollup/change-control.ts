/**
 * Change control: a project's baseline (finish and budget) may only move through an approved
 * change request. The baseline in force is the register's when it has not moved since the previous
 * status date, or when a request approved in between covers the move; otherwise it is the previous
 * one, which the schedule is judged against and History keeps until an approval is recorded.
 */
import type { DayNumber } from "../dates";
import { matchKey } from "../register/normalize";
import { numberOf, textOf, type RegisterRow, type RegisterTable } from "../register/register-table";
import type { RegisterSpec } from "../standard/schema";
import type { HistorySnapshot } from "./history";

export interface Baseline {
  readonly finish: DayNumber | null;
  readonly budget: number | null;
}

/** The fields of the Projects register a baseline is read from, and the register key of the change log. */
export const BASELINE_FIELDS = { finish: "baselineFinish", budget: "bac" } as const;
export type BaselinePart = keyof typeof BASELINE_FIELDS;
export const CHANGES_REGISTER = "changes";

export interface BaselineMove {
  readonly part: BaselinePart;
  readonly before: number;
  readonly now: number;
  /** The status date of the snapshot the move is measured from. */
  readonly since: DayNumber;
  /** The approved change request that covers the move, or null when none does. */
  readonly approvedBy: string | null;
}

export interface ChangeControl {
  readonly inForce: Baseline;
  readonly moves: readonly BaselineMove[];
}

interface Approval {
  readonly id: string;
  readonly decided: DayNumber;
}

/** The status values a standard marks as approved (Approved, Implemented). */
function approvedValues(spec: RegisterSpec): Set<string> {
  const col = spec.columns.find((c) => c.field === "status");
  return new Set((col?.values ?? []).filter((v) => v.approved).map((v) => v.value));
}

/** Approved change requests with a decision date, by project match key. */
export function approvalsByProject(changes: RegisterTable | undefined): Map<string, Approval[]> {
  const out = new Map<string, Approval[]>();
  if (!changes) return out;
  const approved = approvedValues(changes.spec);
  for (const row of changes.rows) {
    const status = textOf(row, "status");
    const project = textOf(row, "projectId");
    const decided = numberOf(row, "decisionDate");
    if (status === null || !approved.has(status) || project === null || decided === null) continue;
    const key = matchKey(project) || project;
    const list = out.get(key) ?? [];
    list.push({ id: textOf(row, "changeId") ?? `row ${row.row + 1}`, decided });
    out.set(key, list);
  }
  return out;
}

/** The first request approved after `since` and on or before `asOf`. */
function approvalBetween(approvals: readonly Approval[] | undefined, since: DayNumber, asOf: DayNumber) {
  return approvals?.find((a) => a.decided > since && a.decided <= asOf) ?? null;
}

export function changeControl(
  row: RegisterRow,
  previous: HistorySnapshot | undefined,
  approvals: readonly Approval[] | undefined,
  asOf: DayNumber,
): ChangeControl {
  const moves: BaselineMove[] = [];
  const inForce = (part: BaselinePart): number | null => {
    const now = numberOf(row, BASELINE_FIELDS[part]);
    const before = previous?.[part === "finish" ? "baselineFinish" : "budget"] ?? null;
    if (!previous || now === null || before === null || now === before) return now;
    const approval = approvalBetween(approvals, previous.statusDate, asOf);
    moves.push({ part, before, now, since: previous.statusDate, approvedBy: approval?.id ?? null });
    return approval ? now : before;
  };
  return { inForce: { finish: inForce("finish"), budget: inForce("budget") }, moves };
}

/** True when the schedule is judged against a previous baseline finish (a move not yet approved). */
export function finishHeld(control: ChangeControl): boolean {
  return control.moves.some((m) => m.part === "finish" && m.approvedBy === null);
}
