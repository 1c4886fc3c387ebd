/**
 * Validation of a whole workbook: locate each register, read it (structure and cell findings),
 * then run every row and cross-register rule. Pure, and total: any grid gets an answer.
 */
import type { DayNumber } from "../dates";
import type { WorkbookGrids } from "../grid";
import { impliedProject, impliedProjectsTable } from "../register/implied-project";
import { matchKey } from "../register/normalize";
import { placeRegisters } from "../register/place-registers";
import { readRegister } from "../register/read-register";
import { continues, withPart } from "../register/register-parts";
import { entryNameColumn } from "../standard/entry-columns";
import { rowKeys, textOf, type Registers } from "../register/register-table";
import type { Standard } from "../standard/schema";
import { STANDARD_SHEET } from "../standard/sheet-standard";
import { FindingSink, type Finding } from "./finding";
import { RowReporter } from "./rule";
import { RULES } from "./rules";

export interface Validation {
  readonly registers: Registers;
  readonly findings: Finding[];
  /** The sink, so later stages (the RAG engine) add their findings to the same list. */
  readonly sink: FindingSink;
}

export interface ValidateContext {
  /** The workbook's file name: names the project of a one-project log with no title cell. */
  readonly fileName?: string;
}

export function validateWorkbook(
  workbook: WorkbookGrids,
  standard: Standard,
  asOf: DayNumber,
  context: ValidateContext = {},
): Validation {
  const sink = new FindingSink(standard.severities);
  const registers: Registers = {};
  // Our own output sheets, and the standard's sheet, are never registers, whatever they hold.
  const userSheets = workbook.sheets.filter(
    (s) => !s.ownedRole && matchKey(s.name) !== matchKey(STANDARD_SHEET),
  );
  const { placements, notes, continuations } = placeRegisters(userSheets, standard, context.fileName);
  for (const note of notes)
    sink.add(
      note.code,
      { sheet: note.sheet, row: note.row, col: note.col, column: null, value: note.value },
      note.message,
    );
  const projectsSpec = standard.registers.projects;
  const hasProjects = placements.some((p) => p.kind === "projects");
  // No Projects register, but other registers: a one-project log (or several projects' RAID).
  const project =
    !hasProjects && placements.length > 0
      ? impliedProject(
          workbook,
          placements.map((p) => ({ grid: p.grid, headerRow: p.headerRow })),
          context.fileName,
        )
      : null;
  // A register others reference (Projects) is read first: its keys find reference columns no header names.
  const referenced = new Set(
    Object.values(standard.registers).flatMap((spec) => spec?.columns.map((c) => c.references) ?? []),
  );
  const keySets = new Map<string, ReadonlySet<string>>();
  const referenceKeys = (register: string): ReadonlySet<string> | undefined => {
    const table = registers[register];
    const key = table?.spec.key;
    if (!table || !key) return undefined;
    let keys = keySets.get(register);
    if (!keys) keySets.set(register, (keys = new Set(rowKeys(table, key).filter((k) => k !== null))));
    return keys;
  };
  const nameMaps = new Map<string, ReadonlyMap<string, string>>();
  const referenceNames = (register: string): ReadonlyMap<string, string> | undefined => {
    const table = registers[register];
    const key = table?.spec.key;
    const name = table ? entryNameColumn(table.spec)?.field : undefined;
    if (!table || !key || !name) return undefined;
    let names = nameMaps.get(register);
    if (!names) {
      const byName = new Map<string, string | null>();
      for (const row of table.rows) {
        const id = textOf(row, key);
        const text = textOf(row, name);
        const nameKey = text === null ? "" : matchKey(text);
        if (id === null || nameKey === "") continue;
        // A name two rows share names neither.
        byName.set(nameKey, byName.has(nameKey) && byName.get(nameKey) !== id ? null : id);
      }
      names = new Map([...byName].flatMap(([k, id]) => (id === null ? [] : [[k, id] as const])));
      nameMaps.set(register, names);
    }
    return names;
  };
  const implied = project ? { projectId: project.name, fromProject: project.name } : null;
  const read = (p: (typeof placements)[number]) => {
    const table = readRegister(p.kind, p.spec, p.grid, {
      standard,
      date1904: workbook.date1904,
      sink,
      ...(p.headerRow >= 0 ? { headerRow: p.headerRow } : {}),
      ...(p.include ? { include: p.include } : {}),
      ...(p.known ? { known: p.known } : {}),
      ...(p.typeColumn !== undefined ? { typeColumn: p.typeColumn } : {}),
      referenceKeys,
      referenceNames,
      // The log's own project is every row's project, and what its dependencies are for.
      ...(implied ? { implied } : {}),
    });
    if (table) registers[p.kind] = table;
  };
  const readContinuation = ({ placement: p, note }: (typeof continuations)[number]) => {
    const table = registers[p.kind];
    // Read apart, so a sheet that turns out to be a copy leaves no findings behind.
    const own = new FindingSink(standard.severities);
    const more = table
      ? readRegister(p.kind, p.spec, p.grid, {
          standard,
          date1904: workbook.date1904,
          sink: own,
          headerRow: p.headerRow,
          ...(p.include ? { include: p.include } : {}),
          ...(p.known ? { known: p.known } : {}),
          ...(p.typeColumn !== undefined ? { typeColumn: p.typeColumn } : {}),
          referenceKeys,
          referenceNames,
          ...(implied ? { implied } : {}),
        })
      : null;
    if (table && more && continues(table, more)) {
      registers[p.kind] = withPart(table, more);
      keySets.delete(p.kind);
      nameMaps.delete(p.kind);
      sink.findings.push(...own.findings);
      sink.add(
        "register-continued",
        { sheet: more.sheet, row: more.headerRow, col: more.originCol, column: null },
        `'${more.sheet}' is read as more of the ${p.spec.sheet} register, after '${table.sheet}': it has the register's headers and none of its keys (${more.rows.length} row${more.rows.length === 1 ? "" : "s"}).`,
      );
    } else sink.add(note.code, { sheet: note.sheet, column: null }, note.message);
  };
  // Referenced registers in full (their further sheets included) before the registers that refer to them.
  for (const first of [true, false]) {
    for (const p of placements) if (referenced.has(p.kind) === first) read(p);
    for (const c of continuations) if (referenced.has(c.placement.kind) === first) readContinuation(c);
  }
  if (project) {
    const first = placements[0];
    registers.projects = impliedProjectsTable(projectsSpec, project, registers, first.grid.name);
    sink.add(
      "implied-project",
      project.at
        ? {
            sheet: project.at.sheet,
            row: project.at.row,
            col: project.at.col,
            column: null,
            value: project.name,
          }
        : { sheet: first.grid.name, column: null, value: project.name },
      `The workbook has no ${projectsSpec.sheet} register: its registers are read as the project "${project.name}" (from ${project.source}). Add a ${projectsSpec.sheet} sheet to report budget, schedule and RAG for it.`,
    );
  }
  for (const [kind, spec] of Object.entries(standard.registers)) {
    if (!spec || !spec.required || registers[kind] || placements.some((p) => p.kind === kind)) continue;
    const names = [spec.sheet, ...spec.synonyms.slice(0, 2)].map((n) => `'${n}'`).join(" or ");
    sink.add(
      "missing-register",
      { sheet: spec.sheet, column: null },
      `The workbook has no ${spec.sheet} register; add a sheet named ${names} with its header row, or give an existing sheet the register's headers.`,
    );
  }
  const ctx = { standard, registers, asOf };
  const reporter = new RowReporter(sink);
  for (const rule of RULES) rule.check(ctx, reporter);
  return { registers, findings: sink.findings, sink };
}
