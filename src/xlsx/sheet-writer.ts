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

/**
 * Text encoded in pieces of a few MB as it is written: a sheet of a million rows is more XML
 * than one JavaScript string can hold (about 512 MB), so it never exists as one.
 */
export class XmlChunks {
  readonly chunks: Uint8Array[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly encoder = new TextEncoder();

  push(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars > 4_000_000) this.flush();
  }

  flush(): Uint8Array[] {
    if (this.pending.length > 0) this.chunks.push(this.encoder.encode(this.pending.join("")));
    this.pending = [];
    this.pendingChars = 0;
    return this.chunks;
  }
}

/** A SheetPlan as worksheet XML, in encoded pieces (see XmlChunks). */
export function sheetXmlParts(plan: SheetPlan, xfIndex: Readonly<Record<StyleName, number>>): Uint8Array[] {
  const rows = new XmlChunks();
  const links = new XmlChunks();
  let maxCol = 0;
  for (let r = 0; r < plan.rows.length; r++) {
    const row = plan.rows.at(r) ?? [];
    let cells = "";
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      const ref = a1(r, c);
      const style = cell.style ? ` s="${xfIndex[cell.style]}"` : "";
      const xml = valueXml(ref, cell.value, style);
      if (!xml) continue;
      cells += xml;
      if (c > maxCol) maxCol = c;
      const v = cell.value;
      if (v !== null && typeof v === "object" && v.kind === "link")
        links.push(
          `<hyperlink ref="${ref}" location="${escapeXml(`${quoteSheetName(v.sheet)}!${v.cell}`)}" display="${escapeXml(v.text)}"/>`,
        );
    }
    if (cells !== "") rows.push(`<row r="${r + 1}">${cells}</row>`);
  }
  const lastRow = Math.max(1, plan.rows.length);
  const fit = plan.print.fitToWidth;
  // The head needs the used range, known only once the rows are written; it goes first all the same.
  const head = new XmlChunks();
  head.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>`);
  head.push(
    `<sheetPr>${plan.tabColor ? `<tabColor rgb="FF${plan.tabColor}"/>` : ""}${fit ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`,
  );
  head.push(`<dimension ref="A1:${a1(lastRow - 1, maxCol)}"/>`);
  const freeze = plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) ? plan.freeze : null;
  if (freeze) {
    const topLeft = a1(freeze.rows, freeze.cols);
    const pane =
      freeze.rows > 0 && freeze.cols > 0 ? "bottomRight" : freeze.rows > 0 ? "bottomLeft" : "topRight";
    head.push(
      `<sheetViews><sheetView workbookViewId="0"><pane${freeze.cols ? ` xSplit="${freeze.cols}"` : ""}${freeze.rows ? ` ySplit="${freeze.rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`,
    );
  } else {
    head.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  }
  head.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (plan.widths.length > 0)
    head.push(
      `<cols>${plan.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`,
    );
  head.push("<sheetData>");
  const middle = new XmlChunks();
  middle.push("</sheetData>");
  if (plan.autoFilter) middle.push(`<autoFilter ref="${plan.autoFilter}"/>`);
  if (plan.merges.length > 0)
    middle.push(
      `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`,
    );
  const linkChunks = links.flush();
  const tail = new XmlChunks();
  if (linkChunks.length > 0) {
    middle.push("<hyperlinks>");
    tail.push("</hyperlinks>");
  }
  tail.push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  tail.push(
    `<pageSetup paperSize="9" orientation="${plan.print.landscape ? "landscape" : "portrait"}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`,
  );
  tail.push("</worksheet>");
  return [...head.flush(), ...rows.flush(), ...middle.flush(), ...linkChunks, ...tail.flush()];
}

/** The same XML as one string (small sheets, and tests). */
export function sheetXml(plan: SheetPlan, xfIndex: Readonly<Record<StyleName, number>>): string {
  const decoder = new TextDecoder();
  return sheetXmlParts(plan, xfIndex)
    .map((chunk) => decoder.decode(chunk))
    .join("");
}
