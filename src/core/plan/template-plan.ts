/**
 * Register templates from the standard: one sheet per register with the standard's headers (an
 * Excel table, frozen), a dropdown on every allowed-value column, a number format per column type
 * and an input message per column; a Read Me sheet and the PMO Standard sheet, so the template
 * validates against the standard it came from. Hosts write these plans (the CLI's `template`,
 * the pane's "Add missing registers"); what a template holds is decided here only.
 */
import { a1, columnLetter } from "../a1";
import type { SheetGrid } from "../grid";
import { locateRegister } from "../register/locate";
import { matchKey } from "../register/normalize";
import type { ColumnSpec, RegisterSpec, Standard } from "../standard/schema";
import { IMPORT_ROLE } from "./sheet-names";
import { cell, type PlanCell, type PlanValidation, type SheetPlan, type WorkbookPlan } from "./sheet-plan";
import { standardSheetPlan } from "./standard-sheet";
import type { StyleName } from "./styles";
import { emptyCell, headerRow } from "./table";

export const README_SHEET = "Read Me";
export const LISTS_SHEET = "PMO Lists";
/** Rules cover the column down to Excel's last row, so they hold however many rows are typed. */
const LAST_ROW = 1_048_576;
/** Excel's limits: an inline list's formula, an input message's title and text. */
const MAX_INLINE_LIST = 255;
const MAX_PROMPT_TITLE = 32;
const MAX_PROMPT = 255;
const MAX_ERROR = 225;
/** An integer column with at most this many values (a 1-5 scale) gets a dropdown. */
const MAX_SCALE_VALUES = 10;

/** A sheet of that name is already in the workbook: templates never replace a sheet. */
export class SheetTakenError extends Error {
  constructor(name: string) {
    super(`The workbook already has a sheet named '${name}'; it was left untouched and nothing was added.`);
    this.name = "SheetTakenError";
  }
}

export class UnknownRegisterError extends Error {
  constructor(names: readonly string[], known: readonly string[]) {
    super(
      `the standard has no register ${names.map((n) => `'${n}'`).join(", ")}; its registers are ${known.join(", ")}`,
    );
    this.name = "UnknownRegisterError";
  }
}

const STYLE_OF: Record<ColumnSpec["type"], StyleName> = {
  text: "text",
  integer: "integer",
  number: "index",
  money: "money",
  percent: "percent",
  date: "date",
  enum: "text",
  rag: "text",
  boolean: "text",
};

/** The values a column's dropdown offers, or null when its values are free. */
export function allowedValues(column: ColumnSpec, standard: Standard): string[] | null {
  switch (column.type) {
    case "enum":
      return column.values && column.values.length > 0 ? column.values.map((v) => v.value) : null;
    case "rag":
      return standard.ragScale.map((r) => r.label);
    case "boolean":
      return ["Yes", "No"];
    case "integer": {
      const { min, max } = column;
      if (min === undefined || max === undefined || max < min || max - min + 1 > MAX_SCALE_VALUES)
        return null;
      return Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
    }
    default:
      return null;
  }
}

const TYPE_HINT: Record<ColumnSpec["type"], string> = {
  text: "Text.",
  integer: "A whole number.",
  number: "A number.",
  money: "An amount, as a number (no currency sign needed).",
  percent: "A percentage, e.g. 45%.",
  date: "A date, e.g. 31 Mar 2027.",
  enum: "Pick a value from the list.",
  rag: "Pick a rating from the list.",
  boolean: "Yes or No.",
};

function prompt(column: ColumnSpec, standard: Standard): string {
  const parts = [column.description ?? TYPE_HINT[column.type]];
  if (column.description && allowedValues(column, standard)) parts.push("Pick from the list.");
  if (column.references) {
    const target = standard.registers[column.references];
    const key = target?.columns.find((c) => c.field === target.key)?.header ?? "an ID";
    parts.push(`Must be a ${key} on the ${target?.sheet ?? column.references} sheet.`);
  }
  if (column.unique) parts.push("Must be unique.");
  parts.push(
    column.required
      ? "Required: every row needs a value."
      : column.presence === "optional"
        ? "Optional."
        : "Recommended.",
  );
  const text = parts.join(" ");
  return text.length <= MAX_PROMPT ? text : `${text.slice(0, MAX_PROMPT - 1)}…`;
}

