/**
 * Numbers written as text: "1,234", "£9,999.99", "$1.2m", "(1,500)", "1.234,56", "45%", "€ 3 bn".
 */

const CURRENCY = /^(?:[£$€¥₹]|gbp|usd|eur|inr|rs\.?|us\$|a\$|c\$)\s*|\s*(?:[£$€¥₹]|gbp|usd|eur|inr)$/i;
const SUFFIX: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mm: 1e6,
  mil: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  mio: 1e6,
  // Indian numbering: "45 lakh", "1,657.6 cr".
  lakh: 1e5,
  lakhs: 1e5,
  cr: 1e7,
  crore: 1e7,
  crores: 1e7,
};

export interface ParsedNumber {
  value: number;
  /** True when the text carried a % sign. */
  percent: boolean;
  /** True when the text carried a k/m/bn multiplier (so a column unit must not apply again). */
  scaled: boolean;
}

/** Parse a number as people type it. Returns null when the text is not a number. */
export function parseTextNumber(input: string, allowMoney: boolean): ParsedNumber | null {
  // Spaces inside a number are thousands separators ("1 234 567"); other spaces just go.
  let text = input
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/(\d) (?=\d)/g, "$1")
    .trim();
  if (text === "") return null;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith("-") || text.startsWith("\u2212")) {
    negative = !negative;
    text = text.slice(1).trim();
  }
  if (allowMoney) {
    text = text.replace(CURRENCY, "").trim();
    if (text.startsWith("-")) {
      negative = !negative;
      text = text.slice(1).trim();
    }
  }
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  let multiplier = 1;
  const suffix = /^(.*?)\s*([a-z]+)$/i.exec(text);
  if (suffix && allowMoney && !percent) {
    const factor = SUFFIX[suffix[2].toLowerCase()];
    if (factor === undefined) return null;
    multiplier = factor;
    text = suffix[1];
  }
  // 1.234,56 (decimal comma with dot thousands) and 1234,5 (decimal comma alone)
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(text) || /^\d+,\d{1,2}$/.test(text)) {
    text = text.replace(/\./g, "").replace(",", ".");
  } else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
    text = text.replace(/,/g, "");
  }
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  const value = Number(text) * multiplier * (negative ? -1 : 1);
  if (!Number.isFinite(value)) return null;
  return { value, percent, scaled: multiplier !== 1 };
}

/** The number a cell holds: a number, or text that reads as one; undefined otherwise. */
export function cellNumber(value: unknown, allowMoney: boolean): number | undefined {
  if (typeof value === "number") return value;
  return typeof value === "string" ? parseTextNumber(value, allowMoney)?.value : undefined;
}
