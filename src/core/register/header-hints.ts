/**
 * What a header says besides its name: a scale ("Likelihood (High/Med/Low)", "Impact_1_5"),
 * a unit and currency ("Budget_kEUR", "Cost (£m)") or a percent sign ("Progress %"). The
 * hint is read off, and the rest is the name matched against the standard's headers.
 */

/** A cell longer than this is data, not a header, when looking for the header row. */
export const MAX_HEADER_LENGTH = 80;
/** Longer texts are never looked up as headers (a long commentary header included). */
export const MAX_LOOKUP_LENGTH = 200;

export interface HeaderHint {
  /** The header without its hints: "Likelihood (High/Med/Low)" -> "Likelihood". */
  readonly base: string;
  /** The words of a scale given in the header, e.g. ["High", "Med", "Low"]. */
  readonly words?: readonly string[];
  /** A numeric range given in the header: "Impact_1_5", "(1-10)". */
  readonly range?: { readonly min: number; readonly max: number };
  /** Money in thousands (1000), millions (1e6) or billions (1e9). */
  readonly unit?: number;
  /** ISO 4217 code of a currency named or symbolised in the header. */
  readonly currency?: string;
  readonly percent?: boolean;
}

const CURRENCY_WORDS: Record<string, string> = {
  "£": "GBP",
  gbp: "GBP",
  "€": "EUR",
  eur: "EUR",
  euro: "EUR",
  euros: "EUR",
  $: "USD",
  usd: "USD",
  chf: "CHF",
  aud: "AUD",
  cad: "CAD",
  nzd: "NZD",
  "¥": "JPY",
  jpy: "JPY",
  "₹": "INR",
  inr: "INR",
  rs: "INR",
  // Dollars named by their country: "US$k", "A$m", "NZ$", "C$".
  us$: "USD",
  a$: "AUD",
  au$: "AUD",
  c$: "CAD",
  ca$: "CAD",
  nz$: "NZD",
  j$: "JMD",
  hk$: "HKD",
  s$: "SGD",
  r$: "BRL",
  nt$: "TWD",
};
/**
 * Other ISO 4217 codes, read only as written in capitals ("Spent kNOK", "Budget SEK m"): in lower
 * case several are words ("pen", "try", "mad", "all").
 */
const CURRENCY_CODES: ReadonlySet<string> = new Set(
  (
    "SEK NOK DKK ISK PLN CZK HUF RON BGN TRY RUB UAH ZAR NGN KES GHS EGP MAD TZS UGX ETB RWF XOF XAF " +
    "AED SAR QAR KWD BHD OMR ILS JOD PKR BDT LKR NPR CNY RMB HKD SGD MYR IDR THB PHP VND KRW TWD BRL " +
    "MXN ARS CLP COP PEN UYU JMD TTD FJD PGK ZMW MWK BWP NAD MZN AOA SZL LSL MUR SCR XCD BBD BSD " +
    "BZD GYD DZD TND LYD IQD AFN UZS KZT GEL AZN MNT KHR LAK MMK BND MOP"
  ).split(" "),
);

/** The ISO code a token is: a common one in any case, another only in capitals. */
function currencyOf(token: string): string | undefined {
  return CURRENCY_WORDS[token.toLowerCase()] ?? CURRENCY_WORDS[token] ?? rareCurrencyOf(token);
}

/**
 * An ISO code of the longer list: outside brackets it needs a money word or a unit beside it
 * ("Project IRR" is a rate of return, "Budget SEK m" an amount).
 */
function rareCurrencyOf(token: string): string | undefined {
  if (!CURRENCY_CODES.has(token)) return undefined;
  return token === "RMB" ? "CNY" : token;
}

const UNIT_WORDS: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  "000": 1e3,
  "000s": 1e3,
  "'000": 1e3,
  "'000s": 1e3,
  thousand: 1e3,
  thousands: 1e3,
  m: 1e6,
  M: 1e6,
  mn: 1e6,
  mm: 1e6,
  mio: 1e6,
  million: 1e6,
  millions: 1e6,
  bn: 1e9,
  b: 1e9,
  billion: 1e9,
  // Indian numbering: a lakh is 100,000, a crore 10,000,000.
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
  cr: 1e7,
};

interface Parts {
  unit?: number;
  currency?: string;
  percent?: boolean;
  range?: { min: number; max: number };
  words?: string[];
}

