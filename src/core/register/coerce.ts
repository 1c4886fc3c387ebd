/**
 * One cell of a register column, as found, to the value the engine works with — or the
 * reason it cannot be. Never throws: any value of any type gets an answer.
 */
import { dayFromSerial, dayFromUnixTime, MAX_DAY, MIN_DAY, type DayNumber } from "../dates";
import { displayCell, isBlankCell, isErrorCell, type CellValue } from "../grid";
import type { ColumnSpec, RagScaleEntry } from "../standard/schema";
import type { FindingCode } from "../validate/catalogue";
import {
  cleanText,
  compoundParts,
  didYouMean,
  isCleanText,
  linkedRecordName,
  matchKey,
  singularKey,
} from "./normalize";
import { parseTextDate, type DateOrder } from "./parse-date";
import { parseTextNumber } from "./parse-number";
import { labelledValue, scaleScore, type ColumnScale } from "./scales";
import { wholeNumberOf } from "./ranked-levels";

export type TypedValue = string | number | boolean;

export type Coerced =
  | { readonly ok: true; readonly value: TypedValue | null }
  | {
      readonly ok: false;
      readonly code: FindingCode;
      readonly message: string;
      /** A value still usable despite the finding (text of the wrong form is still an ID). */
      readonly usable?: TypedValue;
    };

export interface CoerceContext {
  readonly date1904: boolean;
  readonly dateOrder: DateOrder;
  /** Two-digit years below this are 20xx (the standard's twoDigitYearCutoff). */
  readonly yearCutoff?: number;
  /** For percent columns: plain numbers are fractions (0.45) or points (45). */
  readonly percentScale: "fraction" | "points";
  readonly ragScale: readonly RagScaleEntry[];
  /** The qualitative scale this column reads with (High/Medium/Low...), when it has one. */
  readonly scale?: ColumnScale | null;
  /** Codes the column's header explains ("(O)pen, (C)losed"): code -> the word it stands for. */
  readonly codes?: ReadonlyMap<string, string> | null;
  /** For a ranked enum read from numbers: number -> the value it means (ranked-levels.ts). */
  readonly levels?: ReadonlyMap<number, string> | null;
  /** Answers already given for a text in this column (enum and RAG columns repeat a few values). */
  readonly memo?: Map<string, Coerced>;
}

const OK_BLANK: Coerced = { ok: true, value: null };

/**
 * What registers write where a date or number is not known or does not apply ("NA", "TBC",
 * "—"): read as blank, so a required value still reports missing, and nothing is misread.
 * Text and enum columns keep them (an enum may list "N/A" as a value; its finding says so).
 */
const PLACEHOLDERS = new Set([
  "na",
  "n/a",
  "n.a.",
  "n.a",
  "nk",
  "tbc",
  "tbd",
  "tba",
  "-",
  "--",
  "—",
  "–",
  "?",
  "none",
  "unknown",
  "not applicable",
  "not known",
  "not assessed",
  // A rating or figure not given this period: missing, not a value to check.
  "not rated",
  "unrated",
  "no rating",
  "not reported",
  "not yet rated",
  // A deadline or finish that is "Ongoing" has no date.
  "ongoing",
  "continuous",
  "open ended",
  "open-ended",
]);
/** Words written in capitals for stress, not bodies' names ("Agreed NOT to Implement"). */
const CAPITALISED_WORDS = new Set([
  "NOT",
  "YET",
  "NO",
  "TO",
  "BY",
  "FOR",
  "AND",
  "OR",
  "ON",
  "IN",
  "OF",
  "ALL",
]);

function isPlaceholder(text: string): boolean {
  // "TBC (subject to BNM)": a placeholder with a note on why ("TBC (Q3 2026)" gives a date).
  const bare = text.replace(/\s*\([^()\d]*\)\s*$/, "");
  return bare.length <= 16 && PLACEHOLDERS.has(cleanText(bare).toLowerCase());
}

