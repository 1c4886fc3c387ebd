/**
 * Writes a WorkbookPlan into an existing .xlsx package surgically: our sheets' parts are added
 * or replaced, styles.xml gains our styles, workbook.xml gains the sheets and their names, and
 * every other part (registers, charts, pivot tables, images, comments, data validation,
 * conditional formats, defined names) is copied byte for byte.
 */
import { strToU8 } from "fflate";
import { quoteSheetName } from "../core/a1";
import type { SheetPlan, WorkbookPlan } from "../core/plan/sheet-plan";
import { IMPORT_ROLE, OWNERSHIP_PREFIX, ownershipName } from "../core/plan/sheet-names";
import { chartParts } from "./chart-parts";
import { WorkbookFileError } from "./errors";
import { ownedRoles } from "./ownership";
import type { XlsxPackage } from "./package";
import { sheetXmlDeflated, sheetXmlParts } from "./sheet-writer";
import { mergeStyles } from "./styles-writer";
import {
  readRelationships,
  relsPathFor,
  resolveTarget,
  workbookPath,
  type WorkbookInfo,
} from "./workbook-part";
import { escapeXml } from "./xml";
import type { ZipCodec } from "./codec";
import { partLength, writeZip, type DeflatedRuns, type PartBytes, type ZipPart } from "./zip";

const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

interface Placement {
  readonly plan: SheetPlan;
  readonly path: string;
  /** 0-based position among the workbook's sheets. */
  readonly index: number;
}

/** Text inserted just before the closing tag of `tag` (any namespace prefix). */
function insertBeforeClose(xml: string, tag: string, text: string): string {
  const close = new RegExp(`</(?:\\w+:)?${tag}>`);
  const m = close.exec(xml);
  if (!m) throw new WorkbookFileError(`the workbook's ${tag} list is missing; the file is damaged`);
  return xml.slice(0, m.index) + text + xml.slice(m.index);
}

