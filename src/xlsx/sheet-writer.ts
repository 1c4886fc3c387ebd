/**
 * A SheetPlan to worksheet XML. Every string is an inline string, so nothing a user typed can
 * become a formula; links point only at cells inside the workbook (a `location`, no target).
 */
import { a1, columnLetter, quoteSheetName } from "../core/a1";
import { serialFromDay } from "../core/dates";
import type { PlanValue, SheetPlan } from "../core/plan/sheet-plan";
import type { StyleName } from "../core/plan/styles";
import { colsXml, dataValidationsXml, tablePartsXml } from "./template-parts";
import { TRANSITIONAL, type OoxmlFlavour } from "./ooxml-flavour";
import { escapeOoxmlString, escapeXml } from "./xml";
import { DeflatedRunsBuilder, joinRuns, type DeflatedRuns } from "./zip";
import { DRAWING_REL_ID } from "./chart-parts";

const namespaces = (flavour: OoxmlFlavour) =>
  `xmlns="${flavour.spreadsheetml}" xmlns:r="${flavour.relationships}"`;

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

  /**
   * With a sink, each full buffer is handed to it (and then reused) instead of kept: a sink that
   * compresses at once keeps a million-row sheet's XML from ever being in memory whole.
   */
  constructor(private readonly sink?: (chunk: Uint8Array) => void) {}

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    this.emit();
    if (bytes > this.buffer.length) this.buffer = new Uint8Array(bytes);
  }

  private emit(): void {
    if (this.at === 0) return;
    if (this.sink) this.sink(this.buffer.subarray(0, this.at));
    else {
      this.chunks.push(this.buffer.subarray(0, this.at));
      this.buffer = new Uint8Array(Math.max(CHUNK_BYTES, this.buffer.length));
    }
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

  /** The bytes written so far, in pieces (none kept when a sink took them); the writer starts afresh. */
  flush(): Uint8Array[] {
    this.emit();
    this.buffer = new Uint8Array(0);
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

/** The worksheet's XML around its rows and its links (small), in the order they appear. */
interface SheetFrame {
  readonly head: string;
  readonly middle: string;
  readonly tail: string;
}

/** Writes the rows' XML into `rows` and the hyperlinks' into `links`; returns the rest. */
function writeSheet(
  plan: SheetPlan,
  xfIndex: Readonly<Record<StyleName, number>>,
  rows: XmlBytes,
  links: XmlBytes,
  flavour: OoxmlFlavour,
): SheetFrame {
  let maxCol = 0;
  let anyLink = false;
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
        anyLink = true;
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
  const head: string[] = [];
  head.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${namespaces(flavour)}>`);
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
  head.push(colsXml(plan, xfIndex));
  head.push("<sheetData>");
  const middle: string[] = ["</sheetData>"];
  if (plan.autoFilter) middle.push(`<autoFilter ref="${plan.autoFilter}"/>`);
  if (plan.merges.length > 0)
    middle.push(
      `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`,
    );
  middle.push(dataValidationsXml(plan));
  const tail: string[] = [];
  if (anyLink) {
    middle.push("<hyperlinks>");
    tail.push("</hyperlinks>");
  }
  tail.push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  tail.push(
    `<pageSetup paperSize="9" orientation="${plan.print.landscape ? "landscape" : "portrait"}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`,
  );
  if (plan.charts && plan.charts.length > 0) tail.push(`<drawing r:id="${DRAWING_REL_ID}"/>`); // chart-parts.ts
  tail.push(tablePartsXml(plan));
  tail.push("</worksheet>");
  return { head: head.join(""), middle: middle.join(""), tail: tail.join("") };
}

/** A SheetPlan as worksheet XML, in encoded pieces (see XmlBytes). */
export function sheetXmlParts(
  plan: SheetPlan,
  xfIndex: Readonly<Record<StyleName, number>>,
  flavour: OoxmlFlavour = TRANSITIONAL,
): Uint8Array[] {
  const rows = new XmlBytes();
  const links = new XmlBytes();
  const frame = writeSheet(plan, xfIndex, rows, links, flavour);
  const encode = (text: string) => new TextEncoder().encode(text);
  return [encode(frame.head), ...rows.flush(), encode(frame.middle), ...links.flush(), encode(frame.tail)];
}

/**
 * A SheetPlan as a deflated worksheet part, compressed as it is written: each full buffer of
 * rows (and of links, which come after the rows in the file) becomes an independent deflate run
 * at once, and the small head is compressed last but put first. Needs a codec that makes
 * independent runs (Node's zlib); others use sheetXmlParts.
 */
export function sheetXmlDeflated(
  plan: SheetPlan,
  xfIndex: Readonly<Record<StyleName, number>>,
  deflateRun: (piece: Uint8Array) => Uint8Array,
  flavour: OoxmlFlavour = TRANSITIONAL,
): DeflatedRuns {
  const rows = new DeflatedRunsBuilder(deflateRun);
  const links = new DeflatedRunsBuilder(deflateRun);
  const rowBytes = new XmlBytes((chunk) => rows.add(chunk));
  const linkBytes = new XmlBytes((chunk) => links.add(chunk));
  const frame = writeSheet(plan, xfIndex, rowBytes, linkBytes, flavour);
  rowBytes.flush();
  linkBytes.flush();
  const piece = (text: string) => new DeflatedRunsBuilder(deflateRun).add(new TextEncoder().encode(text));
  return joinRuns([piece(frame.head), rows, piece(frame.middle), links, piece(frame.tail)]);
}

/** The same XML as one string (small sheets, and tests). */
export function sheetXml(plan: SheetPlan, xfIndex: Readonly<Record<StyleName, number>>): string {
  const decoder = new TextDecoder();
  return sheetXmlParts(plan, xfIndex)
    .map((chunk) => decoder.decode(chunk))
    .join("");
}
