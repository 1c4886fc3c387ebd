/**
 * A status asked as a question: "Done?", "Sorted?", "Resolved?" in a small organisation's log, or
 * "Still true?", "Holding?" beside its assumptions. Its Yes / No answers are the status: done is
 * closed, true is valid. One home for which questions these are and what their answers mean.
 */
import { headerWords } from "./header-hints";

/** Words a status question asks with: whether the entry is finished. */
const DONE_WORDS: ReadonlySet<string> = new Set([
  "done",
  "sorted",
  "resolved",
  "closed",
  "complete",
  "completed",
  "fixed",
  "finished",
  "cleared",
  "achieved",
  "met",
]);
/** Words an assumption's question asks with: whether it still holds. */
const TRUTH_WORDS: ReadonlySet<string> = new Set([
  "true",
  "holding",
  "holds",
  "valid",
  "correct",
  "confirmed",
]);
/** Words that only carry the question ("Still true?", "Is it done?"). */
const QUESTION_FILLER: ReadonlySet<string> = new Set(["still", "is", "it", "yet", "all", "now"]);

export type StatusQuestion = "done" | "truth";

/** What a header asks, if it is a status question; null otherwise. */
export function statusQuestion(header: string): StatusQuestion | null {
  if (!/\?\s*$/.test(header)) return null;
  const words = headerWords(header).filter((w) => !QUESTION_FILLER.has(w));
  if (words.length !== 1) return null;
  if (DONE_WORDS.has(words[0])) return "done";
  if (TRUTH_WORDS.has(words[0])) return "truth";
  return null;
}

/**
 * A question's answers as the status words they mean (read through the status list's own
 * aliases): "Yes" to "Done?" is Done, to "Still true?" True; "Partly" is under way.
 */
export function questionAnswers(question: StatusQuestion): ReadonlyMap<string, string> {
  const yes = question === "done" ? "Done" : "True";
  const no = question === "done" ? "Open" : "False";
  return new Map([
    ["yes", yes],
    ["y", yes],
    ["true", yes],
    ["✓", yes],
    ["✔", yes],
    ["no", no],
    ["n", no],
    ["false", no],
    ["partly", question === "done" ? "In Progress" : "Open"],
    ["partially", question === "done" ? "In Progress" : "Open"],
    ["waiting", "Pending"],
    ["not yet", "Open"],
  ]);
}
