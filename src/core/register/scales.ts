/**
 * Qualitative scales (High/Medium/Low, Very Low..Very High, 1-10) read as the numbers the
 * standard says they count as. Each column reads with the scale its header names or its
 * values fit best, so P x I works on a worded register as on a numbered one.
 */
import { displayCell, isBlankCell, type CellValue } from "../grid";
import type { ColumnSpec, ScaleSpec, Standard } from "../standard/schema";
import type { HeaderHint } from "./header-hints";
import { linkedRecordName, matchKey } from "./normalize";
import { cellNumber } from "./parse-number";

export interface ColumnScale {
  readonly name: string;
  /** matchKey of each level's value and aliases -> the level's score. */
  readonly scores: ReadonlyMap<string, number>;
  /** The levels as written in the standard, for messages. */
  readonly labels: readonly string[];
}

const compiled = new WeakMap<ScaleSpec, ColumnScale>();

export function compileScale(name: string, spec: ScaleSpec): ColumnScale {
  let scale = compiled.get(spec);
  if (scale) return scale;
  const scores = new Map<string, number>();
  for (const level of spec.levels)
    for (const text of [level.value, ...level.aliases]) {
      const key = matchKey(text);
      if (key !== "" && !scores.has(key)) scores.set(key, level.score);
    }
  scale = { name, scores, labels: spec.levels.map((l) => l.value) };
  compiled.set(spec, scale);
  return scale;
}

/** The score of a cell on a scale, or undefined when the scale does not know it. */
export function scaleScore(scale: ColumnScale, value: CellValue): number | undefined {
  if (isBlankCell(value)) return undefined;
  // A linked record ("Likely (https://www.notion.so/...)") is the level it names.
  const linked = typeof value === "string" ? linkedRecordName(value) : null;
  if (linked !== null) return scaleScore(scale, linked);
  const text = typeof value === "number" ? String(value) : displayCell(value);
  const score = scale.scores.get(matchKey(text));
  if (score !== undefined || typeof value === "number") return score;
  const middle = percentBandMiddle(value);
  if (middle !== undefined) return scale.scores.get(`${middle}%`);
  // "2 - High", "High (4)": the word first, then the number (SharePoint's "(1) High" numbers its
  // choices, not the levels). "4 (Likely)": the level's number, its word in brackets.
  const parts = labelledValue(text);
  if (!parts) {
    // "Likely (50%-90%)", "Rare (<0.4%)": the level, with the chance it stands for.
    const noted = /^\s*([A-Za-z][A-Za-z ]*?)\s*\([^()]*%[^()]*\)\s*$/.exec(text);
    return noted ? scale.scores.get(matchKey(noted[1])) : undefined;
  }
  const byLabel = scale.scores.get(matchKey(parts.label));
  const byNumber = scale.scores.get(parts.number);
  if (parts.wordFirst) {
    // "Likely 4" numbers the levels of a worded scale with at least that many, least first: the
    // word says the level where ours knows it ("Critical 1" counts from the top), else the
    // number does ("Common 5"). Not a scale of numbers alone (1-10), nor a shorter one ("High 20"
    // is a score, not a level of three).
    const n = Number(parts.number);
    if (scale.labels.every((l) => /^\d+$/.test(l)) || n < 1 || n > scale.labels.length) return undefined;
    return byLabel ?? scale.scores.get(matchKey(scale.labels[n - 1]));
  }
  if (!parts.levelFirst) return byLabel ?? byNumber;
  // The word says the level, on a scale with as many levels as the number counts to: "4
  // (Likely)" is on no three-level scale, "3 (High)" is the top of one.
  return Number(parts.number) <= scale.labels.length ? byLabel : undefined;
}

/**
 * A rating written as a number and its label: "2 - High", "1. Critical", "High (4)", "Likely 4", "4 (Likely)", and
 * SharePoint's choice order "(1) High"; the number may carry a short code of what it counts
 * ("Sev 2 - High", "G3 Delivery", "Phase 2 Design").
 */
