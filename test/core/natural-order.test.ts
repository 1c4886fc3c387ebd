import fc from "fast-check";
import { naturalOrder } from "../../src/core/plan/projects-sheet";

const collator = new Intl.Collator("en", { numeric: true }).compare;
const sign = (n: number) => Math.sign(n);

describe("natural order of project IDs", () => {
  it("puts PRJ-9 before PRJ-10 and keeps the collator's order elsewhere", () => {
    const ids = ["PRJ-10", "PRJ-9", "prj-9", "PRJ-09", "A-1", "PRJ-100", "10", "9", "PRJ", "PRJ-9a", "Ö-1"];
    expect([...ids].sort(naturalOrder)).toEqual([...ids].sort(collator));
  });

  it("agrees with the numeric collator on every pair (property)", () => {
    const id = fc.oneof(
      fc
        .tuple(fc.constantFrom("P-", "PRJ-", "p-", "P", "", "PX-", "P_"), fc.nat({ max: 100_000 }))
        .map(([prefix, n]) => `${prefix}${n}`),
      fc.tuple(fc.constantFrom("P-", "P"), fc.stringMatching(/^[0-9]{1,6}$/)).map(([p, d]) => p + d),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(id, id, (a, b) => sign(naturalOrder(a, b)) === sign(collator(a, b))),
      { numRuns: 5000, seed: 11 },
    );
  });
});
