/** The whole workbook plan: our four sheets, in the order they appear. */
import { findingsSheet } from "./findings-sheet";
import { historySheet } from "./history-sheet";
import { projectsSheet } from "./projects-sheet";
import type { RollupInput } from "./rollup-input";
import { rollupSheet } from "./rollup-sheet";
import type { WorkbookPlan } from "./sheet-plan";

export function buildWorkbookPlan(input: RollupInput): WorkbookPlan {
  return { sheets: [rollupSheet(input), projectsSheet(input), findingsSheet(input), historySheet(input)] };
}