function inlineListFits(values: readonly string[]): boolean {
  return values.join(",").length + 2 <= MAX_INLINE_LIST && values.every((v) => !/[,"]/.test(v));
}

/** Collects the lists too long (or with commas) to write inline, for the PMO Lists sheet. */
class ListSheet {
  readonly columns: { header: string; values: readonly string[] }[] = [];

  constructor(readonly name: string = LISTS_SHEET) {}

  source(header: string, values: readonly string[]): readonly string[] | { range: string } {
    if (inlineListFits(values)) return values;
    const col = columnLetter(this.columns.length);
    this.columns.push({ header, values });
    return { range: `'${this.name}'!$${col}$2:$${col}$${values.length + 1}` };
  }

  plan(): SheetPlan | null {
    if (this.columns.length === 0) return null;
    const height = Math.max(...this.columns.map((c) => c.values.length));
    const rows: (PlanCell | null)[][] = [headerRow(this.columns.map((c) => c.header))];
    for (let r = 0; r < height; r++)
      rows.push(this.columns.map((c) => (r < c.values.length ? cell(c.values[r], "text") : null)));
    return {
      role: IMPORT_ROLE,
      name: this.name,
      rows,
      widths: this.columns.map(() => 24),
      merges: [],
      freeze: { rows: 1, cols: 0 },
      print: { landscape: false, fitToWidth: true },
    };
  }
}

function validationFor(
  column: ColumnSpec,
  letter: string,
  standard: Standard,
  lists: ListSheet,
  label: string,
): PlanValidation {
  const base = {
    sqref: `${letter}2:${letter}${LAST_ROW}`,
    promptTitle: column.header.slice(0, MAX_PROMPT_TITLE),
    prompt: prompt(column, standard),
  };
  const values = allowedValues(column, standard);
  if (values)
    return {
      ...base,
      kind: "list",
      list: lists.source(label, values),
      strict: true,
      error: `Pick one of the values in the list (${column.header}).`.slice(0, MAX_ERROR),
    };
  const bounds = {
    ...(column.min !== undefined ? { min: column.min } : {}),
    ...(column.max !== undefined ? { max: column.max } : {}),
  };
  switch (column.type) {
    case "date":
      return { ...base, kind: "date", min: 1, strict: false, error: "This does not look like a date." };
    case "integer":
      return { ...base, kind: "whole", ...bounds, strict: false, error: "A whole number is expected here." };
    case "money":
    case "number":
      return { ...base, kind: "decimal", ...bounds, strict: false, error: "A number is expected here." };
    default:
      return { ...base, kind: "any", strict: false };
  }
}

function width(column: ColumnSpec): number {
  const byType = column.type === "date" ? 13 : column.type === "money" ? 14 : 10;
  return Math.min(40, Math.max(byType, column.header.length + 3));
}

/** An Excel table name from the register key: letters, digits and underscores, unique in `taken`. */
export function tableName(register: string, taken: ReadonlySet<string>): string {
  const base = `PMO_${register.replace(/[^A-Za-z0-9_]/g, "_")}`.slice(0, 200);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  return name;
}

/** The sheet plan of one register's empty template. */
function registerSheet(
  key: string,
  spec: RegisterSpec,
  standard: Standard,
  lists: ListSheet,
  tables: Set<string>,
): SheetPlan {
  const columns = spec.columns;
  const last = columns.length - 1;
  const styles = columns.map((c) => STYLE_OF[c.type]);
  const headers = columns.map((c) => c.header);
  // A table needs distinct column names; a register that repeats a header (occurrence) gets a filter only.
  const distinct = new Set(headers.map((h) => h.toLowerCase())).size === headers.length;
  const name = tableName(key, tables);
  if (distinct) tables.add(name.toLowerCase());
  return {
    role: IMPORT_ROLE,
    name: spec.sheet,
    // The first body row carries each column's format, which Excel copies to the rows typed below it.
    rows: [headerRow(headers), styles.map((s) => emptyCell(s))],
    widths: columns.map(width),
    merges: [],
    freeze: { rows: 1, cols: 0 },
    ...(distinct ? {} : { autoFilter: `A1:${a1(1, last)}` }),
    print: { landscape: true, fitToWidth: true, repeatRows: [1, 1] },
    columnStyles: styles,
    validations: columns.map((c, i) =>
      validationFor(c, columnLetter(i), standard, lists, `${spec.sheet}: ${c.header}`),
    ),
    ...(distinct ? { table: { name, ref: `A1:${a1(1, last)}`, columns: headers } } : {}),
  };
}

/** The standard's registers to template: all, or the ones named (by key, sheet name or synonym). */
export function chooseRegisters(standard: Standard, names?: readonly string[]): [string, RegisterSpec][] {
  const all = Object.entries(standard.registers).filter((e): e is [string, RegisterSpec] => !!e[1]);
  if (!names || names.length === 0) return all;
  const wanted = names.map((n) => n.trim()).filter((n) => n !== "");
  const registerNames = (key: string, spec: RegisterSpec) =>
    [key, spec.sheet, ...spec.synonyms].map(matchKey);
  const matches = (n: string, [key, spec]: [string, RegisterSpec]) =>
    registerNames(key, spec).includes(matchKey(n));
  const unknown = wanted.filter((n) => !all.some((entry) => matches(n, entry)));
  if (unknown.length > 0)
    throw new UnknownRegisterError(
      unknown,
      all.map(([key]) => key),
    );
  return all.filter((entry) => wanted.some((n) => matches(n, entry)));
}

function readMeSheet(standard: Standard, registers: readonly [string, RegisterSpec][]): SheetPlan {
  const rows: (PlanCell | null)[][] = [
    [cell(`${standard.name} — register template`, "title")],
    [cell(`Standard ${standard.name}, version ${standard.version}. Written by PMO Rollup.`, "subtitle")],
    [],
    [cell("Status Date", "kpiLabel"), emptyCell("date")],
    [cell("The date your figures are as of; type it beside the label.", "subtitle")],
    [],
    [cell("How to fill it in", "section")],
    [cell("1. Fill one row per item on each register sheet, from row 2; keep the header row as it is.")],
    [cell("2. Select a cell to see what its column expects; pick from the dropdowns where there is one.")],
    [cell("3. Columns marked Required need a value on every row; IDs must be unique.")],
    [cell("4. Project IDs on the other sheets must match a Project ID on the Projects sheet.")],
    [cell("5. Type dates as dates, amounts as numbers and percentages with a % sign.")],
    [cell("6. Before you submit, validate it: PMO Rollup pane > Validate (or pmo-rollup validate).")],
    [cell("7. Keep the PMO Standard sheet: it holds the standard this template follows.")],
    [],
    [cell("Registers", "section")],
    headerRow(["Sheet", "Required", "Columns"]),
    ...registers.map(([, spec]) => [
      cell(spec.sheet, "text"),
      cell(spec.required ? "Required" : "Optional", "text"),
      cell(spec.columns.map((c) => `${c.header}${c.required ? " *" : ""}`).join(", "), "wrapText"),
    ]),
    [cell("* every row needs a value", "subtitle")],
  ];
  return {
    role: IMPORT_ROLE,
    name: README_SHEET,
    rows,
    widths: [22, 12, 100],
    merges: [],
    print: { landscape: true, fitToWidth: true },
  };
}

/** Register sheets plus, when a list is too long to write inline, the PMO Lists sheet they read. */
function registerSheets(registers: readonly [string, RegisterSpec][], standard: Standard): SheetPlan[] {
  const lists = new ListSheet();
  const tables = new Set<string>();
  const sheets = registers.map(([key, spec]) => registerSheet(key, spec, standard, lists, tables));
  const listSheet = lists.plan();
  return listSheet ? [...sheets, listSheet] : sheets;
}

/** The template workbook: Read Me, one sheet per register, PMO Standard. */
export function templatePlan(standard: Standard, registerNames?: readonly string[]): WorkbookPlan {
  const registers = chooseRegisters(standard, registerNames);
  const standardPlan = standardSheetPlan(standard, []);
  const standardRows = [...(standardPlan.rows as PlanCell[][])];
  standardRows[1] = [
    cell(
      "# Written into this template by PMO Rollup. Each row changes one setting of the built-in standard.",
      "subtitle",
    ),
  ];
  return {
    sheets: [
      readMeSheet(standard, registers),
      ...registerSheets(registers, standard),
      { ...standardPlan, rows: standardRows },
    ],
  };
}

/**
 * The registers of the standard that the workbook lacks, as template sheets (the pane's "Add
 * missing registers"). A register found by name or synonym counts as there; a sheet already
 * named like a missing register is never replaced, so that register is left out.
 */
export function missingRegistersPlan(
  standard: Standard,
  sheets: readonly Pick<SheetGrid, "name" | "ownedRole" | "rows">[],
  tableNames: readonly string[] = [],
): WorkbookPlan {
  const userSheets = sheets.filter((s) => !s.ownedRole) as SheetGrid[];
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  const missing = chooseRegisters(standard).filter(
    ([, spec]) => !locateRegister(userSheets, spec) && !taken.has(spec.sheet.toLowerCase()),
  );
  let listsName = LISTS_SHEET;
  for (let n = 2; taken.has(listsName.toLowerCase()); n++) listsName = `${LISTS_SHEET} ${n}`;
  const lists = new ListSheet(listsName);
  const tables = new Set(tableNames.map((t) => t.toLowerCase()));
  const plans = missing.map(([key, spec]) => registerSheet(key, spec, standard, lists, tables));
  const listSheet = lists.plan();
  if (listSheet) plans.push(listSheet);
  return { sheets: plans };
}
