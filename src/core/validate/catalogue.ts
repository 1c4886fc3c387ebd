/**
 * The findings catalogue: every code the engine can report, its default severity and what it
 * means. One line here per rule; a standard may change a code's severity (`severities`).
 * Modelled on Frictionless Data's error catalogue.
 */
import type { Severity } from "../standard/schema";

export type FindingScope = "structure" | "cell" | "row" | "cross-register";

export interface CatalogueEntry {
  readonly severity: Severity;
  readonly scope: FindingScope;
  readonly title: string;
  readonly description: string;
}

export const CATALOGUE = {
  "missing-register": {
    severity: "error",
    scope: "structure",
    title: "Missing register",
    description: "A register the standard requires is not in the workbook.",
  },
  "missing-column": {
    severity: "error",
    scope: "structure",
    title: "Missing column",
    description: "A column the standard requires (or recommends, as a warning) is not in the register.",
  },
  "duplicate-header": {
    severity: "error",
    scope: "structure",
    title: "Duplicate header",
    description: "Two columns of a register have headers that mean the same column.",
  },
  "blank-header": {
    severity: "warning",
    scope: "structure",
    title: "Blank header",
    description: "A column holds data but has no header, so nobody knows what it is.",
  },
  "header-not-found": {
    severity: "error",
    scope: "structure",
    title: "Header not found",
    description: "No row near the top of the sheet looks like the register's header row.",
  },
  "unknown-column": {
    severity: "info",
    scope: "structure",
    title: "Unknown column",
    description: "A column the standard does not know; it is kept but not checked.",
  },
  "ambiguous-column": {
    severity: "info",
    scope: "structure",
    title: "Column chosen among several",
    description: "Two columns could be the same column of the standard; the one whose values fit was read.",
  },
  "misfit-column": {
    severity: "info",
    scope: "structure",
    title: "Column named like another",
    description:
      "A column whose header is a name of a column of the standard but whose values are something else (a Status of Awarded / Declined as the RAG); it is kept but not read as that column.",
  },
  "register-guessed": {
    severity: "info",
    scope: "structure",
    title: "Register found by its headers",
    description:
      "A sheet not named as the register was read as it, because its header row matches the register's columns.",
  },
  "register-continued": {
    severity: "info",
    scope: "structure",
    title: "Register continued on another sheet",
    description:
      "A further sheet with the register's headers and none of its keys (Completed Projects beside Active Projects) is read as more of the register.",
  },
  "ambiguous-register": {
    severity: "warning",
    scope: "structure",
    title: "Register on several sheets",
    description:
      "Two sheets look like the same register; the better match was read and the other left alone.",
  },
  "implied-project": {
    severity: "info",
    scope: "structure",
    title: "One project's workbook",
    description:
      "The workbook has no Projects register: its registers are read as one project's, named by a title cell, a defined name or the file.",
  },
  "unrouted-rows": {
    severity: "info",
    scope: "structure",
    title: "Rows of a type the standard has no register for",
    description:
      "A combined RAID sheet holds rows of a type (Decision, Action...) that no register of the standard takes; they are left unchecked.",
  },
  "unlisted-values": {
    severity: "info",
    scope: "structure",
    title: "Values the standard does not list",
    description:
      'A column whose list of values is left open (a project\'s stage, an item\'s status) holds values the list does not name; they are read as written, and only those that say one of the list\'s closed values ("Closed Complete", not "Not Complete") count as closed.',
  },
  "required-missing": {
    severity: "error",
    scope: "cell",
    title: "Required value missing",
    description: "A cell the standard requires is blank.",
  },
  "type-error": {
    severity: "error",
    scope: "cell",
    title: "Wrong type",
    description: "A cell's value is not of the column's type (text in a date or money column, say).",
  },
  "enum-error": {
    severity: "error",
    scope: "cell",
    title: "Value not allowed",
    description: "A cell's value is not one of the column's allowed values.",
  },
  "range-error": {
    severity: "error",
    scope: "cell",
    title: "Out of range",
    description: "A number or date is outside the range the standard allows.",
  },
  "pattern-error": {
    severity: "warning",
    scope: "cell",
    title: "Wrong form",
    description: "A text does not have the form the standard prescribes.",
  },
  "formula-error": {
    severity: "error",
    scope: "cell",
    title: "Formula error",
    description: "A cell shows an Excel error (#N/A, #REF!...) or a formula that was never calculated.",
  },
  "duplicate-id": {
    severity: "error",
    scope: "row",
    title: "Duplicate ID",
    description: "Two rows have the same identifier.",
  },
  "date-order": {
    severity: "error",
    scope: "row",
    title: "Dates out of order",
    description: "A finish (or target) date falls before its start (or raised) date.",
  },
  "score-mismatch": {
    severity: "warning",
    scope: "row",
    title: "Score is not P x I",
    description: "A risk's score differs from its probability times its impact.",
  },
  "stale-update": {
    severity: "warning",
    scope: "row",
    title: "Stale update",
    description: "An open project has not been updated for longer than the standard allows.",
  },
  "forecast-in-past": {
    severity: "warning",
    scope: "row",
    title: "Forecast in the past",
    description: "An open project's or milestone's forecast date has passed without an actual date.",
  },
  "closed-with-open-items": {
    severity: "warning",
    scope: "row",
    title: "Closed with open items",
    description: "A closed project still has open risks, issues, dependencies or milestones.",
  },
  "rag-mismatch": {
    severity: "warning",
    scope: "row",
    title: "Reported RAG differs from derived",
    description: "The reported RAG is better than the RAG derived from the numbers (a watermelon), or worse.",
  },
  "baseline-changed": {
    severity: "warning",
    scope: "row",
    title: "Baseline moved without approval",
    description:
      "A project's baseline finish or budget moved since the previous status date with no change request approved in between.",
  },
  "blank-row": {
    severity: "info",
    scope: "row",
    title: "Blank row",
    description: "An empty row inside a register; rows below it are still read.",
  },
  "foreign-key": {
    severity: "error",
    scope: "cross-register",
    title: "Unknown reference",
    description: "A row refers to a project (or other key) that is not in the referenced register.",
  },
  "dependency-cycle": {
    severity: "error",
    scope: "cross-register",
    title: "Dependency cycle",
    description: "Projects depend on each other in a circle, so none can finish first.",
  },
  "dependency-at-risk": {
    severity: "warning",
    scope: "cross-register",
    title: "Depends on a red project",
    description: "A project depends on a project whose derived RAG is red.",
  },
} as const satisfies Record<string, CatalogueEntry>;

export type FindingCode = keyof typeof CATALOGUE;

export const FINDING_CODES = Object.keys(CATALOGUE) as FindingCode[];