function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** Defined names that belong to our sheets (ownership, print titles, filter ranges), to rewrite. */
function definedNamesXml(placements: readonly Placement[]): string {
  const names: string[] = [];
  for (const { plan, index } of placements) {
    if (plan.role === IMPORT_ROLE) continue; // an imported register is the user's from now on
    const sheet = quoteSheetName(plan.name);
    names.push(
      `<definedName name="${ownershipName(plan.role)}" hidden="1">${escapeXml(`${sheet}!$A$1`)}</definedName>`,
    );
    if (plan.print.repeatRows) {
      const [first, last] = plan.print.repeatRows;
      names.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${sheet}!$${first}:$${last}`)}</definedName>`,
      );
    }
    if (plan.autoFilter) {
      const [from, to] = plan.autoFilter.split(":").map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"));
      names.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(`${sheet}!${from}:${to}`)}</definedName>`,
      );
    }
  }
  return names.join("");
}

function rewriteDefinedNames(xml: string, ourIndexes: ReadonlySet<number>, ours: string): string {
  const kept = xml.replace(
    /<(?:\w+:)?definedName\b([^>]*)>[\s\S]*?<\/(?:\w+:)?definedName>/g,
    (whole, attrs: string) => {
      const local = /localSheetId="(\d+)"/.exec(attrs);
      const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
      if (name?.startsWith(OWNERSHIP_PREFIX)) return "";
      return local && ourIndexes.has(Number(local[1])) ? "" : whole;
    },
  );
  if (/<(?:\w+:)?definedNames\b[^>]*\/>/.test(kept))
    return kept.replace(/<((?:\w+:)?)definedNames\b([^>]*)\/>/, `<$1definedNames$2>${ours}</$1definedNames>`);
  if (/<\/(?:\w+:)?definedNames>/.test(kept)) return insertBeforeClose(kept, "definedNames", ours);
  // definedNames comes after sheets, functionGroups and externalReferences.
  for (const tag of ["externalReferences", "functionGroups", "sheets"]) {
    const m = new RegExp(`</(?:\\w+:)?${tag}>`).exec(kept);
    if (m) {
      const at = m.index + m[0].length;
      return kept.slice(0, at) + `<definedNames>${ours}</definedNames>` + kept.slice(at);
    }
  }
  throw new WorkbookFileError("the workbook part has no sheet list; the file is damaged");
}

/** Ensure styles.xml exists and is related to the workbook; returns its path. */
function stylesPath(pkg: XlsxPackage, wbPath: string): string | null {
  const rel = readRelationships(pkg, wbPath).find((r) => r.type === STYLES_TYPE);
  return rel ? resolveTarget(wbPath, rel.target) : null;
}

/** Large parts are deflated fast (level 1: a few percent larger, several times quicker); small ones well. */
function levelFor(data: PartBytes): 1 | 6 {
  return partLength(data) > 1_000_000 ? 1 : 6;
}

/** Our sheet's part: compressed as it is written when the codec can (a million rows never whole). */
function sheetPart(
  plan: SheetPlan,
  xfIndex: Parameters<typeof sheetXmlParts>[1],
  codec: ZipCodec,
): PartBytes | DeflatedRuns {
  const { deflateRun } = codec;
  if (!deflateRun) return sheetXmlParts(plan, xfIndex);
  const level = plan.rows.length > 20_000 ? 1 : 6;
  return sheetXmlDeflated(plan, xfIndex, (piece) => deflateRun(piece, level));
}

function changedPart(name: string, data: PartBytes | DeflatedRuns): ZipPart {
  return "runs" in data ? { name, deflated: data } : { name, data, level: levelFor(data) };
}

export function writePlanIntoPackage(pkg: XlsxPackage, info: WorkbookInfo, plan: WorkbookPlan): Uint8Array {
  const wbPath = workbookPath(pkg);
  let workbookXml = pkg.text(wbPath) ?? "";
  if (/<(?:\w+:)?workbookProtection\b[^>]*lockStructure="(?:1|true)"/.test(workbookXml))
    throw new WorkbookFileError(
      "the workbook's structure is protected, so sheets cannot be added; unprotect the workbook (Review > Protect Workbook) and run again",
    );

  const relsPath = relsPathFor(wbPath);
  let relsXml =
    pkg.text(relsPath) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  let contentTypes = pkg.text("[Content_Types].xml") ?? "";
  const changed = new Map<string, PartBytes | DeflatedRuns>();
  const removed = new Set<string>();

  const owned = ownedRoles(info);
  const roleIndex = new Map([...owned].map(([index, role]) => [role, index]));
  const usedRelIds = new Set(readRelationships(pkg, wbPath).map((r) => r.id));
  const usedPaths = new Set(pkg.parts.map((p) => p.name.toLowerCase()));
  let maxSheetId = Math.max(0, ...info.sheets.map((s) => Number(s.sheetId) || 0));
  let sheetCount = info.sheets.length;
  const placements: Placement[] = [];
  const newSheets: string[] = [];

  for (const sheetPlan of plan.sheets) {
    const index = roleIndex.get(sheetPlan.role);
    if (index !== undefined) {
      const entry = info.sheets[index];
      if (!entry.path)
        throw new WorkbookFileError(`the sheet '${entry.name}' has no part; the file is damaged`);
      placements.push({ plan: sheetPlan, path: entry.path, index });
      // Our sheet's own relationships (a drawing someone added to it) go with its old content.
      const sheetRels = relsPathFor(entry.path);
      if (pkg.has(sheetRels)) removed.add(sheetRels);
      continue;
    }
    if (info.sheets.some((s) => s.name.toLowerCase() === sheetPlan.name.toLowerCase()))
      throw new WorkbookFileError(
        `a sheet named '${sheetPlan.name}' that PMO Rollup did not write is in the way; it was left untouched`,
      );
    let n = 1;
    while (usedPaths.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const path = `xl/worksheets/sheet${n}.xml`;
    usedPaths.add(path);
    let rid = 1;
    while (usedRelIds.has(`rId${rid}`)) rid++;
    const relId = `rId${rid}`;
    usedRelIds.add(relId);
    relsXml = insertBeforeClose(
      relsXml,
      "Relationships",
      `<Relationship Id="${relId}" Type="${WORKSHEET_TYPE}" Target="${relativeTarget(wbPath, path)}"/>`,
    );
    contentTypes = insertBeforeClose(
      contentTypes,
      "Types",
      `<Override PartName="/${path}" ContentType="${WORKSHEET_CT}"/>`,
    );
    newSheets.push(`<sheet name="${escapeXml(sheetPlan.name)}" sheetId="${++maxSheetId}" r:id="${relId}"/>`);
    placements.push({ plan: sheetPlan, path, index: sheetCount++ });
  }

  // styles.xml: ours appended (or found already there).
  let styles = stylesPath(pkg, wbPath);
  const merged = mergeStyles(styles ? pkg.text(styles) : undefined);
  if (!styles) {
    styles = "xl/styles.xml";
    let rid = 1;
    while (usedRelIds.has(`rId${rid}`)) rid++;
    relsXml = insertBeforeClose(
      relsXml,
      "Relationships",
      `<Relationship Id="rId${rid}" Type="${STYLES_TYPE}" Target="${relativeTarget(wbPath, styles)}"/>`,
    );
    if (!contentTypes.includes('PartName="/xl/styles.xml"'))
      contentTypes = insertBeforeClose(
        contentTypes,
        "Types",
        `<Override PartName="/xl/styles.xml" ContentType="${STYLES_CT}"/>`,
      );
  }
  changed.set(styles, strToU8(merged.xml));

  for (const { plan: sheetPlan, path } of placements)
    changed.set(path, sheetPart(sheetPlan, merged.xfIndex, pkg.codec));

  // Our sheets' charts: drawings, chart parts, the sheets' rels and their content types.
  const drawn = chartParts(pkg, placements, contentTypes);
  contentTypes = drawn.contentTypes;
  for (const name of drawn.removed) removed.add(name);
  for (const [name, data] of drawn.parts) changed.set(name, data);

  if (newSheets.length > 0) {
    if (!/xmlns:r=/.test(workbookXml))
      workbookXml = workbookXml.replace(
        /<((?:\w+:)?)workbook\b/,
        '<$1workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
      );
    workbookXml = insertBeforeClose(workbookXml, "sheets", newSheets.join(""));
  }
  workbookXml = rewriteDefinedNames(
    workbookXml,
    new Set(placements.map((p) => p.index)),
    definedNamesXml(placements),
  );
  changed.set(wbPath, strToU8(workbookXml));
  changed.set(relsPath, strToU8(relsXml));
  changed.set("[Content_Types].xml", strToU8(contentTypes));

  // Parts we did not change are copied as stored (still compressed); ours are deflated.
  const files: ZipPart[] = [];
  const written = new Set<string>();
  for (const { name } of pkg.parts) {
    if (removed.has(name) || written.has(name)) continue;
    written.add(name);
    const data = changed.get(name);
    changed.delete(name);
    if (data) {
      files.push(changedPart(name, data));
      continue;
    }
    const stored = pkg.stored(name);
    if (stored) files.push({ name, stored });
    else {
      const inflated = pkg.partOnce(name);
      if (inflated) files.push({ name, data: inflated, level: levelFor(inflated) });
    }
  }
  for (const [name, data] of changed) files.push(changedPart(name, data));
  return writeZip(files, pkg.codec);
}