function ok(value: TypedValue): Coerced {
  return { ok: true, value };
}

function fail(code: FindingCode, message: string): Coerced {
  return { ok: false, code, message };
}

const typeNames: Record<ColumnSpec["type"], string> = {
  text: "text",
  integer: "a whole number",
  number: "a number",
  money: "an amount of money",
  percent: "a percentage",
  date: "a date",
  enum: "one of the allowed values",
  rag: "a RAG rating",
  boolean: "yes or no",
};

function typeError(value: CellValue, column: ColumnSpec, hint = ""): Coerced {
  const shown = displayCell(value);
  return fail(
    "type-error",
    `"${shown}" is not ${typeNames[column.type]}; enter ${typeNames[column.type]}${hint} or leave it blank if not yet known.`,
  );
}

export function isPercentFormat(format: string | null): boolean {
  return format !== null && /%/.test(format.replace(/"[^"]*"|\\./g, ""));
}

/** "Amber 12", "24 (Red)": a score written with its RAG colour is the score. */
function colouredNumber(text: string, ctx: CoerceContext): ReturnType<typeof parseTextNumber> {
  const m =
    /^\s*([A-Za-z][A-Za-z /-]*?)\s*[-:]?\s*(\d+(?:\.\d+)?)\s*$/.exec(text) ??
    /^\s*(?<n>\d+(?:\.\d+)?)\s*[(-]\s*([A-Za-z][A-Za-z /-]*?)\s*\)?\s*$/.exec(text);
  if (!m) return null;
  const [word, digits] = m.groups?.n !== undefined ? [m[2], m[1]] : [m[1], m[2]];
  return ragEntryFor(word, ctx.ragScale) ? parseTextNumber(digits, false) : null;
}

function coerceNumberLike(
  value: CellValue,
  format: string | null,
  column: ColumnSpec,
  ctx: CoerceContext,
): Coerced {
  const money = column.type === "money";
  let n: number;
  let scaled = false;
  let percentText = false;
  if (typeof value === "number") {
    n = value;
  } else if (typeof value === "string") {
    const parsed = parseTextNumber(value, money) ?? (money ? null : colouredNumber(value, ctx));
    if (!parsed) return typeError(value, column);
    n = parsed.value;
    scaled = parsed.scaled;
    percentText = parsed.percent;
    if (parsed.percent && column.type !== "percent") return typeError(value, column, " without a % sign");
  } else {
    return typeError(value, column);
  }
  if (!Number.isFinite(n)) return typeError(value, column);
  if (column.type === "percent") {
    // "45%" is 45; a cell formatted as % holds 0.45; plain numbers follow the column's scale.
    if (!percentText && (isPercentFormat(format) || ctx.percentScale === "fraction")) n = n * 100;
    n = Math.round(n * 1e9) / 1e9;
  }
  if (money && column.unit !== undefined && !scaled) n = n * column.unit;
  if (column.type === "integer" && !Number.isInteger(n)) return typeError(value, column);
  return ok(n);
}

function coerceDate(value: CellValue, ctx: CoerceContext, column: ColumnSpec): Coerced {
  let day: DayNumber;
  const unix = typeof value === "number" ? dayFromUnixTime(value) : unixDigits(value);
  if (unix !== null) return ok(unix);
  if (typeof value === "number") {
    const d = dayFromSerial(value, ctx.date1904);
    if (d === "phantom")
      return fail("type-error", "29 Feb 1900 does not exist (an Excel quirk); enter the real date.");
    if (d === null)
      return fail(
        "range-error",
        `${value} is outside Excel's dates (1 Jan 1900 to 31 Dec 9999); enter a real date.`,
      );
    day = d;
  } else if (typeof value === "string") {
    const parsed = parseTextDate(cleanText(value), ctx.dateOrder, ctx.yearCutoff);
    if (parsed === null) return typeError(value, column, " such as 2024-09-07");
    if ("invalid" in parsed) return fail("type-error", `${parsed.invalid}; check the day and month.`);
    day = parsed.day;
    if (day < MIN_DAY || day > MAX_DAY)
      return fail(
        "range-error",
        `"${value}" is outside Excel's dates (1 Jan 1900 to 31 Dec 9999); enter a real date.`,
      );
  } else {
    return typeError(value, column);
  }
  return ok(day);
}

/** "1743346800000" written as text by a CSV export: the timestamp it is. */
function unixDigits(value: CellValue): DayNumber | null {
  return typeof value === "string" && /^\s*\d{10}(?:\d{3})?\s*$/.test(value)
    ? dayFromUnixTime(Number(value))
    : null;
}

function coerceBoolean(value: CellValue, column: ColumnSpec): Coerced {
  if (typeof value === "boolean") return ok(value);
  if (typeof value === "number" && (value === 0 || value === 1)) return ok(value === 1);
  if (typeof value === "string") {
    const key = matchKey(value);
    if (["yes", "y", "true", "1"].includes(key)) return ok(true);
    if (["no", "n", "false", "0"].includes(key)) return ok(false);
  }
  return typeError(value, column);
}

/**
 * "2 - High", "High (2)": the value its label names. After a code ("Phase 2 Complete", "Wave 1
 * Delivered") the words may say that step is done, not the whole: never a closed value then.
 */
function labelled(
  text: string,
  column: ColumnSpec,
  valueOf: (key: string) => string | undefined,
): string | undefined {
  const parts = labelledValue(text);
  const value = parts ? valueOf(matchKey(parts.label)) : undefined;
  if (value === undefined || !parts?.coded) return value;
  return column.values?.find((v) => v.value === value)?.closed ? undefined : value;
}

function coerceEnum(value: CellValue, column: ColumnSpec, ctx: CoerceContext): Coerced {
  if (ctx.levels) {
    const n = wholeNumberOf(value);
    const level = n === undefined ? undefined : ctx.levels.get(n);
    if (level !== undefined) return ok(level);
    if (n !== undefined) {
      const numbers = [...ctx.levels.keys()];
      return fail(
        "range-error",
        `${n} is outside the ${column.header} column's ${numbers[0]}-${numbers[numbers.length - 1]} rating; correct it.`,
      );
    }
  }
  const written = cleanText(displayCell(value));
  const text = ctx.codes?.get(written.toLowerCase()) ?? written;
  const key = matchKey(text);
  const values = column.values ?? [];
  const valueOf = (k: string) =>
    values.find((v) => matchKey(v.value) === k || v.aliases.some((a) => matchKey(a) === k))?.value;
  // A plural of a listed word is that word ("Risks" in a RAID sheet's type column).
  const singular = singularKey(key);
  const exact = valueOf(key) ?? (singular ? valueOf(singular) : undefined) ?? labelled(text, column, valueOf);
  if (exact !== undefined) return ok(exact);
  // "Closed – avoided", "Validated (2 exceptions)": the value before the qualifier.
  // "Submitted to ADB", "Approved by CAB": the value before the body it went to ("Ready for
  // Closure" and "Complete by March" say something else, so only a body named by its letters).
  const head =
    /^(.+?)\s*(?:\s[-–—]\s|[(:;,])/.exec(text)?.[1] ?? /^(.+?)\s+(?:to|by)\s+[A-Z]{2,6}\b/.exec(text)?.[1];
  const qualified = head ? valueOf(matchKey(head)) : undefined;
  if (qualified !== undefined) return ok(qualified);
  // "Pending CAB approval", "Awaiting SteerCo decision": the value without the body named within it
  // ("NOT YET APPROVED" or "Agreed NOT to Implement" name no body).
  const withoutBody = text.replace(/\s([A-Z]{2,6}|[A-Z][a-z]+[A-Z][a-z]+)(?=\s)/g, (all, word: string) =>
    CAPITALISED_WORDS.has(word) ? all : "",
  );
  const unbodied = withoutBody !== text ? valueOf(matchKey(withoutBody)) : undefined;
  if (unbodied !== undefined) return ok(unbodied);
  // "Execution & Control", "Planning / Design": the value its parts name, when they name one.
  const parts = compoundParts(text);
  if (parts.length > 1) {
    const named = new Set(parts.map((t) => valueOf(matchKey(t))).filter((v) => v !== undefined));
    if (named.size === 1) return ok([...named][0]);
  }
  // A dash or "none" the list does not name is no value ("Priority: none" from Plane, "-" by hand).
  if (/^(?:[-–—]+|none)$/i.test(text)) return OK_BLANK;
  const names = values.map((v) => v.value);
  const guess = didYouMean(
    text,
    values.flatMap((v) => [v.value, ...v.aliases]),
  );
  const canonical = guess
    ? values.find((v) => v.value === guess || v.aliases.includes(guess))?.value
    : undefined;
  const hint = canonical ? ` Did you mean "${canonical}"?` : "";
  return fail(
    "enum-error",
    `"${text}" is not an allowed ${column.header}.${hint} Use one of: ${names.join(", ")}.`,
  );
}

/** The ragScale entry a reported rating means, or null. */
export function ragEntryFor(text: string, scale: readonly RagScaleEntry[]): RagScaleEntry | null {
  const key = matchKey(text);
  // A rating drawn, not written (🟢 🟡 🔴): the symbol itself.
  if (key === "") return scale.find((e) => e.aliases.includes(text.trim())) ?? null;
  const entry = (k: string) =>
    scale.find((e) => matchKey(e.label) === k || e.aliases.some((a) => matchKey(a) === k)) ?? null;
  // "Satisfactory (S)": a rating with its code in brackets is the rating.
  const coded = /^(.+?)\s*\(\s*[A-Za-z]{1,3}\s*\)$/.exec(text.trim());
  return entry(key) ?? (coded ? entry(matchKey(coded[1])) : null);
}

function coerceRag(value: CellValue, column: ColumnSpec, ctx: CoerceContext): Coerced {
  const text = cleanText(displayCell(value));
  const entry = ragEntryFor(text, ctx.ragScale);
  if (entry) return ok(entry.label);
  const labels = ctx.ragScale.map((e) => e.label);
  const guess = didYouMean(text, labels);
  const hint = guess ? ` Did you mean "${guess}"?` : "";
  return fail(
    "enum-error",
    `"${text}" is not a RAG rating for ${column.header}.${hint} Use one of: ${labels.join(", ")}.`,
  );
}

const compiledPatterns = new Map<string, RegExp>();

/** Patterns are checked safe when the standard loads (safe-pattern.ts); compile each once. */
function patternFor(pattern: string): RegExp {
  let re = compiledPatterns.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, "u");
    compiledPatterns.set(pattern, re);
  }
  return re;
}

