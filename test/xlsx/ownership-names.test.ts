/** Writing some of our sheets keeps the ownership names of the others (the package writer). */
import { findingsSheet } from "../../src/core/plan/findings-sheet";
import { rollupWorkbooks } from "../../src/core/rollup/portfolio-rollup";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeGridsWorkbook } from "../../src/xlsx/write-grids";
import { writePlanIntoPackage } from "../../src/xlsx/write-plan";
import { day, PROJECT_HEADER, projectRow } from "../helpers/grids";
import { rollupBytes } from "../helpers/rollup";

it("rewrites only the ownership names of the sheets it writes", () => {
  const bytes = rollupBytes(
    writeGridsWorkbook([{ name: "Projects", rows: [PROJECT_HEADER, projectRow("P-1")] }]),
  );
  const read = readWorkbook(bytes);
  const rollup = rollupWorkbooks([{ file: "book.xlsx", grids: read.grids }], {
    today: day("2026-10-30"),
    refreshed: 46357,
  });
  const after = readWorkbook(
    writePlanIntoPackage(read.pkg, read.info, { sheets: [findingsSheet(rollup.input)] }),
  );
  expect(after.grids.sheets.filter((s) => s.ownedRole).map((s) => [s.name, s.ownedRole])).toEqual([
    ["PMO Rollup", "rollup"],
    ["PMO Projects", "projects"],
    ["PMO Findings", "findings"],
    ["PMO History", "history"],
  ]);
});
