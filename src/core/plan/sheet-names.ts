/**
 * The name each of our sheets has in the workbook. A sheet we wrote before keeps its current
 * name (the user may have renamed it); a new one gets the default name, or "PMO Rollup (2)"
 * when a sheet of the user's already has that name: a user's sheet is never taken over.
 */
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
 * How a host records that it wrote a sheet: a hidden sheet-scoped defined name with this name
 * whose value is the role ("rollup", "projects"...). It follows the sheet when the user renames
 * it and goes with it when the user deletes it.
 */
export const OWNERSHIP_NAME = "PMORollup_Role";
