/**
 * The pane's "Map columns" step: which registers and columns were not recognised, the headers
 * (with sample values) a person can map them to, what would be read under a mapping, and the
 * standard that pins it (saved in the workbook's PMO Standard sheet).
 */
import { columnLetter } from "./a1";
import type { DayNumber } from "./dates";
import { isoFromDay } from "./dates";
import { cellAt, displayCell, isBlankCell, type SheetGrid, type WorkbookGrids } from "./grid";
import { detectHeaderRow } from "./register/header";
import { twoRowHeader } from "./register/two-row-header";
import { matchKey } from "./register/normalize";
import { namedAs } from "./register/place-registers";
import type { ColumnSpec, Standard } from "./standard/schema";
import { STANDARD_SHEET } from "./standard/sheet-standard";
import { validateWorkbook } from "./validate/validate-workbook";

export interface HeaderChoice {
  readonly text: string;
  readonly column: string;
  /** A few values below the header, as the sheet shows them. */
  readonly samples: readonly string[];
}

export interface FieldToMap {
  readonly field: string;
  readonly header: string;
  readonly presence: ColumnSpec["presence"];
  readonly type: ColumnSpec["type"];
}

export interface RegisterToMap {
  readonly register: string;
  /** The register's name in the standard ("Projects"). */
  readonly label: string;
  /** The sheet it was found on (or is named as), else null: the person picks one. */
  readonly sheet: string | null;
  readonly fields: readonly FieldToMap[];
}

const IMPLIED = new Set(["projectId", "fromProject"]);

function userSheets(workbook: WorkbookGrids): SheetGrid[] {
  return workbook.sheets.filter((s) => !s.ownedRole && matchKey(s.name) !== matchKey(STANDARD_SHEET));
}

/** Registers with a required or recommended column not found, or a required register not found. */
export function registersToMap(
  workbook: WorkbookGrids,
  standard: Standard,
  asOf: DayNumber,
): RegisterToMap[] {
  const v = validateWorkbook(workbook, standard, asOf);
  const implied = v.findings.some((f) => f.code === "implied-project");
  const out: RegisterToMap[] = [];
  for (const [kind, spec] of Object.entries(standard.registers)) {
    if (!spec) continue;
    const table = v.registers[kind];
    const expected = spec.columns.filter((c) => c.presence !== "optional");
    const toField = (c: ColumnSpec): FieldToMap => ({
      field: c.field,
      header: c.header,
      presence: c.presence,
      type: c.type,
    });
    if (table && table.rows.some((r) => r.cells.length > 0)) {
      const missing = expected.filter(
        (c) => !table.columns.has(c.field) && !(implied && IMPLIED.has(c.field)),
      );
      if (missing.length > 0)
        out.push({ register: kind, label: spec.sheet, sheet: table.sheet, fields: missing.map(toField) });
      continue;
    }
    if (table) continue; // the implied Projects register of a one-project log
    const named = userSheets(workbook).find((s) => namedAs(s, spec));
    if (spec.required || named)
      out.push({
        register: kind,
        label: spec.sheet,
        sheet: named?.name ?? null,
        fields: expected.map(toField),
      });
  }
  return out;
}

/** The header row of a sheet for this register: the one recognised, else the first row of two or more texts. */
export function headerRowOf(grid: SheetGrid, standard: Standard, register: string): number | null {
  const spec = standard.registers[register];
  const found = spec ? detectHeaderRow(grid, spec, standard.headerSearchRows) : null;
  if (found !== null) return found;
  for (let r = 0; r < Math.min(grid.rows.length, standard.headerSearchRows); r++) {
    const texts = (grid.rows[r] ?? []).filter((v) => typeof v === "string" && !isBlankCell(v)).length;
    if (texts >= 2) return r;
  }
  return null;
}

/** The headers a person can map a column to, each with a few of its values. */
export function headerChoices(
  workbook: WorkbookGrids,
  standard: Standard,
  register: string,
  sheet: string,
): HeaderChoice[] {
  const sheetGrid = workbook.sheets.find((s) => s.name === sheet);
  if (!sheetGrid) return [];
  const found = headerRowOf(sheetGrid, standard, register);
  if (found === null) return [];
  // A two-row header is offered as it is read: its combined headers ("Baseline Finish").
  const spec = standard.registers[register];
  const { grid, headerRow: row } = spec
    ? twoRowHeader(sheetGrid, found, spec)
    : { grid: sheetGrid, headerRow: found };
  const origin = grid.origin ?? { row: 0, col: 0 };
  const out: HeaderChoice[] = [];
  (grid.rows[row] ?? []).forEach((v, c) => {
    if (isBlankCell(v)) return;
    const samples: string[] = [];
    for (let r = row + 1; r < grid.rows.length && samples.length < 3; r++) {
      const cell = cellAt(grid, r, c);
      if (!isBlankCell(cell)) samples.push(displayCell(cell));
    }
    out.push({ text: displayCell(v).trim(), column: columnLetter(c + origin.col), samples });
  });
  return out;
}

/** The standard with a person's mapping pinned: the register's sheet, and each chosen header as a synonym. */
export function applyMapping(
  standard: Standard,
  register: string,
  sheet: string,
  choices: Readonly<Record<string, string>>,
): Standard {
  const out = structuredClone(standard);
  const spec = out.registers[register];
  if (!spec) return out;
  if (matchKey(spec.sheet) !== matchKey(sheet)) {
    spec.synonyms = [spec.sheet, ...spec.synonyms.filter((s) => matchKey(s) !== matchKey(sheet))];
    spec.sheet = sheet.slice(0, 31);
  }
  const chosen = new Set(Object.values(choices).map(matchKey));
  for (const col of spec.columns) {
    // A header given to one column is no other column's synonym any more.
    col.synonyms = col.synonyms.filter((s) => !chosen.has(matchKey(s)));
    const header = choices[col.field];
    if (header) col.synonyms = [header, ...col.synonyms.filter((s) => matchKey(s) !== matchKey(header))];
  }
  return out;
}

export interface MappingPreview {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Problems reading under this mapping (first few messages). */
  readonly problems: readonly string[];
}

/** What would be read from the register's first rows under a standard (a mapping applied). */
export function previewRegister(
  workbook: WorkbookGrids,
  standard: Standard,
  register: string,
  asOf: DayNumber,
  rows = 3,
): MappingPreview {
  const v = validateWorkbook(workbook, standard, asOf);
  const table = v.registers[register];
  if (!table) {
    const problem = v.findings.find((f) => f.code === "header-not-found" || f.code === "missing-register");
    return { headers: [], rows: [], problems: problem ? [problem.message] : [] };
  }
  const columns = [...table.columns.values()];
  return {
    headers: columns.map((c) => c.spec.header),
    rows: table.rows.slice(0, rows).map((row) =>
      columns.map((c) => {
        const value = row.values[c.spec.field];
        if (value === null || value === undefined) return "";
        return c.spec.type === "date" && typeof value === "number" ? isoFromDay(value) : String(value);
      }),
    ),
    problems: v.findings
      .filter((f) => f.sheet === table.sheet && f.severity === "error")
      .slice(0, 3)
      .map((f) => `${f.cell ?? f.sheet}: ${f.message}`),
  };
}
