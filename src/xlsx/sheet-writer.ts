/**
 * A SheetPlan to worksheet XML. Every string is an inline string, so nothing a user typed can
 * become a formula; links point only at cells inside the workbook (a `location`, no target).
 */
import { a1, quoteSheetName } from "../core/a1";
import { serialFromDay } from "../core/dates";
import type { PlanValue, SheetPlan } from "../core/plan/sheet-plan";
import type { StyleName } from "../core/plan/styles";
import { escapeOoxmlString, escapeXml } from "./xml";

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Excel's limit on the text of one cell. */
export const MAX_CELL_CHARS = 32_767;

const KEEP_SPACE = /^\s|\s$|[\t\n\r]/;

function textCell(ref: string, style: string, text: string): string {
  const clipped = text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS - 1) + "…" : text;
  // Whitespace at either end (or a line break) is kept only when the text says so.
  const space = KEEP_SPACE.test(clipped) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeOoxmlString(clipped)}</t></is></c>`;
}

function valueXml(ref: string, value: PlanValue, style: string): string {
  if (value === null || value === "") return style ? `<c r="${ref}"${style}/>` : "";
  if (typeof value === "string") return textCell(ref, style, value);
  if (typeof value === "number")
    return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : `<c r="${ref}"${style}/>`;
  if (typeof value === "boolean") return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  switch (value.kind) {
    case "date":
      return `<c r="${ref}"${style}><v>${serialFromDay(value.day)}</v></c>`;
    case "datetime":
      return `<c r="${ref}"${style}><v>${value.serial}</v></c>`;
    case "link":
      return textCell(ref, style, value.text);
  }
}

export function sheetXml(plan: SheetPlan, xfIndex: Readonly<Record<StyleName, number>>): string {
  const out: string[] = [];
  const links: string[] = [];
  let maxCol = 0;
  const rowsXml: string[] = [];
  for (let r = 0; r < plan.rows.length; r++) {
    const row = plan.rows.at(r) ?? [];
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (!cell) return;
      const ref = a1(r, c);
      const style = cell.style ? ` s="${xfIndex[cell.style]}"` : "";
      const xml = valueXml(ref, cell.value, style);
      if (!xml) return;
      cells.push(xml);
      maxCol = Math.max(maxCol, c);
      const v = cell.value;
      if (v !== null && typeof v === "object" && v.kind === "link")
        links.push(
          `<hyperlink ref="${ref}" location="${escapeXml(`${quoteSheetName(v.sheet)}!${v.cell}`)}" display="${escapeXml(v.text)}"/>`,
        );
    });
    if (cells.length > 0) rowsXml.push(`<row r="${r + 1}">${cells.join("")}</row>`);
  }
  const lastRow = Math.max(1, plan.rows.length);
  const fit = plan.print.fitToWidth;
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>`);
  out.push(
    `<sheetPr>${plan.tabColor ? `<tabColor rgb="FF${plan.tabColor}"/>` : ""}${fit ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`,
  );
  out.push(`<dimension ref="A1:${a1(lastRow - 1, maxCol)}"/>`);
  const freeze = plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) ? plan.freeze : null;
  if (freeze) {
    const topLeft = a1(freeze.rows, freeze.cols);
    const pane =
      freeze.rows > 0 && freeze.cols > 0 ? "bottomRight" : freeze.rows > 0 ? "bottomLeft" : "topRight";
    out.push(
      `<sheetViews><sheetView workbookViewId="0"><pane${freeze.cols ? ` xSplit="${freeze.cols}"` : ""}${freeze.rows ? ` ySplit="${freeze.rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`,
    );
  } else {
    out.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  }
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (plan.widths.length > 0)
    out.push(
      `<cols>${plan.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`,
    );
  out.push(`<sheetData>${rowsXml.join("")}</sheetData>`);
  if (plan.autoFilter) out.push(`<autoFilter ref="${plan.autoFilter}"/>`);
  if (plan.merges.length > 0)
    out.push(
      `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`,
    );
  if (links.length > 0) out.push(`<hyperlinks>${links.join("")}</hyperlinks>`);
  out.push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  out.push(
    `<pageSetup paperSize="9" orientation="${plan.print.landscape ? "landscape" : "portrait"}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`,
  );
  out.push("</worksheet>");
  return out.join("");
}
