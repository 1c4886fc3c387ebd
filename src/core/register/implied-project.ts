/**
 * One project's workbook: a risk or issue log with no Projects register. Its registers are
 * the workbook's project's, named by a title cell ("Project Name: Phoenix", or a "Project"
 * label with the name beside it), a defined name (ProjectName), or else the file's name.
 */
import { a1, parseSheetRef } from "../a1";
import { cellAt, displayCell, isBlankCell, type SheetGrid, type WorkbookGrids } from "../grid";
import type { RegisterSpec } from "../standard/schema";
import { cleanText, matchKey } from "./normalize";
import { rowKeys, textOf, type RegisterRow, type RegisterTable, type Registers } from "./register-table";

export interface ImpliedProject {
  readonly name: string;
  /** Where the name was found: the sheet and 0-based cell, or null for the file name. */
  readonly at: { readonly sheet: string; readonly row: number; readonly col: number } | null;
  /** How it was found, for the finding's message. */
  readonly source: string;
}

const LABELS = new Set([
  "project",
  "projectname",
  "projecttitle",
  "nameofproject",
  "programme",
  "programmename",
  "program",
  "programname",
]);
const NAME_KEYS = new Set(["projectname", "project", "projecttitle", "nameofproject"]);
const TITLE =
  /^(?:project(?:\s+name|\s+title)?|programme(?:\s+name)?|program(?:\s+name)?)\s*[:\-–—]\s*(.+)$/i;

function plausibleName(text: string): boolean {
  return text.length >= 2 && text.length <= 120 && /\p{L}/u.test(text);
}

/** Cells a title row holds at most on a sheet with no known header ("Project", its name, "Date", the date). */
const TITLE_CELLS = 4;

function filledCells(grid: SheetGrid, row: number): number {
  return (grid.rows[row] ?? []).filter((v) => !isBlankCell(v)).length;
}

/** A title block's project name in the first rows of a sheet (above its header row when known). */
function titleIn(
  grid: SheetGrid,
  rows: number,
  strict = false,
): { name: string; row: number; col: number } | null {
  for (let r = 0; r < Math.min(rows, grid.rows.length); r++) {
    const width = Math.min(grid.rows[r]?.length ?? 0, 12);
    for (let c = 0; c < width; c++) {
      const v = cellAt(grid, r, c);
      if (typeof v !== "string") continue;
      const text = cleanText(v);
      const titled = TITLE.exec(text);
      if (titled && plausibleName(titled[1].trim())) return { name: titled[1].trim(), row: r, col: c };
      if (!LABELS.has(matchKey(text.replace(/:$/, "")))) continue;
      // On a sheet whose header row is not known, a "Project" header over a table's column names
      // no project: a label has its value beside it in a row of a few cells, or says it is a
      // label ("Project:"). Above a register's header row, a title block may be any width.
      const wide = !text.endsWith(":") && filledCells(grid, r) > TITLE_CELLS;
      if (strict && wide) continue;
      // A summary table above the log ("Project | Open Risks | ..." over "Kestrel Depot | 2 | ..."):
      // the name is under its label.
      if (wide && r + 1 < Math.min(rows, grid.rows.length) && filledCells(grid, r + 1) > TITLE_CELLS) {
        const below = cleanText(displayCell(cellAt(grid, r + 1, c)));
        if (plausibleName(below)) return { name: below, row: r + 1, col: c };
        continue;
      }
      for (let k = c + 1; k < Math.min(width + 3, c + 4); k++) {
        const next = cellAt(grid, r, k);
        if (isBlankCell(next)) continue;
        const name = cleanText(displayCell(next));
        if (plausibleName(name)) return { name, row: r, col: k };
        break;
      }
    }
  }
  return null;
}

/** The file's name without its folder and extension ("Phoenix RAID log.xlsx" -> "Phoenix RAID log"). */
export function nameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(xlsx|xlsm|xls|csv|txt)$/i, "").trim();
}

/**
 * The workbook's project: a title cell on a register's sheet (above its header), a defined
 * name, or the file's name; `sheets` are the register sheets with their header rows.
 */
export function impliedProject(
  workbook: WorkbookGrids,
  sheets: readonly { grid: SheetGrid; headerRow: number }[],
  fileName: string | undefined,
): ImpliedProject {
  for (const { grid, headerRow } of sheets) {
    const found = titleIn(grid, Math.max(0, headerRow));
    if (found) {
      const origin = grid.origin ?? { row: 0, col: 0 };
      const at = { sheet: grid.name, row: found.row + origin.row, col: found.col + origin.col };
      return { name: found.name, at, source: `the title cell ${grid.name}!${a1(at.row, at.col)}` };
    }
  }
  for (const [name, ref] of Object.entries(workbook.names ?? {})) {
    if (!NAME_KEYS.has(matchKey(name))) continue;
    const target = parseSheetRef(ref);
    const grid = target && workbook.sheets.find((s) => s.name === target.sheet);
    if (!target || !grid) continue;
    const origin = grid.origin ?? { row: 0, col: 0 };
    const text = cleanText(displayCell(cellAt(grid, target.row - origin.row, target.col - origin.col)));
    if (plausibleName(text))
      return {
        name: text,
        at: { sheet: grid.name, row: target.row, col: target.col },
        source: `the defined name ${name}`,
      };
  }
  for (const grid of workbook.sheets) {
    if (grid.ownedRole || sheets.some((s) => s.grid === grid)) continue;
    const found = titleIn(grid, 12, true);
    if (found) {
      const origin = grid.origin ?? { row: 0, col: 0 };
      const at = { sheet: grid.name, row: found.row + origin.row, col: found.col + origin.col };
      return { name: found.name, at, source: `the title cell ${grid.name}!${a1(at.row, at.col)}` };
    }
  }
  const fromFile = fileName ? nameFromFile(fileName) : "";
  if (fromFile !== "") return { name: fromFile, at: null, source: `the file name` };
  return { name: "This workbook", at: null, source: "no name in the workbook" };
}

/**
 * The Projects register a workbook without one implies: its own project, plus any project an
 * ID column of its registers names (a RAID log across projects with no projects sheet).
 */
export function impliedProjectsTable(
  spec: RegisterSpec,
  project: ImpliedProject,
  registers: Registers,
  fallbackSheet: string,
): RegisterTable {
  const idSpec = spec.columns.find((c) => c.field === (spec.key ?? "id"));
  const nameSpec = spec.columns.find((c) => c.field === "name");
  const sheet = project.at?.sheet ?? fallbackSheet;
  const row = project.at?.row ?? 0;
  const col = project.at?.col ?? 0;
  const names: string[] = [project.name];
  const seen = new Set([matchKey(project.name) || project.name]);
  for (const table of Object.values(registers)) {
    if (!table || !table.columns.has("projectId")) continue;
    rowKeys(table, "projectId").forEach((key, i) => {
      if (key === null || seen.has(key)) return;
      seen.add(key);
      names.push(textOf(table.rows[i], "projectId")!);
    });
  }
  const key = spec.key ?? "id";
  const rows: RegisterRow[] = names.map((name) => ({
    row,
    values: { [key]: name, ...(nameSpec ? { [nameSpec.field]: name } : {}) },
    cells: [],
    errors: 0,
  }));
  const columns = new Map();
  if (idSpec) columns.set(idSpec.field, { spec: idSpec, col, header: idSpec.header });
  if (nameSpec) columns.set(nameSpec.field, { spec: nameSpec, col, header: nameSpec.header });
  return {
    kind: "projects",
    spec,
    sheet,
    headerRow: row,
    originCol: 0,
    columns,
    rows,
    range: a1(row, col),
  };
}
