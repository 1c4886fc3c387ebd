/**
 * Which register a CSV file is. A CSV has no sheet name, so its content decides: an issue log
 * exported from Jira is the Issues register, a risk export the Risks register; a file whose
 * headers name no register is read as the Projects register, as it always was.
 */
import type { SheetGrid } from "../grid";
import type { Standard } from "../standard/schema";
import { freeSheetName } from "../plan/sheet-names";
import { placeRegisters } from "./place-registers";

/**
 * The sheet name a CSV is read under: the register its headers fit (its standard sheet name),
 * the file's own name for a combined RAID export (the Type column splits it), else Projects.
 */
export function csvSheetName(fileStem: string, grid: SheetGrid, standard: Standard): string {
  const stem = freeSheetName(fileStem, []);
  const { placements } = placeRegisters([{ ...grid, name: stem }], standard);
  if (placements.length === 1) return placements[0].spec.sheet;
  if (placements.length > 1) return stem;
  return standard.registers.projects.sheet;
}
