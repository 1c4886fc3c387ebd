/**
 * Dates inside the engine are day numbers: whole days since 1899-12-30, the same count Excel's
 * 1900 system uses from 1 March 1900 on, but without Excel's phantom 29 February 1900.
 */

export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);
/** Excel 1900-system serial 60 is 29 Feb 1900, a day that never was. */
export const PHANTOM_LEAP_SERIAL = 60;
/** Days between the 1904 and 1900 date systems. */
export const DATE_1904_OFFSET = 1462;
/** 9999-12-31, Excel's last date. */
export const MAX_DAY: DayNumber = 2958465;
/** 1900-01-01, Excel's first date. */
export const MIN_DAY: DayNumber = 2;

export function dayFromYmd(year: number, month: number, day: number): DayNumber | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null; // 31 Feb
  return Math.round((date.getTime() - EPOCH_MS) / MS_PER_DAY);
}

export function ymdFromDay(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(EPOCH_MS + day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoFromDay(day: DayNumber): string {
  const { year, month, day: d } = ymdFromDay(day);
  const y =
    year < 0
      ? `-${String(-year).padStart(6, "0")}`
      : year > 9999
        ? `+${year}`
        : String(year).padStart(4, "0");
  return `${y}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "2024-09-07" (strict ISO date) to a day number; null when not a real date. */
export function dayFromIso(iso: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * An Excel serial to a day number. Returns "phantom" for 29 Feb 1900 and null for serials
 * outside Excel's range; fractions (times of day) are dropped.
 */
export function dayFromSerial(serial: number, date1904: boolean): DayNumber | "phantom" | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) {
    const day = whole + DATE_1904_OFFSET;
    return whole < 0 || day > MAX_DAY ? null : day;
  }
  if (whole < 1 || whole > MAX_DAY) return null;
  if (whole === PHANTOM_LEAP_SERIAL) return "phantom";
  return whole < PHANTOM_LEAP_SERIAL ? whole + 1 : whole;
}

/**
 * A Unix timestamp as tools export it (ClickUp, Linear, APIs): 13 digits of milliseconds or 10
 * of seconds, from 2001 on. Null for any other number (an Excel serial never reaches 10 digits).
 */
export function dayFromUnixTime(value: number): DayNumber | null {
  if (!Number.isInteger(value)) return null;
  const ms = value >= 1e12 && value < 1e13 ? value : value >= 1e9 && value < 1e10 ? value * 1000 : null;
  return ms === null ? null : Math.floor((ms - EPOCH_MS) / MS_PER_DAY);
}

/** A day number to the serial Excel's 1900 system shows for it. */
export function serialFromDay(day: DayNumber): number {
  return day <= PHANTOM_LEAP_SERIAL ? day - 1 : day;
}

export function dayFromJsDate(date: Date): DayNumber {
  return Math.floor((date.getTime() - EPOCH_MS) / MS_PER_DAY);
}

/** "7 Sep 2024": the unambiguous form used in messages, whatever the user's locale. */
export function formatDay(day: DayNumber): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${d} ${MONTHS[month - 1]} ${year}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
