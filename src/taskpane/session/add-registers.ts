/** "Add missing registers": the standard's registers the workbook lacks, added as template sheets. */
import { missingRegistersPlan } from "../../core/plan/template-plan";
import type { Standard } from "../../core/standard/schema";
import type { WorkbookHost } from "../../host/workbook-host";

/** The names of the sheets added (none when every register is there already). */
export async function addMissingRegisters(host: WorkbookHost, standard: Standard): Promise<string[]> {
  const grids = await host.readWorkbook({ sheets: () => false }); // names and ownership are enough
  const plan = missingRegistersPlan(standard, grids.sheets);
  if (plan.sheets.length === 0) return [];
  return host.addTemplateSheets(plan);
}