export function labelledValue(
  text: string,
): { number: string; label: string; coded: boolean; levelFirst?: boolean; wordFirst?: boolean } | null {
  const before = /^\s*[([]?([A-Za-z]{1,5}\s?)?(\d{1,2})\s*(?:[-–.:)\]]|\s)\s*([A-Za-z][A-Za-z /]*?)\s*$/.exec(
    text,
  );
  if (before) return { number: before[2], label: before[3], coded: before[1] !== undefined };
  const after = /^\s*([A-Za-z][A-Za-z /]*?)\s*[([](\d{1,2})[)\]]\s*$/.exec(text);
  if (after) return { number: after[2], label: after[1], coded: false };
  // monday.com's "4 (Likely)": the number, its label in brackets.
  const bracketed = /^\s*(\d{1,2})\s*[([]\s*([A-Za-z][A-Za-z /]*?)\s*[)\]]\s*$/.exec(text);
  if (bracketed) return { number: bracketed[1], label: bracketed[2], coded: false, levelFirst: true };
  // A municipality's "Likely 4", "Critical 5": the word, then its number.
  const trailing = /^\s*([A-Za-z][A-Za-z /]*?)\s+(\d{1,2})\s*$/.exec(text);
  return trailing ? { number: trailing[2], label: trailing[1], coded: false, wordFirst: true } : null;
}

/**
 * A likelihood given as a percentage (Azure DevOps' Probability 0-100, "60%") on a 1-5 rating:
 * each fifth is a level (1-20 % is 1 .. 81-100 % is 5).
 */
const PERCENT_BANDS: ColumnScale = (() => {
  const scores = new Map<string, number>();
  for (let n = 0; n <= 100; n++) {
    const level = Math.max(1, Math.ceil(n / 20));
    scores.set(String(n), level).set(`${n}%`, level);
  }
  return { name: "percent-bands", scores, labels: ["a percentage from 0 to 100"] };
})();

/** The same likelihood as a fraction (SharePoint's and Project Server's 0.35): two decimals at most. */
const FRACTION_BANDS: ColumnScale = (() => {
  const scores = new Map<string, number>();
  for (let n = 0; n <= 100; n++) scores.set(matchKey(String(n / 100)), Math.max(1, Math.ceil(n / 20)));
  return { name: "fraction-bands", scores, labels: ["a fraction from 0 to 1"] };
})();

/** Whether a 1-5 column's values are fractions: most lie strictly between 0 and 1, and none above 1. */
function fractionLike(column: ColumnSpec, samples: readonly CellValue[]): boolean {
  if (column.min !== 1 || column.max !== 5) return false;
  let between = 0;
  for (const v of samples) {
    const n = cellNumber(v, false);
    if (n === undefined) continue;
    if (n > 1 || n < 0) return false;
    if (n > 0 && n < 1) between++;
  }
  return between * 2 > samples.length;
}

/** The middle of a band of percentages ("25%-50%", a Jira risk's likelihood) as a whole percentage. */
function percentBandMiddle(value: CellValue): number | undefined {
  if (typeof value !== "string") return undefined;
  const band = /^\s*(\d{1,3})\s*%?\s*[-–]\s*(\d{1,3})\s*%\s*$/.exec(value);
  if (!band) return undefined;
  const [low, high] = [Number(band[1]), Number(band[2])];
  return low < high && high <= 100 ? Math.round((low + high) / 2) : undefined;
}

/**
 * Whether a 1-5 column's values are percentages: most are whole numbers above 5, none above 100,
 * and some above 10 or a header saying % (7, 8 and 9 alone are a 1-10 rating, not chances of 7 %).
 */
function percentLike(column: ColumnSpec, samples: readonly CellValue[], saysPercent: boolean): boolean {
  if (column.min !== 1 || column.max !== 5) return false;
  let above = 0;
  let beyondTen = false;
  for (const v of samples) {
    const n = cellNumber(v, true) ?? percentBandMiddle(v);
    if (n === undefined) continue;
    if (n > 100) return false;
    if (n > 5) above++;
    if (n > 10) beyondTen = true;
  }
  return (beyondTen || saysPercent) && above * 2 > samples.length;
}

