/**
 * A change's own amount, read by what its header says and its values hold: a change log's one
 * column headed by a currency or a money word ("Extra £", "Fee +/- (excl GST)", "CR value (USD)")
 * holding amounts is what the change adds to the cost, when no header named it. Where the log
 * keeps an estimate beside the amount agreed ("Est. cost (£)", "Agreed cost (£)"), the agreed one
 * is what the change costs.
 */
import type { RegisterSpec } from "../standard/schema";
import { isChangedFigure, withHint } from "./columns-by-values";
import type { HeaderCell, ValueFit } from "./header";
import { headerHint, headerWords, runningTotal, saysPercent } from "./header-hints";

/** The changes register's field for what a change adds to the cost (the engine's field name). */
const CHANGE_AMOUNT = "costImpact";
/** Words naming an amount of money, as a change log heads one (a "value" needs a currency). */
const AMOUNT_WORDS: ReadonlySet<string> = new Set(["cost", "amount", "fee", "price", "extra", "valuation"]);
/** Words saying the amount was settled: agreed, approved, a surveyor's valuation. */
const SETTLED_WORDS: ReadonlySet<string> = new Set([
  "agreed",
  "approved",
  "authorised",
  "authorized",
  "certified",
  "final",
  "settled",
  "valuation",
]);
/** Words saying the amount is an estimate or a quote, before it was settled. */
const ESTIMATE_WORDS: ReadonlySet<string> = new Set([
  "est",
  "estimate",
  "estimated",
  "quote",
  "quotation",
  "quoted",
]);
/**
 * Words saying a column is some other figure: a budget or a contract's sum (the money before or
 * after the change, not the change's own), a time, a count or a rating, a code, a running total,
 * or a saving or benefit (a saving is a negative impact; a positive one would read as a cost).
 */
const NOT_AN_AMOUNT: ReadonlySet<string> = new Set([
  ...["budget", "bac", "total", "sum", "contract", "project", "programme", "program", "tpc", "tdc"],
  ...["baseline", "original", "orig", "current", "previous", "old", "initial", "allocation"],
  ...["date", "dt", "day", "days", "hours", "hrs", "weeks", "wks", "months", "pd", "md", "fte"],
  ...["score", "rating", "priority", "centre", "center", "code", "id", "no", "ref", "unit", "units", "qty"],
  ...["running", "cumulative", "saving", "savings", "benefit", "benefits"],
]);
/** Share of a column's values that must be amounts. */
const AMOUNT_VALUES_FIT = 0.8;

function saysAmount(text: string): boolean {
  if (saysPercent(text) || runningTotal(text) || isChangedFigure(text)) return false;
  const words = headerWords(text);
  if (words.some((w) => NOT_AN_AMOUNT.has(w))) return false;
  // A value is money where a currency or a settlement says so ("Agreed Value"); "Business Value" is a score.
  return (
    headerHint(text).currency !== undefined ||
    words.some((w) => AMOUNT_WORDS.has(w) || (w === "value" && words.some((x) => SETTLED_WORDS.has(x))))
  );
}

const says = (text: string, words: ReadonlySet<string>) => headerWords(text).some((w) => words.has(w));
const saysImpact = (text: string) => headerWords(text).includes("impact");

export function claimChangeAmount(
  spec: RegisterSpec,
  columns: Map<string, HeaderCell>,
  unknown: HeaderCell[],
  fit: ValueFit | undefined,
): void {
  const target = spec.columns.find((c) => c.field === CHANGE_AMOUNT);
  if (!fit || !target) return;
  const amounts = unknown.filter(
    (cell) => saysAmount(cell.text) && (fit(cell.col, target) ?? 0) >= AMOUNT_VALUES_FIT,
  );
  const settled = amounts.filter((cell) => says(cell.text, SETTLED_WORDS));
  const named = columns.get(CHANGE_AMOUNT);
  let chosen: HeaderCell | undefined;
  if (!named) chosen = amounts.length === 1 ? amounts[0] : settled.length === 1 ? settled[0] : undefined;
  // An estimate named the field, but the log also keeps the amount agreed (an estimate said as
  // the cost impact is that, whatever else the log keeps).
  else if (says(named.text, ESTIMATE_WORDS) && !saysImpact(named.text) && settled.length === 1)
    chosen = settled[0];
  if (!chosen) return;
  if (named) unknown.push(named);
  columns.set(CHANGE_AMOUNT, withHint(chosen));
  unknown.splice(unknown.indexOf(chosen), 1);
}