function checkRangeAndPattern(value: TypedValue, column: ColumnSpec): Coerced {
  if (typeof value === "number" && column.type !== "date") {
    const shown = column.type === "percent" ? `${value}%` : String(value);
    if (column.min !== undefined && value < column.min)
      return fail(
        "range-error",
        `${shown} is below the lowest allowed ${column.header} (${column.min}); correct it.`,
      );
    if (column.max !== undefined && value > column.max)
      return fail(
        "range-error",
        `${shown} is above the highest allowed ${column.header} (${column.max}); correct it.`,
      );
  }
  if (typeof value === "string" && column.pattern !== undefined) {
    if (!patternFor(column.pattern).test(value))
      return {
        ok: false,
        code: "pattern-error",
        message: `"${value}" does not have the form ${column.header} needs (${column.pattern}); correct it.`,
        usable: value,
      };
  }
  return { ok: true, value };
}

export function coerceCell(
  value: CellValue,
  format: string | null,
  column: ColumnSpec,
  ctx: CoerceContext,
): Coerced {
  // A linked record ("Possible (https://...)") is its name, where a value is looked up: a rating,
  // a status, a date, a project's key. A title or a comment keeps its link.
  const linked = typeof value === "string" ? linkedRecordName(value) : null;
  if (linked !== null && (column.type !== "text" || column.references !== undefined))
    return coerceCell(linked, format, column, ctx);
  if (ctx.scale) return coerceOnScale(value, format, column, ctx, ctx.scale);
  // The common cases first, without regular expressions: a plain number where a number goes.
  if (typeof value === "number" && format === null && Number.isFinite(value)) {
    const inRange =
      (column.min === undefined || value >= column.min) && (column.max === undefined || value <= column.max);
    if (inRange && (column.type === "number" || (column.type === "money" && column.unit === undefined)))
      return { ok: true, value };
    if (inRange && column.type === "integer" && Number.isInteger(value)) return { ok: true, value };
    if (column.type === "date") {
      const day = dayFromSerial(value, ctx.date1904);
      if (typeof day === "number") return { ok: true, value: day };
    }
  }
  if (isBlankCell(value)) return OK_BLANK;
  if (typeof value === "string" && column.type !== "text" && column.type !== "enum" && isPlaceholder(value))
    return OK_BLANK;
  if (isErrorCell(value))
    return fail(
      "formula-error",
      `The cell shows the error ${value.code}; fix the formula or type the value.`,
    );
  if (typeof value === "object" && value !== null)
    return fail(
      "formula-error",
      `The formula ${displayCell(value)} has no calculated value (the file was saved without calculating); open it in Excel and save it to calculate it.`,
    );
  let result: Coerced;
  switch (column.type) {
    case "text":
      result = ok(
        typeof value === "string" ? (isCleanText(value) ? value : cleanText(value)) : displayCell(value),
      );
      break;
    case "integer":
    case "number":
    case "money":
    case "percent": {
      // "3x4" in a rating column: a 5x5 matrix's cell, likelihood by consequence, is their product.
      const product = column.scales && typeof value === "string" ? ratingsProduct(value) : undefined;
      result = product !== undefined ? ok(product) : coerceNumberLike(value, format, column, ctx);
      break;
    }
    case "date":
      result = coerceDate(value, ctx, column);
      break;
    case "boolean":
      result = coerceBoolean(value, column);
      break;
    case "enum":
    case "rag": {
      const key = typeof value === "string" ? value : displayCell(value);
      const known = ctx.memo?.get(key);
      if (known) return known;
      result = column.type === "enum" ? coerceEnum(value, column, ctx) : coerceRag(value, column, ctx);
      if (result.ok) result = result.value !== null ? checkRangeAndPattern(result.value, column) : result;
      ctx.memo?.set(key, result);
      return result;
    }
  }
  return result.ok && result.value !== null ? checkRangeAndPattern(result.value, column) : result;
}

const RATINGS_PRODUCT = /^\s*(\d{1,2})\s*[x×*]\s*(\d{1,2})\s*$/i;

/** The product a "3x4" or "3 × 4" cell writes out, if it is one. */
function ratingsProduct(text: string): number | undefined {
  const m = RATINGS_PRODUCT.exec(text);
  return m ? Number(m[1]) * Number(m[2]) : undefined;
}

/** A cell of a column with a scale: a level of the scale, else what the column's type makes of it. */
function coerceOnScale(
  value: CellValue,
  format: string | null,
  column: ColumnSpec,
  ctx: CoerceContext,
  scale: ColumnScale,
): Coerced {
  const score = scaleScore(scale, value);
  if (score !== undefined) return ok(score);
  const result = coerceCell(value, format, column, { ...ctx, scale: null });
  if (result.ok || result.code !== "type-error") return result;
  const range =
    column.min !== undefined && column.max !== undefined
      ? ` or a number from ${column.min} to ${column.max}`
      : "";
  return fail(
    "type-error",
    `"${displayCell(value)}" is not on the column's scale; enter one of ${scale.labels.join(", ")}${range}, or leave it blank if not yet known.`,
  );
}
