/**
 * What the recognition step tests share: the built-in standard, a status date, a workbook
 * validated from its sheets, and a one-project Projects sheet for registers to refer to.
 */
import { defaultStandard } from "../../src/core/standard/load";
import { validateWorkbook } from "../../src/core/validate/validate-workbook";
import { day, sheet, workbook } from "./grids";

export const standard = defaultStandard();
export const asOf = day("2026-10-30");
export const validate = (...sheets: ReturnType<typeof sheet>[]) =>
  validateWorkbook(workbook(...sheets), standard, asOf);
/** Projects with the one project P1, the key a register's rows name. */
export const projects = sheet("Projects", [
  ["Project ID", "Project Name", "Project Manager", "Budget"],
  ["P1", "Alpha", "Ann", 1000000],
]);
