/**
 * Numbered ratings read as the words of a ranked enum (the standard lists its values least to
 * most: Low, Medium, High, Critical). The header gives the numbers' range ("Impact Level (1-3)",
 * "Severity_1_4"); a priority or severity header without one counts from 1 at the top ("P1",
 * "Sev 1"), anything else from the usual scale its highest number is on (1-3, 1-4, 1-5, 1-10;
 * sampled over the whole column, so a combined RAID sheet's issues read on its risks' scale). Which end is the top: 1 for a priority or severity (the ITIL habit), the highest
 * number for anything else (an impact or a level). A range shorter than the values keeps to the
 * end it counts from ("Impact (1-3)": Low, Medium, High; "Priority (1-3)": Critical, High,
 * Medium); a longer one is spread over them (see spread).
 */
import type { CellValue } from "../grid";
import type { ColumnSpec } from "../standard/schema";
import type { HeaderHint } from "./header-hints";
import { headerWords } from "./header-hints";
import { cellNumber } from "./parse-number";

const COUNTS_FROM_TOP = new Set(["priority", "pri", "prio", "severity", "sev", "p", "urgency"]);

/** The scales a numbered rating is usually on, by its highest number (1-3, 1-4, 1-5, 1-10). */
const USUAL_TOPS = [3, 4, 5, 10];

/** A severity or priority written with its code: "Sev 2", "S1", "P3", "Pri 2", "Priority 1". */
const CODED_LEVEL = /^\s*(?:sev(?:erity)?|pri(?:ority)?|p|s)\s*\.?\s*(\d{1,2})\s*$/i;

/** The number a cell holds, when it is a whole number (written or typed, or a coded level: "Sev 2"). */
export function wholeNumberOf(value: CellValue): number | undefined {
  const coded = typeof value === "string" ? CODED_LEVEL.exec(value) : null;
  if (coded) return Number(coded[1]);
  const n = cellNumber(value, false);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** number -> the value it means, for a ranked enum column read from numbers; null when it is not. */
export function rankedLevels(
  column: ColumnSpec,
  header: string,
  hint: HeaderHint | undefined,
  samples: readonly CellValue[],
): ReadonlyMap<number, string> | null {
  const values = column.values ?? [];
  if (column.type !== "enum" || !column.ranked || values.length < 2) return null;
  const numbers = samples.map(wholeNumberOf).filter((n): n is number => n !== undefined);
  if (numbers.length === 0 || numbers.length * 2 < samples.length) return null;
  // "P1", "Sev 1": a coded priority or severity counts from the top, whatever its header.
  const coded = samples.filter((v) => typeof v === "string" && CODED_LEVEL.test(v)).length;
  const fromTop =
    coded * 2 > numbers.length || headerWords(hint?.base ?? header).some((w) => COUNTS_FROM_TOP.has(w));
  const highest = Math.max(...numbers);
  const range = hint?.range ?? {
    min: 1,
    max: fromTop ? Math.max(values.length, highest) : (USUAL_TOPS.find((top) => highest <= top) ?? highest),
  };
  if (range.max <= range.min || range.max - range.min > 9) return null;
  const span = range.max - range.min + 1;
  const k = values.length;
  const levels = new Map<number, string>();
  for (let n = range.min; n <= range.max; n++) {
    // rank 0 is the least severe of the numbers.
    const rank = fromTop ? range.max - n : n - range.min;
    const index = span > k ? spread(rank / (span - 1), k) : fromTop ? k - span + rank : rank;
    levels.set(n, values[index].value);
  }
  return levels;
}

/**
 * A place 0..1 on a longer rating as one of k values: read on five levels first (Very Low ..
 * Very High), and those as the values' own words take them (Very Low and Low are Low, Very High
 * is the top), so "3" of 1-5 is Medium, as "Medium" is.
 */
function spread(place: number, k: number): number {
  const five = Math.round(place * 4);
  return k >= 5 ? Math.round((five * (k - 1)) / 4) : Math.max(0, k - 1 - (4 - five));
}
