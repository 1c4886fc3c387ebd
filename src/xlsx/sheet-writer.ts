/**
 * A SheetPlan to worksheet XML. Every string is an inline string, so nothing a user typed can
 * become a formula; links point only at cells inside the workbook (a `location`, no target).
 */
import { a1, columnLetter, quoteSheetName } from "../core/a1";
import { serialFromDay } from "../core/dates";
import type { PlanValue, SheetPlan } from "../core/plan/sheet-plan";
import type { StyleName } from "../core/plan/styles";
import { escapeOoxmlString, escapeXml } from "./xml";

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Excel's limit on the text of one cell. */
export const MAX_CELL_CHARS = 32_767;

const KEEP_SPACE = /^\s|\s$|[\t\n\r]/;

/**
 * XML written straight into byte buffers of a few MB: no string per cell or row (a sheet of a
 * million rows made that way spent most of its time collecting garbage), and no single string
 * for the whole sheet, which at a million rows is more than JavaScript can hold (about 512 MB).
 */
const CHUNK_BYTES = 4 * 1024 * 1024;

export class XmlBytes {
  readonly chunks: Uint8Array[] = [];
  private buffer = new Uint8Array(CHUNK_BYTES);
  private at = 0;
  private readonly encoder = new TextEncoder();

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    if (this.at > 0) this.chunks.push(this.buffer.subarray(0, this.at));
    this.buffer = new Uint8Array(Math.max(CHUNK_BYTES, bytes));
    this.at = 0;
  }

  /** Text known to be ASCII: markup, references, numbers. */
  ascii(text: string): void {
    this.room(text.length);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.at = at;
  }

  /** Any text, as UTF-8. */
  text(text: string): void {
    this.room(text.length * 3);
    this.at += this.encoder.encodeInto(text, this.buffer.subarray(this.at)).written;
  }

  /** The bytes written so far, in pieces; the writer starts afresh. */
  flush(): Uint8Array[] {
    if (this.at > 0) this.chunks.push(this.buffer.subarray(0, this.at));
    this.buffer = new Uint8Array(0);
    this.at = 0;
    return this.chunks;
  }
}

function textCell(out: XmlBytes, text: string): void {
  const clipped = text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS - 1) + "…" : text;
  // Whitespace at either end (or a line break) is kept only when the text says so.
  out.ascii(
    KEEP_SPACE.test(clipped) ? ' t="inlineStr"><is><t xml:space="preserve">' : ' t="inlineStr"><is><t>',
  );
  out.text(escapeOoxmlString(clipped));
  out.ascii("</t></is></c>");
}

/** The rest of a cell after `<c r="A1" s="2"`, for a value that is not empty. */
function valueXml(out: XmlBytes, value: Exclude<PlanValue, null>): void {
  if (typeof value === "string") return textCell(out, value);
  if (typeof value === "number") return out.ascii(`><v>${value}</v></c>`);
  if (typeof value === "boolean") return out.ascii(` t="b"><v>${value ? 1 : 0}</v></c>`);
  switch (value.kind) {
    case "date":
      return out.ascii(`><v>${serialFromDay(value.day)}</v></c>`);
    case "datetime":
      return out.ascii(`><v>${value.serial}</v></c>`);
    case "link":
      return textCell(out, value.text);
  }
}

/** A SheetPlan as worksheet XML, in encoded pieces (see XmlBytes). */
export function sheetXmlParts(plan: SheetPlan, xfIndex: Readonly<Record<StyleName, number>>): Uint8Array[] {
  const rows = new XmlBytes();
  const links = new XmlBytes();
  let maxCol = 0;
  // Column letters and style attributes made once per sheet, not once per cell.
  const letters: string[] = [];
  const styleAttrs = new Map<StyleName, string>();
  for (let r = 0; r < plan.rows.length; r++) {
    const row = plan.rows.at(r) ?? [];
    const rowNumber = String(r + 1);
    let open = false;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      const value = cell.value;
      const empty = value === null || value === "" || (typeof value === "number" && !Number.isFinite(value));
      if (empty && !cell.style) continue;
      if (!open) {
        rows.ascii(`<row r="${rowNumber}">`);
        open = true;
      }
      const ref = (letters[c] ??= columnLetter(c)) + rowNumber;
      rows.ascii(`<c r="${ref}"`);
      if (cell.style) {
        let style = styleAttrs.get(cell.style);
        if (style === undefined) styleAttrs.set(cell.style, (style = ` s="${xfIndex[cell.style]}"`));
        rows.ascii(style);
      }
      if (empty) rows.ascii("/>");
      else valueXml(rows, value);
      if (c > maxCol) maxCol = c;
      if (value !== null && typeof value === "object" && value.kind === "link") {
        links.ascii(`<hyperlink ref="${ref}" location="`);
        links.text(escapeXml(`${quoteSheetName(value.sheet)}!${value.cell}`));
        links.ascii('" display="');
        links.text(escapeXml(value.text));
        links.ascii('"/>');
      }
    }
    if (open) rows.ascii("</row>");
  }
  const lastRow = Math.max(1, plan.rows.length);
  const fit = plan.print.fitToWidth;
  // The head needs the used range, known only once the rows are written; it goes first all the same.
  const head = new XmlBytes();
  head.text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>`);
  head.text(
    `<sheetPr>${plan.tabColor ? `<tabColor rgb="FF${plan.tabColor}"/>` : ""}${fit ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`,
  );
  head.text(`<dimension ref="A1:${a1(lastRow - 1, maxCol)}"/>`);
  const freeze = plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) ? plan.freeze : null;
  if (freeze) {
    const topLeft = a1(freeze.rows, freeze.cols);
    const pane =
      freeze.rows > 0 && freeze.cols > 0 ? "bottomRight" : freeze.rows > 0 ? "bottomLeft" : "topRight";
    head.text(
      `<sheetViews><sheetView workbookViewId="0"><pane${freeze.cols ? ` xSplit="${freeze.cols}"` : ""}${freeze.rows ? ` ySplit="${freeze.rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`,
    );
  } else {
    head.text('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  }
  head.text('<sheetFormatPr defaultRowHeight="15"/>');
  if (plan.widths.length > 0)
    head.text(
      `<cols>${plan.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`,
    );
  head.text("<sheetData>");
  const middle = new XmlBytes();
  middle.text("</sheetData>");
  if (plan.autoFilter) middle.text(`<autoFilter ref="${plan.autoFilter}"/>`);
  if (plan.merges.length > 0)
    middle.text(
      `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`,
    );
  const linkChunks = links.flush();
  const tail = new XmlBytes();
  if (linkChunks.length > 0) {
    middle.text("<hyperlinks>");
    tail.text("</hyperlinks>");
  }
  tail.text('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  tail.text(
    `<pageSetup paperSize="9" orientation="${plan.print.landscape ? "landscape" : "portrait"}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`,
  );
  tail.text("</worksheet>");
  return [...head.flush(), ...rows.flush(), ...middle.flush(), ...linkChunks, ...tail.flush()];
}

/** The same XML as one string (small sheets, and tests). */
export function sheetXml(plan: SheetPlan, xfIndex: Readonly<Record<StyleName, number>>): string {
  const decoder = new TextDecoder();
  return sheetXmlParts(plan, xfIndex)
    .map((chunk) => decoder.decode(chunk))
    .join("");
}
