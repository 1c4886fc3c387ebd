/**
 * A register template (core/plan/template-plan.ts) as a new .xlsx package: an empty package,
 * then the plan's sheets written into it by the package writer, as every sheet of ours is.
 */
import type { WorkbookPlan } from "../core/plan/sheet-plan";
import { FFLATE_CODEC, type ZipCodec } from "./codec";
import { readWorkbook } from "./read-workbook";
import { writeGridsWorkbook } from "./write-grids";
import { writePlanIntoPackage } from "./write-plan";

export function writeTemplateWorkbook(plan: WorkbookPlan, codec: ZipCodec = FFLATE_CODEC): Uint8Array {
  // A package with no sheet is never a workbook we hand out: the plan's sheets are added at once.
  const empty = writeGridsWorkbook([], codec);
  const read = readWorkbook(empty, { sheetFilter: () => false, codec });
  return writePlanIntoPackage(read.pkg, read.info, plan);
}
