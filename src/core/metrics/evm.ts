/**
 * Earned value formulas, one home for each (DESIGN §4). Every function returns null instead of
 * NaN or Infinity: a missing input or a division by zero is "no value".
 */
import type { Standard } from "../standard/schema";

export type Num = number | null;

/** a / b, or null when either is missing or b is 0. */
export function ratio(a: Num, b: Num): Num {
  if (a === null || b === null || b === 0) return null;
  const r = a / b;
  return Number.isFinite(r) ? r : null;
}

export function minus(a: Num, b: Num): Num {
  return a === null || b === null ? null : a - b;
}

export function plus(a: Num, b: Num): Num {
  return a === null || b === null ? null : a + b;
}

/** Earned value: BAC x % complete. */
export function earnedValue(bac: Num, percentComplete: Num): Num {
  return bac === null || percentComplete === null ? null : (bac * percentComplete) / 100;
}

/** Planned value: BAC x planned % complete. */
export function plannedValue(bac: Num, plannedPercent: Num): Num {
  return bac === null || plannedPercent === null ? null : (bac * plannedPercent) / 100;
}

/** Planned % complete straight-line from start to baseline finish at the status date. */
export function linearPlannedPercent(start: Num, baselineFinish: Num, asOf: number): Num {
  if (start === null || baselineFinish === null || baselineFinish < start) return null;
  if (asOf <= start) return 0;
  if (asOf >= baselineFinish) return 100;
  return ((asOf - start) / (baselineFinish - start)) * 100;
}

/** Estimate at completion by the standard's method. */
export function estimateAtCompletion(
  method: Standard["eacMethod"],
  bac: Num,
  ac: Num,
  ev: Num,
  cpi: Num,
  spi: Num,
): Num {
  switch (method) {
    case "bac-over-cpi":
      return ratio(bac, cpi);
    case "ac-plus-remaining":
      return plus(ac, minus(bac, ev));
    case "ac-plus-remaining-over-cpi-spi":
      return plus(ac, ratio(minus(bac, ev), cpi === null || spi === null ? null : cpi * spi));
  }
}

/** To-complete performance index: (BAC - EV) / (BAC - AC). */
export function toCompletePerformanceIndex(bac: Num, ac: Num, ev: Num): Num {
  return ratio(minus(bac, ev), minus(bac, ac));
}

/** Sum of the known values; null when none is known. */
export function sumKnown(values: Iterable<Num>): Num {
  let total: Num = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}
