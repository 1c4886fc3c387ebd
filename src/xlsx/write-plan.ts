/**
 * Writes a WorkbookPlan into an existing .xlsx package surgically: our sheets' parts are added
 * or replaced, styles.xml gains our styles, workbook.xml gains the sheets and their names, and
 * every other part (registers, charts, pivot tables, images, comments, data validation,
 * conditional formats, defined names) is copied byte for byte.
 */
import { quoteSheetName } from "../core/a1";
import type { SheetPlan, WorkbookPlan } from "../core/plan/sheet-plan";
import { IMPORT_ROLE, OWNERSHIP_PREFIX, ownershipName } from "../core/plan/sheet-names";
import { addChartParts } from "./chart-parts";
import { WorkbookFileError } from "./errors";
import { ownedRoles } from "./ownership";
import type { XlsxPackage } from "./package";
import { PackageEditor } from "./package-editor";
import { CONTENT_TYPE, type OoxmlFlavour } from "./ooxml-flavour";
import { folderOf, relativeTarget, relsPathFor } from "./part-names";
import { sheetXmlDeflated, sheetXmlParts } from "./sheet-writer";
import { emptyStylesXml, mergeStylesInto } from "./styles-writer";
import { existingTables, sheetRelsXml, TABLE_CT, tableXml } from "./template-parts";
import type { WorkbookInfo } from "./workbook-part";
import { childElements, createLike, ensureChild, firstChild, prefixFor, type Element } from "./xml-dom";
import type { ZipCodec } from "./codec";
import type { DeflatedRuns, PartBytes } from "./zip";
import { strToU8 } from "fflate";

/** CT_Workbook's sequence: where a definedNames element goes when the workbook has none. */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

interface Placement {
  readonly plan: SheetPlan;
  readonly path: string;
  /** 0-based position among the workbook's sheets. */
  readonly index: number;
}

interface NameSpec {
  readonly name: string;
  readonly ref: string;
  readonly localSheetId?: number;
  readonly hidden?: boolean;
}

/** The table part of each template sheet that has one (template-parts.ts), with the sheet's relationships. */
function addTableParts(
  editor: PackageEditor,
  placements: readonly Placement[],
  wbPath: string,
  flavour: OoxmlFlavour,
): void {
  const existing = existingTables(editor);
  let id = existing.maxId;
  const names = new Set(existing.names.map((n) => n.toLowerCase()));
  for (const { plan, path } of placements) {
    if (!plan.table) continue;
    const tablePath = editor.freePartName((n) => `${folderOf(wbPath)}tables/table${n}.xml`);
    let name = plan.table.name;
    for (let k = 2; names.has(name.toLowerCase()); k++) name = `${plan.table.name}_${k}`;
    names.add(name.toLowerCase());
    editor.addPart(
      tablePath,
      TABLE_CT,
      strToU8(tableXml({ ...plan.table, name }, ++id, flavour.spreadsheetml)),
    );
    const rels = sheetRelsXml(relativeTarget(path, tablePath), `${flavour.relationshipType}table`);
    editor.addPart(relsPathFor(path), CONTENT_TYPE.relationships, strToU8(rels));
  }
}

/** Defined names that belong to our sheets (ownership, print titles, filter ranges), to rewrite. */
function ourDefinedNames(placements: readonly Placement[]): NameSpec[] {
  const names: NameSpec[] = [];
  for (const { plan, index } of placements) {
    if (plan.role === IMPORT_ROLE) continue; // an imported register is the user's from now on
    const sheet = quoteSheetName(plan.name);
    names.push({ name: ownershipName(plan.role), ref: `${sheet}!$A$1`, hidden: true });
    if (plan.print.repeatRows) {
      const [first, last] = plan.print.repeatRows;
      names.push({ name: "_xlnm.Print_Titles", ref: `${sheet}!$${first}:$${last}`, localSheetId: index });
    }
    if (plan.autoFilter) {
      const [from, to] = plan.autoFilter.split(":").map((ref) => {
        const m = /^([A-Z]+)(\d+)$/.exec(ref);
        return m ? `$${m[1]}$${m[2]}` : ref;
      });
      names.push({
        name: "_xlnm._FilterDatabase",
        ref: `${sheet}!${from}:${to}`,
        localSheetId: index,
        hidden: true,
      });
    }
  }
  return names;
}

/**
 * Drop the names of the sheets we write (their ownership names, print titles and filters), then
 * add ours: nothing else changes. A plan of some of our sheets (the findings sheet alone, kept
 * submissions) leaves the other sheets' ownership names in place.
 */
function rewriteDefinedNames(
  workbook: Element,
  ourIndexes: ReadonlySet<number>,
  ours: readonly NameSpec[],
): void {
  const ourNames = new Set(ours.map((n) => n.name).filter((n) => n.startsWith(OWNERSHIP_PREFIX)));
  const existing = firstChild(workbook, "definedNames");
  if (existing)
    for (const n of childElements(existing, "definedName")) {
      const local = n.getAttribute("localSheetId");
      const name = n.getAttribute("name") ?? "";
      if (ourNames.has(name) || (local !== null && local !== "" && ourIndexes.has(Number(local))))
        existing.removeChild(n);
    }
  if (ours.length === 0) return;
  const list = existing ?? ensureChild(workbook, "definedNames", WORKBOOK_ORDER);
  for (const spec of ours) {
    const n = createLike(list, "definedName", { name: spec.name });
    if (spec.localSheetId !== undefined) n.setAttribute("localSheetId", String(spec.localSheetId));
    if (spec.hidden) n.setAttribute("hidden", "1");
    n.appendChild(list.ownerDocument!.createTextNode(spec.ref));
    list.appendChild(n);
  }
}

