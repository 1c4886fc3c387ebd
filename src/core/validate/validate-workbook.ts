/**
 * Validation of a whole workbook: locate each register, read it (structure and cell findings),
 * then run every row and cross-register rule. Pure, and total: any grid gets an answer.
 */
import type { DayNumber } from "../dates";
import type { WorkbookGrids } from "../grid";
import { locateRegister } from "../register/locate";
import { readRegister } from "../register/read-register";
import type { Registers } from "../register/register-table";
import type { Standard } from "../standard/schema";
import { FindingSink, type Finding } from "./finding";
import { RowReporter } from "./rule";
import { RULES } from "./rules";

export interface Validation {
  readonly registers: Registers;
  readonly findings: Finding[];
  /** The sink, so later stages (the RAG engine) add their findings to the same list. */
  readonly sink: FindingSink;
}

export function validateWorkbook(workbook: WorkbookGrids, standard: Standard, asOf: DayNumber): Validation {
  const sink = new FindingSink(standard.severities);
  const registers: Registers = {};
  // Our own output sheets are never registers, whatever they are called.
  const userSheets = workbook.sheets.filter((s) => !s.ownedRole);
  for (const [kind, spec] of Object.entries(standard.registers)) {
    if (!spec) continue;
    const grid = locateRegister(userSheets, spec);
    if (!grid) {
      if (spec.required) {
        const names = [spec.sheet, ...spec.synonyms.slice(0, 2)].map((n) => `'${n}'`).join(" or ");
        sink.add(
          "missing-register",
          { sheet: spec.sheet, column: null },
          `The workbook has no ${spec.sheet} register; add a sheet named ${names} with its header row.`,
        );
      }
      continue;
    }
    const table = readRegister(kind, spec, grid, { standard, date1904: workbook.date1904, sink });
    if (table) registers[kind] = table;
  }
  const ctx = { standard, registers, asOf };
  const reporter = new RowReporter(sink);
  for (const rule of RULES) rule.check(ctx, reporter);
  return { registers, findings: sink.findings, sink };
}
