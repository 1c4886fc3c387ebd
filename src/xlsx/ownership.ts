/** Which sheets PMO Rollup wrote, as recorded in the workbook's sheet-scoped defined names. */
import { OWNERSHIP_NAME } from "../core/plan/sheet-names";
import { OWNED_ROLES } from "../core/rollup/analyse";
import type { WorkbookInfo } from "./workbook-part";

/** Sheet index -> role, for the sheets carrying our ownership name. */
export function ownedRoles(info: WorkbookInfo): Map<number, string> {
  const roles = new Map<number, string>();
  for (const n of info.definedNames) {
    if (n.name !== OWNERSHIP_NAME || n.localSheetId === undefined) continue;
    const role = n.ref.replace(/^=/, "").replace(/^"|"$/g, "");
    if (role in OWNED_ROLES && info.sheets[n.localSheetId]?.kind === "worksheet")
      roles.set(n.localSheetId, role);
  }
  return roles;
}
