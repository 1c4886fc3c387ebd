/**
 * A SheetPlan says, declaratively, what a sheet we own must contain: values, styles by name,
 * widths, merges, links, frozen panes, a filter and print setup. Hosts turn it into Excel
 * (through the Office JavaScript API) or into worksheet XML; neither decides anything about content.
 */
import type { DayNumber } from "../dates";
import type { ChartPlan } from "./chart-plan";
import type { SheetRole } from "./sheet-names";
import type { StyleName } from "./styles";

/** A link to a cell inside this workbook (we never write links that leave it). */
export interface PlanLink {
  readonly kind: "link";
  readonly text: string;
  readonly sheet: string;
  /** A1 address on that sheet. */
  readonly cell: string;
}

export interface PlanDate {
  readonly kind: "date";
  readonly day: DayNumber;
}

/** Date and time, as an Excel serial (the refresh time). */
export interface PlanDateTime {
  readonly kind: "datetime";
  readonly serial: number;
}

/** Strings are always written as text, never interpreted as formulas. */
export type PlanValue = string | number | boolean | null | PlanLink | PlanDate | PlanDateTime;

export interface PlanCell {
  readonly value: PlanValue;
  readonly style?: StyleName;
}

export type PlanRow = readonly (PlanCell | null)[];

/**
 * A sheet's rows from A1; null or missing cells are left empty. An array is one; a long table
 * builds each row when it is read instead (hosts read each row once, in order), so a sheet of a
 * million projects never sits in memory as cells.
 */
export interface PlanRows {
  readonly length: number;
  at(index: number): PlanRow | undefined;
}

export interface SheetPlan {
  readonly role: SheetRole;
  readonly name: string;
  readonly rows: PlanRows;
  /** Column widths in characters, from column A. */
  readonly widths: readonly number[];
  readonly merges: readonly string[];
  /** Rows and columns kept in view when scrolling. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  /** Range with an autofilter (sortable and filterable), e.g. "A3:AD64". */
  readonly autoFilter?: string;
  readonly print: {
    readonly landscape: boolean;
    readonly fitToWidth: boolean;
    /** 1-based first and last rows repeated on every printed page. */
    readonly repeatRows?: readonly [number, number];
  };
  readonly tabColor?: string;
  /** Register templates (template-plan.ts): a default style per column, input rules, an Excel table. */
  readonly columnStyles?: readonly (StyleName | null)[];
  readonly validations?: readonly PlanValidation[];
  readonly table?: PlanTable;
  /** Native charts over this sheet's own cells, each inside the sheet's used (printed) range. */
  readonly charts?: readonly ChartPlan[];
}

/** A data validation rule with its input message (what Excel shows when the cell is selected). */
export interface PlanValidation {
  /** The cells it covers, e.g. "G2:G1048576". */
  readonly sqref: string;
  readonly kind: "list" | "date" | "whole" | "decimal" | "any";
  /** For a list: the values, or a range holding them ("'PMO Lists'!$A$2:$A$9"). */
  readonly list?: readonly string[] | { readonly range: string };
  readonly min?: number;
  readonly max?: number;
  /** At most 32 and 255 characters (Excel's limits). */
  readonly promptTitle: string;
  readonly prompt: string;
  readonly error?: string;
  /** Refuse a value that breaks the rule (a dropdown), or only warn. */
  readonly strict: boolean;
}

/** An Excel table over a header row: filter buttons, banded rows, grows as rows are typed. */
export interface PlanTable {
  readonly name: string;
  /** Header row and body, e.g. "A1:Q2". */
  readonly ref: string;
  readonly columns: readonly string[];
}

export interface WorkbookPlan {
  /** In the order the sheets should appear, after the user's sheets. */
  readonly sheets: readonly SheetPlan[];
}

export function cell(value: PlanValue, style?: StyleName): PlanCell {
  return style ? { value, style } : { value };
}

export function dateValue(day: DayNumber | null): PlanValue {
  return day === null ? null : { kind: "date", day };
}

/** A few fixed rows (title, header) and then one row per item, built when read. */
export function tableRows<T>(
  head: readonly PlanRow[],
  items: readonly T[],
  row: (item: T, index: number) => PlanRow,
): PlanRows {
  const length = head.length + items.length;
  return {
    length,
    at(index: number) {
      const i = index < 0 ? index + length : index;
      if (i < 0 || i >= length) return undefined;
      return i < head.length ? head[i] : row(items[i - head.length], i - head.length);
    },
  };
}

/** Every row, built (for hosts that need the whole sheet at once, and for tests). */
export function planRows(rows: PlanRows): PlanRow[] {
  if (Array.isArray(rows)) return rows as PlanRow[];
  const out: PlanRow[] = [];
  for (let r = 0; r < rows.length; r++) out.push(rows.at(r) ?? []);
  return out;
}
