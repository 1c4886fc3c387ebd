/** A validation rule: one small unit that looks at the read registers and reports findings. */
import type { DayNumber } from "../dates";
import {
  columnOf,
  sheetOf,
  shownOf,
  type RegisterColumn,
  type RegisterRow,
  type RegisterTable,
  type Registers,
} from "../register/register-table";
import type { Standard } from "../standard/schema";
import type { FindingCode } from "./catalogue";
import type { FindingSink } from "./finding";

export interface RuleContext {
  readonly standard: Standard;
  readonly registers: Registers;
  /** The status date findings such as stale-update are judged against. */
  readonly asOf: DayNumber;
}

export interface Rule {
  /** The codes this rule can report (the catalogue's test checks every code has a rule). */
  readonly codes: readonly FindingCode[];
  check(ctx: RuleContext, report: RowReporter): void;
}

/** Reports a finding at a row's cell for a field, counting errors on the row. */
export class RowReporter {
  constructor(readonly sink: FindingSink) {}

  at(code: FindingCode, table: RegisterTable, row: RegisterRow, field: string, message: string): void {
    const column: RegisterColumn | undefined = columnOf(table, row, field);
    const col = column?.col ?? 0;
    const finding = this.sink.add(
      code,
      {
        sheet: sheetOf(table, row),
        row: row.row,
        col,
        column: column?.header ?? null,
        value: shownOf(table, row, field),
      },
      message,
    );
    if (finding.severity === "error") row.errors++;
  }
}
