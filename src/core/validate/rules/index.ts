/**
 * Every row and cross-register rule, in the order they run. A new rule is one file here,
 * one line in this list, one entry in ../catalogue.ts, and its test.
 * (Structure and cell findings come from reading the registers: ../../register/read-register.ts.)
 */
import type { Rule } from "../rule";
import { closedWithOpenItems } from "./closed-with-open-items";
import { dateOrder } from "./date-order";
import { dependencyCycle } from "./dependency-cycle";
import { duplicateId } from "./duplicate-id";
import { forecastInPast } from "./forecast-in-past";
import { foreignKey } from "./foreign-key";
import { scoreMismatch } from "./score-mismatch";
import { staleUpdate } from "./stale-update";

export const RULES: readonly Rule[] = [
  duplicateId,
  dateOrder,
  scoreMismatch,
  staleUpdate,
  forecastInPast,
  closedWithOpenItems,
  foreignKey,
  dependencyCycle,
];
