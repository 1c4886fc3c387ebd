/**
 * A bounded fuzz run with fixed seeds (part of CI): random bytes and mutated real workbooks
 * through the .xlsx reader, and the engine on whatever comes out. Invariant: the reader either
 * reads or refuses with a WorkbookFileError (one line); the engine never throws.
 */
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/engine";
import { WorkbookFileError } from "../../src/xlsx/errors";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import { samplePortfolio } from "../../src/sample/sample-portfolio";
import { rawXlsx } from "../helpers/raw-xlsx";
import { day } from "../helpers/grids";

function readOrRefuse(bytes: Uint8Array): void {
  let grids;
  try {
    grids = readWorkbook(bytes).grids;
  } catch (e) {
    if (!(e instanceof WorkbookFileError)) throw e;
    expect(e.message).not.toMatch(/\n/);
    return;
  }
  try {
    checkWorkbook(grids, { today: day("2026-10-30") });
  } catch (e) {
    if ((e as Error).name !== "StandardError") throw e; // a mutated PMO Standard sheet is reported as such
  }
}

describe("fuzzing the .xlsx reader", () => {
  let sample: Uint8Array;
  beforeAll(async () => {
    sample = await writeSimpleWorkbook(samplePortfolio({ projects: 12 }));
  });

  it("reads or refuses random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => readOrRefuse(bytes)),
      { numRuns: 300, seed: 1130 },
    );
  });

  it("reads or refuses a real workbook with bytes changed, cut or inserted", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        (edits, cut) => {
          const bytes = new Uint8Array(sample);
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          readOrRefuse(cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length));
        },
      ),
      { numRuns: 150, seed: 2026 },
    );
  });

  it("reads or refuses sheet XML with random markup", () => {
    const piece = fc.constantFrom(
      "<row>",
      "</row>",
      '<c r="A1" t="s"><v>9</v></c>',
      '<c t="e"><v>#N/A</v></c>',
      '<c r="ZZZZ9"><v>x</v></c>',
      "&amp;",
      "&#xD800;",
      '<c r="B2" t="inlineStr"><is><t>',
      "</t></is></c>",
      '<row r="-4">',
      "<f>1+</f>",
      '<c t="d"><v>2024-13-45</v></c>',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 40 }), (parts) =>
        readOrRefuse(rawXlsx([{ name: "Projects", xml: parts.join("") }])),
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