function isNumericLevels(spec: ScaleSpec, min: number, max: number): boolean {
  const values = spec.levels.map((l) => Number(l.value));
  return (
    values.every(Number.isInteger) &&
    values.length === max - min + 1 &&
    Math.min(...values) === min &&
    Math.max(...values) === max
  );
}

/** How many of `samples` read as plain numbers within the column's own range. */
function nativeCount(column: ColumnSpec, samples: readonly CellValue[]): number {
  let n = 0;
  for (const v of samples) {
    const num = cellNumber(v, false);
    if (num === undefined || !Number.isFinite(num)) continue;
    if ((column.min === undefined || num >= column.min) && (column.max === undefined || num <= column.max))
      n++;
  }
  return n;
}

/**
 * The scale a column reads with: the one its header names ("(1-10)", "(High/Med/Low)"), else
 * the accepted scale that knows more of its values than plain numbers do (the first listed on
 * a tie); null for plain numbers.
 */
export function chooseScale(
  standard: Standard,
  column: ColumnSpec,
  hint: HeaderHint | undefined,
  samples: readonly CellValue[],
): ColumnScale | null {
  const accepted = (column.scales ?? []).flatMap((name) => {
    const spec = standard.scales[name];
    return spec ? [{ name, spec }] : [];
  });
  if (accepted.length === 0) return null;
  if (hint?.range) {
    const { min, max } = hint.range;
    if (min === column.min && max === column.max) return null;
    const named = accepted.find((s) => isNumericLevels(s.spec, min, max));
    if (named) return compileScale(named.name, named.spec);
  }
  if (hint?.words) {
    const words = hint.words.map(matchKey);
    const named = accepted.find((s) => words.every((w) => compileScale(s.name, s.spec).scores.has(w)));
    if (named) return compileScale(named.name, named.spec);
  }
  if (percentLike(column, samples, hint?.percent === true)) return PERCENT_BANDS;
  if (fractionLike(column, samples)) return FRACTION_BANDS;
  let best: ColumnScale | null = null;
  let bestCount = nativeCount(column, samples);
  for (const { name, spec } of accepted) {
    const scale = compileScale(name, spec);
    let count = 0;
    for (const v of samples) if (scaleScore(scale, v) !== undefined) count++;
    if (count > bestCount) [best, bestCount] = [scale, count];
  }
  return best;
}

/** A scale's highest number and what each number counts as, when it reads numbers in proportion (1-10 as half). */
function proportion(scale: ColumnScale): { factor: number; top: number } | null {
  let factor: number | null = null;
  let top = 0;
  for (const [key, score] of scale.scores) {
    const n = Number(key);
    if (!Number.isInteger(n) || n <= 0) return null;
    const f = score / n;
    if (factor !== null && Math.abs(f - factor) > 1e-9) return null;
    factor = f;
    top = Math.max(top, n);
  }
  return factor === null ? null : { factor, top };
}

/**
 * The scale of a score that multiplies two ratings (P x I), when the standard reads either
 * rating in proportion from a longer scale: a register's 56 of P and I on 1-10 is 56 x 1/4, 14
 * on the standard's 1-25, as its 7 and 8 are 3.5 and 4. A rating read as written (`null`) counts
 * as itself up to `nativeTop`. Null when neither rating is rescaled or one is on words.
 */
export function productScale(
  a: ColumnScale | null,
  b: ColumnScale | null,
  nativeTop: number,
): ColumnScale | null {
  const pa = a ? proportion(a) : { factor: 1, top: nativeTop };
  const pb = b ? proportion(b) : { factor: 1, top: nativeTop };
  if (!pa || !pb || (pa.factor === 1 && pb.factor === 1)) return null;
  const top = pa.top * pb.top;
  const scores = new Map<string, number>();
  for (let n = 0; n <= top; n++) scores.set(String(n), n * pa.factor * pb.factor);
  return {
    name: `${a?.name ?? "numbers"} x ${b?.name ?? "numbers"}`,
    scores,
    labels: [`a score from 1 to ${top}`],
  };
}
