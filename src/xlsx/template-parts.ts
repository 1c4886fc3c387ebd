/**
 * The worksheet markup of register templates (core/plan/template-plan.ts): column styles, data
 * validations with their input messages, and Excel table parts. Used by the sheet writer and the
 * package writer for plans that carry them; other plans are written exactly as before.
 */
import type { PlanTable, PlanValidation, SheetPlan } from "../core/plan/sheet-plan";
import type { StyleName } from "../core/plan/styles";
import type { PackageEditor } from "./package-editor";
import { escapeXml } from "./xml";

export const TABLE_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
/** The relationship ID of a template sheet's table in the sheet's own (new) relationships part. */
export const TABLE_REL_ID = "rIdTable1";

/** `<cols>`, with each column's default style when the plan gives one. */
export function colsXml(plan: SheetPlan, xfIndex: Readonly<Record<StyleName, number>>): string {
  if (plan.widths.length === 0) return "";
  const cols = plan.widths.map((w, i) => {
    const style = plan.columnStyles?.[i];
    const s = style ? ` style="${xfIndex[style]}"` : "";
    return `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${s}/>`;
  });
  return `<cols>${cols.join("")}</cols>`;
}

function listFormula(list: NonNullable<PlanValidation["list"]>): string {
  return "range" in list ? list.range : `"${list.join(",")}"`;
}

function boundsXml(v: PlanValidation): { operator: string; formulas: string } | null {
  if (v.min !== undefined && v.max !== undefined)
    return { operator: "between", formulas: `<formula1>${v.min}</formula1><formula2>${v.max}</formula2>` };
  if (v.min !== undefined)
    return { operator: "greaterThanOrEqual", formulas: `<formula1>${v.min}</formula1>` };
  if (v.max !== undefined) return { operator: "lessThanOrEqual", formulas: `<formula1>${v.max}</formula1>` };
  return null;
}

function validationXml(v: PlanValidation): string {
  const common = `allowBlank="1" showInputMessage="1" promptTitle="${escapeXml(v.promptTitle)}" prompt="${escapeXml(v.prompt)}" sqref="${v.sqref}"`;
  const error = v.error
    ? ` showErrorMessage="1"${v.strict ? "" : ' errorStyle="warning"'} error="${escapeXml(v.error)}"`
    : "";
  if (v.kind === "list" && v.list)
    return `<dataValidation type="list"${error} ${common}><formula1>${escapeXml(listFormula(v.list))}</formula1></dataValidation>`;
  const bounds = v.kind === "any" || v.kind === "list" ? null : boundsXml(v);
  if (!bounds) return `<dataValidation ${common}/>`;
  return `<dataValidation type="${v.kind}" operator="${bounds.operator}"${error} ${common}>${bounds.formulas}</dataValidation>`;
}

/** `<dataValidations>` (after mergeCells, before hyperlinks in a worksheet). */
export function dataValidationsXml(plan: SheetPlan): string {
  const list = plan.validations ?? [];
  if (list.length === 0) return "";
  return `<dataValidations count="${list.length}">${list.map(validationXml).join("")}</dataValidations>`;
}

/** `<tableParts>` (near the end of a worksheet, after pageSetup). */
export function tablePartsXml(plan: SheetPlan): string {
  return plan.table ? `<tableParts count="1"><tablePart r:id="${TABLE_REL_ID}"/></tableParts>` : "";
}

/** A table part, in the package's SpreadsheetML namespace (transitional or Strict). */
export function tableXml(table: PlanTable, id: number, namespace: string): string {
  const columns = table.columns
    .map((name, i) => `<tableColumn id="${i + 1}" name="${escapeXml(name)}"/>`)
    .join("");
  const name = escapeXml(table.name);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${namespace}" id="${id}" name="${name}" displayName="${name}" ref="${table.ref}" totalsRowShown="0"><autoFilter ref="${table.ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

/** A template sheet's own relationships: its table, under the Id its `<tablePart>` names. */
export function sheetRelsXml(tableTarget: string, tableType: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="${TABLE_REL_ID}" Type="${tableType}" Target="${escapeXml(tableTarget)}"/></Relationships>`;
}

/** The ids and names of the tables already in the package (both must stay unique). */
export function existingTables(editor: PackageEditor): { maxId: number; names: string[] } {
  let maxId = 0;
  const names: string[] = [];
  for (const { name } of editor.pkg.parts) {
    if (editor.contentTypeOf(name) !== TABLE_CT) continue;
    const head = (editor.pkg.text(name) ?? "").slice(0, 2000);
    const tag = /<(?:\w+:)?table\b([^>]*)>/.exec(head)?.[1] ?? "";
    const id = Number(/\bid="(\d+)"/.exec(tag)?.[1] ?? 0);
    maxId = Math.max(maxId, id);
    const display = /\bdisplayName="([^"]*)"/.exec(tag)?.[1];
    if (display) names.push(display);
  }
  return { maxId, names };
}
