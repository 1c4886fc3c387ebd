/** Property tests: no grid, however odd, makes the engine throw; counts always add up. */
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/engine";
import { errorCell, type CellValue, type SheetGrid } from "../../src/core/grid";
import { countFindings } from "../../src/core/validate/finding";
import { coerceCell } from "../../src/core/register/coerce";
import { defaultStandard } from "../../src/core/standard/load";
import { PROJECT_HEADER, day } from "../helpers/grids";

const HEADERS = [
  ...PROJECT_HEADER,
  "Risk ID",
  "Project ID",
  "Probability",
  "Impact",
  "Score",
  "Status",
  "From Project",
  "To Project",
  "",
  "??",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(
    "",
    null,
    " ",
    "\u00a0",
    "TBD",
    "n/a",
    "45%",
    "£1.2m",
    "(1,000)",
    "31/02/2024",
    "7 Sep 2024",
    "Closed",
    "G",
    "=SUM(A1)",
    "P1",
    "P2",
  ),
  fc.string(),
  fc.double(),
  fc.integer({ min: -1e6, max: 3e6 }),
  fc.boolean(),
  fc.constantFrom<CellValue>(errorCell("#N/A"), errorCell("#REF!"), {
    kind: "uncalculated",
    formula: "A1+1",
  }),
  fc.constantFrom(...HEADERS),
);

const grid: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.constantFrom("Projects", "Risks", "Issues", "Dependencies", "Milestones", "PMO Standard", "Other"),
  rows: fc.array(fc.array(cell, { maxLength: 20 }), { maxLength: 25 }),
});

describe("the engine on random grids", () => {
  it("never throws (except a StandardError for a broken PMO Standard sheet) and counts add up", () => {
    fc.assert(
      fc.property(fc.array(grid, { maxLength: 6 }), fc.boolean(), (sheets, date1904) => {
        try {
          const { validation } = checkWorkbook({ sheets, date1904 }, { today: day("2026-10-30") });
          const c = countFindings(validation.findings);
          expect(c.errors + c.warnings + c.info).toBe(validation.findings.length);
          for (const f of validation.findings) expect(typeof f.message).toBe("string");
        } catch (e) {
          if ((e as Error).name !== "StandardError") throw e;
        }
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it("coerces any value in any column without throwing, never to NaN or Infinity", () => {
    const standard = defaultStandard();
    const columns = Object.values(standard.registers).flatMap((r) => r!.columns);
    fc.assert(
      fc.property(
        cell,
        fc.constantFrom(...columns),
        fc.constantFrom(null, "0%", "d mmm yyyy"),
        (value, column, format) => {
          const r = coerceCell(value, format, column, {
            date1904: false,
            dateOrder: "dmy",
            percentScale: "fraction",
            ragScale: standard.ragScale,
          });
          if (r.ok && typeof r.value === "number") expect(Number.isFinite(r.value)).toBe(true);
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });
});
