/** Text normalisation shared by header matching, enum matching and sheet-name matching. */

const SPACES = /[\s\u00a0\u2007\u202f\u200b\ufeff]+/g;
// C0/C1 control characters other than tab/newline (which become spaces above).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Trim and collapse every kind of space; drop control characters. */
export function cleanText(text: string): string {
  return text.replace(CONTROLS, "").replace(SPACES, " ").trim();
}

/**
 * A linked record as Notion's and similar exports write it, "Possible (https://www.notion.so/...)":
 * the record's name, without its address. Null when the text is no such link.
 */
export function linkedRecordName(text: string): string | null {
  if (!text.endsWith(")") || !text.includes("(http")) return null;
  const m = /^(.*\S)\s*\(https?:\/\/[^\s()]+\)$/.exec(text);
  return m ? m[1] : null;
}

/** True when cleanText would leave the text as it is (the common case, checked cheaply). */
export function isCleanText(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  if (first <= 32 || last <= 32) return false;
  let previousSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      c < 32 ||
      (c >= 127 && c <= 160) ||
      c === 0x2007 ||
      c === 0x202f ||
      c === 0x200b ||
      c === 0xfeff ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x3000 ||
      c === 0x1680 ||
      c === 0x205f
    )
      return false;
    const space = c === 32;
    if (space && previousSpace) return false;
    previousSpace = space;
  }
  return true;
}

const ASCII_KEY = /^[\x20-\x7e]*$/;
/** Already a key: nothing to drop or spell out. */
const ASCII_KEPT = /^[a-z0-9%]*$/;

/** The matching key of a header or a value: lower case, letters, digits and % only. */
/** How many words a text has (a sentence has several; a rating or a date one or two). */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}

export function matchKey(text: string): string {
  if (ASCII_KEY.test(text)) {
    // Plain ASCII (IDs, most headers): the same key without Unicode normalisation.
    const lower = text.toLowerCase();
    return ASCII_KEPT.test(lower) ? lower : lower.replace(/&/g, "and").replace(/[^a-z0-9%]/g, "");
  }
  return cleanText(text)
    .toLowerCase()
    .replace(/&/g, "and")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}%]/gu, "");
}

/** A match key's singular, when it reads as a plural ("risks" is "risk"); null when it does not end in s. */
export function singularKey(key: string): string | null {
  return key.length > 3 && key.endsWith("s") ? key.slice(0, -1) : null;
}

/** Edit distance, bounded: returns max+1 as soon as the distance exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The closest of `candidates` to `text`, if it is close enough to be a likely typo. */
export function didYouMean(text: string, candidates: readonly string[]): string | null {
  const key = matchKey(text);
  if (key === "") return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const ck = matchKey(candidate);
    if (ck === "") continue;
    if (ck.startsWith(key) || key.startsWith(ck)) {
      const d = Math.abs(ck.length - key.length) * 0.5;
      if (d < bestDistance) [best, bestDistance] = [candidate, d];
      continue;
    }
    const limit = Math.max(1, Math.floor(ck.length / 3));
    const d = editDistance(key, ck, limit);
    if (d <= limit && d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** The parts of a compound value: "Execution & Control", "Planning / Design", "Plan and Build". */
export function compoundParts(text: string): string[] {
  return text.split(/\s*(?:&|\/|\+|\band\b)\s*/i).filter((t) => t !== "");
}

/** Words that add nothing to a listed value written before them ("Executing phase", "Closed status"). */
const SLIP_SUFFIXES = new Set(["", "phase", "stage", "step", "status", "state", "period", "s", "ed", "d"]);

/**
 * Whether a text is a slip for one of the candidates (given as match keys): at most two edits,
 * and no more than a third of its letters ("Exectue" is Execute mistyped), or a candidate with
 * a word that adds nothing; "Realisation" and "Design Development" are words of their own.
 */
export function isTypoOf(text: string, candidateKeys: readonly string[]): boolean {
  const key = matchKey(text);
  if (key === "") return false;
  // "Plan & Execute" names two listed values: which one is meant is for the cell to say.
  const parts = compoundParts(text);
  if (parts.length > 1 && parts.filter((p) => candidateKeys.includes(matchKey(p))).length > 1) return true;
  return candidateKeys.some((ck) => {
    // "Executing phase" is Executing with a word that adds nothing: a slip from the list. "Design
    // Development" says more than Design: a value of its own.
    if (ck.length >= 4 && key.startsWith(ck) && SLIP_SUFFIXES.has(key.slice(ck.length))) return true;
    // Letters added at one end make another word ("Rescheduled", "Replan"), not a slip of the keys
    // (one letter more is: "Donee", "Openn").
    if (key.length > ck.length + 1 && (key.startsWith(ck) || key.endsWith(ck))) return false;
    const limit = Math.min(2, Math.floor(ck.length / 3));
    return ck !== "" && limit > 0 && editDistance(key, ck, limit) <= limit;
  });
}
