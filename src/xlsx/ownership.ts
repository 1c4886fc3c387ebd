/** Which sheets PMO Rollup wrote, as recorded in the workbook's defined names (see core/plan/sheet-names.ts). */
import { ownedSheets } from "../core/plan/sheet-names";
import type { WorkbookInfo } from "./workbook-part";

/** Sheet index -> role, for the worksheets our names point at. */
export function ownedRoles(info: WorkbookInfo): Map<number, string> {
  const bySheet = ownedSheets(
    info.definedNames.filter((n) => n.localSheetId === undefined).map((n) => [n.name, n.ref] as const),
  );
  const roles = new Map<number, string>();
  info.sheets.forEach((sheet, index) => {
    const role = bySheet.get(sheet.name);
    if (role && sheet.kind === "worksheet") roles.set(index, role);
  });
  return roles;
}
