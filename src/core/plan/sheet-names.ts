/**
 * The name each of our sheets has in the workbook. A sheet we wrote before keeps its current
 * name (the user may have renamed it); a new one gets the default name, or "PMO Rollup (2)"
 * when a sheet of the user's already has that name: a user's sheet is never taken over.
 */
import { parseSheetRef } from "../a1";
import type { SheetGrid } from "../grid";
import { OWNED_ROLES, type OwnedRole } from "../rollup/analyse";

export function assignSheetNames(
  sheets: readonly Pick<SheetGrid, "name" | "ownedRole">[],
): Record<OwnedRole, string> {
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  const names = {} as Record<OwnedRole, string>;
  for (const role of Object.keys(OWNED_ROLES) as OwnedRole[]) {
    const owned = sheets.find((s) => s.ownedRole === role);
    if (owned) {
      names[role] = owned.name;
      continue;
    }
    let name: string = OWNED_ROLES[role];
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${OWNED_ROLES[role]} (${n})`;
    taken.add(name.toLowerCase());
    names[role] = name;
  }
  return names;
}

/**
 * How a host records that it wrote a sheet: a hidden workbook-level defined name per role,
 * `PMORollup_rollup` = `'PMO Rollup'!$A$1`. The reference follows the sheet when the user renames
 * it and breaks (#REF!) when the user deletes it, and one read of the workbook's names finds
 * every sheet of ours.
 */
export const OWNERSHIP_PREFIX = "PMORollup_";

export function ownershipName(role: SheetRole): string {
  return `${OWNERSHIP_PREFIX}${role}`;
}

/** The PMO Standard sheet the pane writes is ours too (it is never part of a refresh). */
export const STANDARD_ROLE = "standard";
/** A sheet the user asked us to add (a CSV imported as a register): created once, never owned. */
export const IMPORT_ROLE = "import";
/** A coordinator's workbook kept by the pane (rollup/submissions.ts): one role per submitted file. */
export type SubmissionRole = `sub_${number}`;
export type SheetRole = OwnedRole | typeof STANDARD_ROLE | typeof IMPORT_ROLE | SubmissionRole;

export function submissionRole(n: number): SubmissionRole {
  return `sub_${n}`;
}

export function isSubmissionRole(role: string): role is SubmissionRole {
  return /^sub_[1-9]\d*$/.test(role);
}

/** `wanted`, or "wanted (CSV)", "wanted (CSV 2)"... whichever no sheet has yet (31 characters at most). */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const base =
    wanted
      .replace(/[\\/?*[\]:]/g, " ")
      .slice(0, 31)
      .trim() || "Imported";
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? " (CSV)" : ` (CSV ${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** The role a defined name records, or null when it is not one of ours. */
export function roleOfName(name: string): SheetRole | null {
  if (!name.startsWith(OWNERSHIP_PREFIX)) return null;
  const role = name.slice(OWNERSHIP_PREFIX.length);
  return role in OWNED_ROLES || role === STANDARD_ROLE || isSubmissionRole(role) ? (role as SheetRole) : null;
}

/** Sheet name -> role, from the workbook's defined names (name -> reference such as "'PMO Rollup'!$A$1"). */
export function ownedSheets(names: Iterable<readonly [string, string]>): Map<string, SheetRole> {
  const out = new Map<string, SheetRole>();
  for (const [name, ref] of names) {
    const role = roleOfName(name);
    const target = role ? parseSheetRef(ref) : null;
    if (role && target) out.set(target.sheet, role);
  }
  return out;
}
