/**
 * The register of issue #2's acceptance test: a title block, synonym headers, text money and
 * dates, and one of each planted mistake, with the cell each finding must point at.
 */
import { errorCell, type CellValue } from "../../src/core/grid";
import type { SampleSheet } from "../../src/sample/sample-portfolio";
import { serial } from "./grids";

const header = [
  "Project Code",
  "Project Name",
  "Programme",
  "PM",
  "Stage",
  "Start",
  "Planned Finish",
  "Forecast Finish",
  "Budget (BAC)",
  "Actual Cost",
  "% Complete",
  "RAG Status",
  "Last Updated",
];

function row(id: string, o: Partial<Record<string, CellValue>> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    "Project Code": id,
    "Project Name": `Project ${id}`,
    Programme: "Core",
    PM: "Ann Lee",
    Stage: "Execute",
    Start: serial("2026-01-05"),
    "Planned Finish": serial("2027-03-31"),
    "Forecast Finish": serial("2027-04-15"),
    "Budget (BAC)": 1_000_000,
    "Actual Cost": 650_000,
    "% Complete": 0.67,
    "RAG Status": "Green",
    "Last Updated": serial("2026-10-25"),
    ...o,
  };
  return header.map((h) => base[h] ?? "");
}

export const ACCEPTANCE_SHEETS: SampleSheet[] = [
  {
    name: "Projects",
    headerRow: 3,
    rows: [
      ["Acme Corp — Project Register"],
      ["Status Date", serial("2026-10-30")],
      [],
      header,
      row("P-001"), // 5: clean
      row("P-002", { "Budget (BAC)": "£1,250,000", Start: "05/01/2026" }), // 6: clean, text money + text date
      row("P-003", { "Actual Cost": errorCell("#N/A") }), // 7: formula-error J7
      row("P-001"), // 8: duplicate-id A8
      row("P-005", { "Planned Finish": serial("2025-12-01") }), // 9: date-order G9
      row("P-006", { Stage: "Executing phase" }), // 10: enum-error E10
      row("P-007", { PM: "" }), // 11: required-missing D11
      row("P-008", { "% Complete": 1.4 }), // 12: range-error K12
      row("P-009", { "Last Updated": serial("2026-08-01"), "RAG Status": "Red" }), // 13: stale-update M13
      row("P-010", { Stage: "Closed", "% Complete": 1, "Forecast Finish": serial("2026-09-30") }), // 14: closed-with-open-items E14
      row("P-011", { "Budget (BAC)": "$1.2m", "Forecast Finish": "15 Apr 2027" }), // 15: clean
      row("P-012"), // 16: clean
    ],
  },
  {
    name: "Risks",
    headerRow: 0,
    rows: [
      ["Risk ID", "Project ID", "Title", "Probability", "Impact", "Score", "Owner", "Status"],
      ["R-1", "P-001", "Supplier late", 2, 2, 4, "Ann", "Open"],
      ["R-2", "P-404", "Orphan risk", 2, 2, 4, "Bob", "Open"], // foreign-key B3
      ["R-3", "P-002", "Wrong score", 2, 2, 5, "Cat", "Open"], // score-mismatch F4
      ["R-4", "P-010", "Still open on a closed project", 2, 2, 4, "Dan", "Open"],
    ],
  },
  {
    name: "Dependencies",
    headerRow: 0,
    rows: [
      ["Dependency ID", "From Project", "To Project", "Need By", "Status"],
      ["D-1", "P-011", "P-012", serial("2027-01-10"), "Open"], // cycle, B2
      ["D-2", "P-012", "P-002", serial("2027-01-10"), "Open"],
      ["D-3", "P-002", "P-011", serial("2027-01-10"), "Open"],
      ["D-4", "P-001", "P-002", serial("2027-01-10"), "Open"],
    ],
  },
];

/** [code, sheet, cell] every finding the register must give (errors and warnings). */
export const ACCEPTANCE_EXPECTED: readonly (readonly [string, string, string])[] = [
  ["missing-column", "Projects", "A4"], // Portfolio and Sponsor are recommended (warnings)
  ["formula-error", "Projects", "J7"],
  ["duplicate-id", "Projects", "A8"],
  ["date-order", "Projects", "G9"],
  ["enum-error", "Projects", "E10"],
  ["required-missing", "Projects", "D11"],
  ["range-error", "Projects", "K12"],
  ["stale-update", "Projects", "M13"],
  ["closed-with-open-items", "Projects", "E14"],
  ["foreign-key", "Risks", "B3"],
  ["score-mismatch", "Risks", "F4"],
  ["dependency-cycle", "Dependencies", "B2"],
];

export const ACCEPTANCE_CLEAN_ROWS = [5, 6, 15, 16];
