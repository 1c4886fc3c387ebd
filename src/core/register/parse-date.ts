/**
 * Dates written as text, in the forms registers really contain: ISO (with or without a time),
 * dd.mm.yyyy, dd/mm/yy, mm/dd/yyyy (by the standard's date order, unless unambiguous),
 * "7 Sep 2024", "07-Sep-24", "12/Nov/25 9:14 AM" (Jira), "Sep 7, 2024", "7th September 2024",
 * "Mon 31/03/25" (MS Project), "Mon, 12 May 2025 09:14:22 UTC+0000" (Plane), 20250331, and a month or quarter ("March 2025", "Apr-25",
 * "Q2 2026") as its last day: a date given to the month is a date to be met by its end.
 */
import { dayFromYmd, type DayNumber } from "../dates";

export type DateOrder = "dmy" | "mdy";

const MONTH_NAMES: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Two-digit years: below the cutoff are 20xx, the rest 19xx (Excel's cutoff is 30). */
function fullYear(text: string, cutoff: number): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < cutoff ? 2000 + y : 1900 + y;
}

export type TextDateResult = { day: DayNumber } | { invalid: string } | null;

/**
 * Parse a text date. Returns null when the text does not look like a date at all,
 * `{ invalid }` when it looks like one but is not a real day (31/02/2024), else `{ day }`.
 */
export function parseTextDate(input: string, order: DateOrder, yearCutoff = 30): TextDateResult {
  // A weekday in front says nothing more: MS Project writes "Mon 31/03/25", mail "Tue, 1 Apr 2025";
  // nor does a time zone after a time ("12 May 2025 09:14:22 UTC+0000", Plane's export).
  const text = input
    .trim()
    .replace(/\s+/g, " ")
    .replace(/^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,? (?=\d|[a-z])/i, "")
    .replace(/(\d:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?) ?(?:UTC|GMT)(?:[+-]\d{2}:?\d{2})?$/, "$1")
    // Serbian, Croatian and Hungarian dates end with a dot, often spaced: "02.04.2024.", "2024. 04. 02.".
    .replace(/^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\.?$/, "$1.$2.$3")
    .replace(/^(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.$/, "$1.$2.$3");
  let m: RegExpExecArray | null;
  // "Complete (Jun-25)", "TBC (Q3 2026)": a state with its date in brackets is that date; a
  // month with its year in brackets ("June (2026)") is that month.
  if ((m = /^([A-Za-z][A-Za-z ]{1,20}?)\s*\((.+)\)$/.exec(text))) {
    const month = MONTH_NAMES[m[1].toLowerCase()] !== undefined;
    const inner = parseTextDate(month ? `${m[1]} ${m[2]}` : m[2], order, yearCutoff);
    if (inner !== null || month) return inner;
  }
  // A year alone ("2030" as a completion): its last day, as for a month or a quarter.
  if ((m = /^(19\d{2}|20\d{2})$/.exec(text))) return lastDayOf(Number(m[1]), 12);
  // Compact ISO: 20250331.
  if ((m = /^(19\d{2}|20\d{2})(\d{2})(\d{2})$/.exec(text)))
    return checked(Number(m[1]), Number(m[2]), Number(m[3]), text);
  // A month or a quarter ("March 2025", "Apr-25", "07/2018", "Q2 2026"): its last day, as a date to meet.
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(text)) && Number(m[1]) >= 1 && Number(m[1]) <= 12)
    return lastDayOf(Number(m[2]), Number(m[1]));
  // "Jun Qtr FY26", "Sep Quarter FY2027": the quarter ending that month of an Australian financial
  // year (July to June), as listed companies report it: its last day.
  if (
    (m = /^([A-Za-z]{3,9})\.? (?:qtr|quarter),? FY ?(\d{2}|\d{4})$/i.exec(text)) &&
    MONTH_NAMES[m[1].toLowerCase()]
  ) {
    const month = MONTH_NAMES[m[1].toLowerCase()];
    const year = fullYear(m[2], yearCutoff);
    return lastDayOf(month >= 7 ? year - 1 : year, month);
  }
  if ((m = /^([A-Za-z]{3,9})\.?[ '/-]*(\d{2}|\d{4})$/.exec(text)) && MONTH_NAMES[m[1].toLowerCase()])
    return lastDayOf(fullYear(m[2], yearCutoff), MONTH_NAMES[m[1].toLowerCase()]);
  if ((m = /^Q([1-4])[ /-]*(\d{2}|\d{4})$/i.exec(text)) || (m = /^(\d{4})[ /-]*Q([1-4])$/i.exec(text))) {
    const [quarter, year] = /^Q/i.test(text) ? [m[1], m[2]] : [m[2], m[1]];
    return lastDayOf(fullYear(year, yearCutoff), Number(quarter) * 3);
  }

  // ISO: 2024-09-07, 2024-09-07T10:00:00Z, 2024/09/07
  if (
    (m =
      /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
        text,
      ))
  ) {
    return checked(Number(m[1]), Number(m[2]), Number(m[3]), text);
  }
  // Numeric: 07/09/2024, 7.9.24, 09-07-2024, optionally followed by a time.
  if (
    (m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)?$/.exec(
      text,
    ))
  ) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3], yearCutoff);
    // Unambiguous when one part cannot be a month.
    if (a > 12 && b <= 12) return checked(year, b, a, text);
    if (b > 12 && a <= 12) return checked(year, a, b, text);
    return order === "dmy" ? checked(year, b, a, text) : checked(year, a, b, text);
  }
  // 7 Sep 2024, 07-Sep-24, 7th September 2024, Jira's 12/Nov/25 9:14 AM
  if (
    (m =
      /^(\d{1,2})(?:st|nd|rd|th)?[ /.-]([A-Za-z]{3,9})\.?[ ,/.-]*(\d{2}|\d{4})(?:,? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)?$/.exec(
        text,
      ))
  ) {
    const month = MONTH_NAMES[m[2].toLowerCase()];
    if (!month) return null;
    return checked(fullYear(m[3], yearCutoff), month, Number(m[1]), text);
  }
  // Sep 7, 2024 / September 7th 2024 / Sep 7, 2024 9:14 AM
  if (
    (m =
      /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:,? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)?$/.exec(
        text,
      ))
  ) {
    const month = MONTH_NAMES[m[1].toLowerCase()];
    if (!month) return null;
    return checked(Number(m[3]), month, Number(m[2]), text);
  }
  return null;
}

function lastDayOf(year: number, month: number): TextDateResult {
  const next = month === 12 ? dayFromYmd(year + 1, 1, 1) : dayFromYmd(year, month + 1, 1);
  return next === null ? null : { day: next - 1 };
}

function checked(year: number, month: number, day: number, text: string): TextDateResult {
  const result = dayFromYmd(year, month, day);
  return result === null ? { invalid: `"${text}" is not a real date` } : { day: result };
}
