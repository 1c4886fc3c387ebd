/** The host's clock as the engine wants it: today as a day number, now as an Excel serial (local time). */
import { dayFromYmd, isoFromDay, serialFromDay, type DayNumber } from "../core/dates";

export function today(date = new Date()): DayNumber {
  return dayFromYmd(date.getFullYear(), date.getMonth() + 1, date.getDate())!;
}

export function todayIso(date = new Date()): string {
  return isoFromDay(today(date));
}

export function nowSerial(date = new Date()): number {
  return (
    serialFromDay(today(date)) +
    (date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds()) / 86_400
  );
}
