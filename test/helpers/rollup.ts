/**
 * Runs a rollup over .xlsx bytes the way the CLI does, at a fixed status date and clock; the
 * output must pass validate-xlsx --changed-from the input (test/helpers/validate-xlsx.ts).
 */
import { rollupWorkbooks } from "../../src/core/rollup/portfolio-rollup";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writePlanIntoPackage } from "../../src/xlsx/write-plan";
import { day } from "./grids";
import { expectValidXlsx } from "./validate-xlsx";

export function rollupBytes(
  bytes: Uint8Array,
  refreshed = 46356.5,
  asOf = "2026-10-30",
  /** false when the caller validates the output itself (in one batch, or to record the result). */
  validate = true,
): Uint8Array {
  const read = readWorkbook(bytes);
  const rollup = rollupWorkbooks([{ file: "book.xlsx", grids: read.grids }], {
    today: day(asOf),
    asOf: day(asOf),
    refreshed,
  });
  const output = writePlanIntoPackage(read.pkg, read.info, rollup.plan);
  if (validate) expectValidXlsx(output, bytes);
  return output;
}