/** A money hint such as "£m", "kEUR", "EUR k", "$000s", "in £ millions"; null when it is not one. */
function moneyHint(text: string): Parts | null {
  const t = text.trim().replace(/^in\s+/i, "");
  if (t === "") return null;
  const tokens = t.match(/(?:US|AU?|CA?|NZ|HK|NT|[JSR])\$|[£€$¥₹]|'?000s?|[A-Za-z]+/g);
  if (!tokens || tokens.join("").length < t.replace(/[\s_.-]/g, "").length) return null;
  const parts: Parts = {};
  for (const token of tokens) {
    // "Rs. in lakh": the currency, then what it is counted in.
    if (token.toLowerCase() === "in" && parts.currency) continue;
    const currency = currencyOf(token);
    if (currency && !parts.currency) {
      parts.currency = currency;
      continue;
    }
    const unit = UNIT_WORDS[token] ?? UNIT_WORDS[token.toLowerCase()];
    if (unit !== undefined && !parts.unit) {
      parts.unit = unit;
      continue;
    }
    // "kEUR", "EURk", "mGBP": a unit letter glued to a currency code.
    const glued = /^(k|m|bn)?([a-z]{3})(k|m|bn)?$/i.exec(token);
    const gluedCurrency = glued ? currencyOf(glued[2]) : undefined;
    if (glued && gluedCurrency && (glued[1] || glued[3]) && !parts.unit) {
      parts.currency = gluedCurrency;
      parts.unit = UNIT_WORDS[(glued[1] ?? glued[3]).toLowerCase()];
      continue;
    }
    return null;
  }
  return parts.currency || parts.unit ? parts : null;
}

const MONEY_WORDS = /budget|cost|spend|value|price|forecast|eac|bac|actual|outturn|wlc|funding|amount/i;

// Time zones a timestamp column names (not EST, which is as often "estimated").
const TIME_ZONE =
  /^(?:utc|gmt|z|bst|cet|cest|edt|pst|pdt|ist|aest|aedt|local(?: time)?|utc ?[+-] ?\d{1,2}(?::\d{2})?)$/i;
const DATE_FORMAT = /^(?:d{1,2}|m{1,4}|y{2,4})(?:\s*[-/. ]\s*(?:d{1,2}|m{1,4}|y{2,4})){1,2}$/i;
const RANGE = /^\s*(\d{1,2})\s*(?:-|–|to|_|\.\.)\s*(\d{1,3})\s*(?:scale)?\s*$/i;

/** What the inside of brackets says: a range, a list of words, a money hint or a percent. */
function bracketHint(inside: string): Parts | null {
  const t = inside.trim();
  if (t === "%" || /^(in\s+)?(%|percent|percentage)$/i.test(t)) return { percent: true };
  const range = RANGE.exec(t);
  if (range) {
    const [min, max] = [Number(range[1]), Number(range[2])];
    if (min < max) return { range: { min, max } };
  }
  const money = moneyHint(t);
  if (money) return money;
  // A date format ("Date Opened (dd-mm-yy)") or a time zone ("Created At (UTC)"): the values say it.
  if (DATE_FORMAT.test(t) || TIME_ZONE.test(t)) return {};
  const words = t.split(/\s*[/,|;]\s*/).filter((w) => w !== "");
  if (words.length >= 2 && words.every((w) => /^[A-Za-z][A-Za-z .-]{0,20}$/.test(w))) return { words };
  return null;
}

/** A record field Power Query expands beside its column ("Owner.Title"): the column's own value. */
const RECORD_FIELDS = /^(?:title|name|displayname|e?mail|lookupvalue|value|label)$/i;

/**
 * A header written as a path: a flattened JSON export's "contractingProcesses/0/summary/
 * modifications/0/id" is its last two named steps ("modifications id"); Power Query's
 * "Owner.Title" is the column it expanded ("Owner"); Jira's export wraps its own fields as
 * "Custom field (Risk Likelihood)". Any other header is returned as it is.
 */
export function pathTail(header: string): string {
  const text = header.trim();
  const custom = /^custom\s*field\s*\((.+)\)$/i.exec(text);
  if (custom) return custom[1].trim();
  if (/\s/.test(text)) return text;
  const dotted = /^([A-Za-z]\w*)\.([A-Za-z]\w*)$/.exec(text);
  if (dotted && RECORD_FIELDS.test(dotted[2])) return dotted[1];
  const steps = text.split("/");
  // A path has a step of two words or a number ("period/endDate"); "Budget/Actual" is two headers in one.
  const pathLike = steps.some((step) => /^\d+$/.test(step) || /[a-z][A-Z]/.test(step));
  if (steps.length < 2 || !pathLike || !steps.every((step) => /^[A-Za-z]\w*$|^\d+$/.test(step))) return text;
  return steps
    .filter((step) => !/^\d+$/.test(step))
    .slice(-2)
    .join(" ");
}

/** Read the hints off a header; a header without any gives { base: header }. */
export function headerHint(header: string): HeaderHint {
  // A currency code glued to a camelCase name: "BudgetUSD", "ActualCostGBP".
  let base = pathTail(header);
  const glued = /^(.*[a-z]{2})([A-Z]{3})$/.exec(base);
  if (
    glued &&
    (CURRENCY_WORDS[glued[2].toLowerCase()] || (rareCurrencyOf(glued[2]) && MONEY_WORDS.test(glued[1])))
  )
    base = `${glued[1]} ${glued[2]}`;
  const found: Parts = {};
  const merge = (p: Parts) => {
    for (const [k, v] of Object.entries(p)) if (v !== undefined) (found as Record<string, unknown>)[k] ??= v;
  };
  // Bracketed hints anywhere: "Cost (£m)", "Impact [1-5]", "Status (Open/In Progress/Closed)".
  base = base.replace(/\s*[([]([^()[\]]*)[)\]]\s*/g, (whole, inside: string) => {
    const hint = bracketHint(inside);
    if (!hint) return whole;
    merge(hint);
    return " ";
  });
  base = base.trim();
  // A percent sign before or after the name: "Progress %", "% Complete" keeps its %, it is the name.
  if (/\s*%$/.test(base) && !/^%/.test(base) && base.length > 1) {
    const rest = base.replace(/\s*%$/, "").trim();
    if (!/complete|done$/i.test(rest)) {
      merge({ percent: true });
      base = rest;
    }
  }
  // A range at the end: "Impact_1_5", "Likelihood 1-5".
  const tailRange = /^(.*?[A-Za-z].*?)[\s_-]+(\d{1,2})[\s_-]+(?:to[\s_-]+)?(\d{1,3})$/i.exec(base);
  if (tailRange && Number(tailRange[2]) < Number(tailRange[3])) {
    merge({ range: { min: Number(tailRange[2]), max: Number(tailRange[3]) } });
    base = tailRange[1].trim();
  }
  // A money suffix: "Budget_kEUR", "Budget £m", "Cost_GBP", "Spend 000s" (a bare k or m only after a money word).
  // Two words first ("Budget SEK m"), then one.
  for (const tail of [
    /^(.*?[A-Za-z]{2}.*?)[\s_]+(\S{1,6}[\s_]+\S{1,6})$/.exec(base),
    /^(.*?[A-Za-z]{2}.*?)(?:[\s_]+|(?=[£€$¥₹]))(\S{1,6})$/.exec(base),
  ]) {
    const money = tail ? moneyHint(tail[2]) : null;
    const worded = tail !== null && MONEY_WORDS.test(tail[1]);
    // A unit alone needs a money word ("Project M" is no amount); a rarer code a unit or a word.
    const coded =
      money?.currency !== undefined && (money.unit !== undefined || !CURRENCY_CODES.has(money.currency));
    if (tail && money && (worded || coded)) {
      merge(money);
      base = tail[1].trim();
      break;
    }
  }
  const head = /^([£€$¥₹])\s*(.+)$/.exec(base);
  if (head) {
    merge({ currency: CURRENCY_WORDS[head[1]] });
    base = head[2].trim();
  }
  return { base: base === "" ? header.trim() : base, ...found };
}

/** "RaisedDate", "raised_date", "Raised-Date" -> ["raised", "date"]. */
export function headerWords(text: string): string[] {
  return (
    text
      // "Req'd By": a contracted participle is one word.
      .replace(/(\p{L})['’]d\b/gu, "$1d")
      // "N°", "Nº": the number sign of French, Spanish and Portuguese registers is "No.".
      .replace(/\b[Nn]\.?\s?[°º]/gu, "no ")
      // "CO#", "Job#": the number sign after a word is a word of its own.
      .replace(/(\p{L})#/gu, "$1 #")
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^\p{L}\p{N}%#]+/u)
      .filter((w) => w !== "")
  );
}

/**
 * Codes a header explains for its values: "Status (O)pen, (C)losed, (H)old" or "Status (O=Open,
 * C=Closed)". code (lower case) -> the word it stands for; null when the header explains fewer
 * than two.
 */
export function headerCodes(header: string): ReadonlyMap<string, string> | null {
  const codes = new Map<string, string>();
  for (const m of header.matchAll(/\(([A-Za-z])\)([A-Za-z]+(?: [A-Za-z]+)?)/g))
    codes.set(m[1].toLowerCase(), m[1] + m[2]);
  for (const m of header.matchAll(
    /\b([A-Za-z]{1,2})\s*[=:]\s*([A-Za-z][A-Za-z ]*?)\s*(?=[,;/):|]|\.(?:\s|$)|$)/g,
  ))
    // A legend may use a letter twice ("I = Issue ... I = impact"): the first says the entries.
    if (!codes.has(m[1].toLowerCase())) codes.set(m[1].toLowerCase(), m[2]);
  return codes.size >= 2 ? codes : null;
}

/** Words that make a header a difference between figures, never a figure of the standard's. */
const DIFFERENCE_WORDS = new Set([
  "variance",
  // "Var to Budget £k", "Cost Var": the short variance (see namesOtherFigure).
  "var",
  "overrun",
  "overspend",
  "underspend",
  "deviation",
  "difference",
  "delta",
  "slippage",
]);

/**
 * "Cost Overrun (%)", "Schedule Variance": a difference, not the cost or the date it compares;
 * "Last Wk RAG", "Prior Month Spend": a past period's figure, not the current one.
 */
export function namesOtherFigure(header: string): boolean {
  const words = headerWords(header);
  // "Deviation No.", "Deviation Ref": a quality log's entries are deviations, numbered; a
  // deviation is a difference only as what a header ends with ("Schedule Deviation (days)") or
  // from what ("Deviation from Plan"): "Deviation Title", "Deviation Owner" are a log's.
  const last = headerWords(headerHint(header).base).pop();
  // "Var" likewise: "Cost Var", "Var to Budget" differ; "Var Status" is a variation's.
  const differs = (w: string, i: number) =>
    w === "deviation" || w === "var"
      ? w === last || DIFFERENCE_FROM.has(words[i + 1] ?? "")
      : !ENTRY_NUMBER.has(words[i + 1] ?? "");
  if (words.some((w, i) => DIFFERENCE_WORDS.has(w) && differs(w, i))) return true;
  // "Last" only before a period ("Last Updated" is the latest update); "prior to mitigation" is
  // the inherent rating, not an earlier period's.
  return words.some(
    (w, i) => (PRIOR.has(w) && words[i + 1] !== "to") || (w === "last" && PERIODS.has(words[i + 1] ?? "")),
  );
}
const DIFFERENCE_FROM = new Set(["from", "vs", "versus", "against", "to"]);
const PRIOR = new Set(["previous", "prev", "prior"]);

/** Whether a header names one financial year ("2025/26", "FY25", "2024-25"): that year's figure. */
export function namesYear(text: string): boolean {
  return /\b(?:19|20)\d{2}\s*[/-]\s*\d{2}(?:\d{2})?\b|\bFY\s?'?\d{2}(?:\d{2})?\b/i.test(text);
}

const PERIODS = new Set(["wk", "week", "month", "mth", "period", "qtr", "quarter", "year", "yr"]);
const ENTRY_NUMBER = new Set(["no", "number", "ref", "reference", "id", "#"]);

/** Whether a header is money committed ("Committed $"): what orders and contracts bind, never a budget or a cost. */
export function committedMoney(text: string): boolean {
  return /\bcommitted\b/i.test(text);
}

/** Whether a header is a running total ("Fees to Date", "Spend till date"): what has been spent so far. */
export function runningTotal(text: string): boolean {
  return RUNNING_TOTAL.test(text);
}
/** "to date", "till date", "up to date", "so far": the words that make a figure a running total. */
export const RUNNING_TOTAL = /\b(?:(?:to|till|until|up ?to)[ -]date|so far)\b/i;

/** Whether a header says its values are percentages ("Progress %", "Physical Actual (%)"). */
export function saysPercent(text: string): boolean {
  return headerHint(text).percent === true || text.includes("%");
}