/** Our sheet's part: compressed as it is written when the codec can (a million rows never whole). */
function sheetPart(
  plan: SheetPlan,
  xfIndex: Parameters<typeof sheetXmlParts>[1],
  codec: ZipCodec,
  flavour: OoxmlFlavour,
): PartBytes | DeflatedRuns {
  const { deflateRun } = codec;
  if (!deflateRun) return sheetXmlParts(plan, xfIndex, flavour);
  const level = plan.rows.length > 20_000 ? 1 : 6;
  return sheetXmlDeflated(plan, xfIndex, (piece) => deflateRun(piece, level), flavour);
}

export function writePlanIntoPackage(pkg: XlsxPackage, info: WorkbookInfo, plan: WorkbookPlan): Uint8Array {
  const editor = new PackageEditor(pkg);
  const { flavour } = info;
  const wbPath = info.path;
  const workbook = editor.xml(wbPath).documentElement!;
  const relType = (name: string) => flavour.relationshipType + name;

  const owned = ownedRoles(info);
  const roleIndex = new Map([...owned].map(([index, role]) => [role, index]));
  let maxSheetId = Math.max(0, ...info.sheets.map((s) => Number(s.sheetId) || 0));
  let sheetCount = info.sheets.length;
  const placements: Placement[] = [];
  const newSheets: { name: string; relId: string }[] = [];
  const sheetFolder = `${folderOf(wbPath)}worksheets/`;

  for (const planned of plan.sheets) {
    // Our charts are transitional DrawingML: a Strict package gets the sheets without them (never a mix).
    const sheetPlan =
      flavour.name === "strict" && planned.charts ? { ...planned, charts: undefined } : planned;
    const index = roleIndex.get(sheetPlan.role);
    if (index !== undefined) {
      const entry = info.sheets[index];
      if (!entry.path)
        throw new WorkbookFileError(`the sheet '${entry.name}' has no part; the file is damaged`);
      placements.push({ plan: sheetPlan, path: entry.path, index });
      continue;
    }
    if (info.sheets.some((s) => s.name.toLowerCase() === sheetPlan.name.toLowerCase()))
      throw new WorkbookFileError(
        `a sheet named '${sheetPlan.name}' that PMO Rollup did not write is in the way; it was left untouched`,
      );
    if (info.structureLocked)
      throw new WorkbookFileError(
        "the workbook's structure is protected, so sheets cannot be added; unprotect it (in Excel: Review > Protect Workbook, with its password) and run again",
      );
    const path = editor.freePartName((n) => `${sheetFolder}sheet${n}.xml`);
    editor.addPart(path, CONTENT_TYPE.worksheet, new Uint8Array(0));
    const relId = editor.addRelationship(wbPath, relType("worksheet"), path);
    newSheets.push({ name: sheetPlan.name, relId });
    placements.push({ plan: sheetPlan, path, index: sheetCount++ });
  }

  // styles: ours appended (or found already there); a workbook without a styles part gets one.
  let stylesPath = editor
    .relationships(wbPath)
    .find((r) => !r.external && r.type === relType("styles"))?.target;
  if (!stylesPath || !editor.has(stylesPath)) {
    const fresh =
      stylesPath ?? editor.freePartName((n) => `${folderOf(wbPath)}styles${n === 1 ? "" : n}.xml`);
    editor.addPart(fresh, CONTENT_TYPE.styles, new Uint8Array(0));
    editor.xml(fresh, () => emptyStylesXml(flavour));
    if (!stylesPath) editor.addRelationship(wbPath, relType("styles"), fresh);
    stylesPath = fresh;
  }
  const xfIndex = mergeStylesInto(editor.xml(stylesPath));

  for (const { plan: sheetPlan, path, index } of placements) {
    // Our sheet's own relationships (a drawing someone added to it) go with its old content.
    if (index < info.sheets.length) editor.removePart(relsPathFor(path));
    editor.setPart(path, sheetPart(sheetPlan, xfIndex, pkg.codec, flavour));
  }
  addTableParts(editor, placements, wbPath, flavour);

  // Our sheets' charts: drawings, chart parts, the sheets' rels and their content types.
  addChartParts(editor, placements, wbPath);

  if (newSheets.length > 0) {
    const sheets = firstChild(workbook, "sheets");
    if (!sheets) throw new WorkbookFileError("the workbook part has no sheet list; the file is damaged");
    const r = prefixFor(sheets, flavour.relationships, "r");
    for (const { name, relId } of newSheets) {
      const sheet = createLike(sheets, "sheet", { name, sheetId: String(++maxSheetId) });
      sheet.setAttributeNS(flavour.relationships, `${r}:id`, relId);
      sheets.appendChild(sheet);
    }
  }
  rewriteDefinedNames(workbook, new Set(placements.map((p) => p.index)), ourDefinedNames(placements));
  return editor.write();
}
