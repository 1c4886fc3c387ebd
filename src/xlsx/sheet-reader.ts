/**
 * A worksheet part to a grid of cell values (with number formats), read in chunks of whole
 * rows so that a sheet larger than a JavaScript string can hold still reads.
 */
import { DATE_1904_OFFSET, dayFromIso, serialFromDay } from "../core/dates";
import { errorCell, type CellValue } from "../core/grid";
import { decodeOoxmlString, decodeXml, richText } from "./xml";

export interface SheetReadContext {
  readonly sharedStrings: readonly string[];
  readonly cellFormats: readonly (string | null)[];
  readonly date1904: boolean;
}

export interface ReadSheet {
  rows: CellValue[][];
  formats: (string | null)[][];
}

const CHUNK_BYTES = 8 * 1024 * 1024;
const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ATTR_ROW_R = /\br="(\d+)"/;
const V = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/;
const F = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const IS = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/;

/** Index just before the last row start in `text` (rows before it are complete). */
function lastRowStart(text: string): number {
  let i = text.length;
  while ((i = text.lastIndexOf("row", i - 1)) > 0) {
    const before = text[i - 1];
    const after = text[i + 3];
    if (
      (before === "<" || before === ":") &&
      (after === " " || after === ">" || after === "/" || after === "\n" || after === "\t" || after === "\r")
    ) {
      const lt = text.lastIndexOf("<", i);
      return lt;
    }
  }
  return -1;
}

/** An attribute's value in a start tag's attribute text, by plain search (no regex per cell). */
function attr(attrs: string, name: string): string | undefined {
  let i = attrs.indexOf(name);
  while (i >= 0) {
    const before = i === 0 ? " " : attrs[i - 1];
    if (
      (before === " " || before === "\t" || before === "\n" || before === "\r") &&
      attrs[i + name.length] === "="
    ) {
      const quote = attrs[i + name.length + 1];
      if (quote !== '"' && quote !== "'") return undefined;
      const start = i + name.length + 2;
      const end = attrs.indexOf(quote, start);
      return end < 0 ? undefined : attrs.slice(start, end);
    }
    i = attrs.indexOf(name, i + 1);
  }
  return undefined;
}

/** 0-based column of a cell reference like "AB12", or -1. */
function refColumn(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return i === 0 || i > 3 ? -1 : n - 1;
}

/** The text of `<v>` (unprefixed, as nearly every writer has it), else by the prefix-aware pattern. */
function valueText(inner: string): string | undefined {
  const open = inner.indexOf("<v>");
  if (open >= 0) {
    const close = inner.indexOf("</v>", open + 3);
    if (close >= 0) return inner.slice(open + 3, close);
  }
  if (inner.indexOf("v>") < 0) return undefined;
  const v = V.exec(inner);
  return v ? v[1] : undefined;
}

/** Inline string: the common single run `<is><t>text</t></is>` directly, rich text by the full reader. */
function inlineText(inner: string): string {
  const is = IS.exec(inner);
  if (!is) return "";
  const body = is[1];
  if (body.startsWith("<t") && body.endsWith("</t>") && body.indexOf("<", 2) === body.length - 4) {
    const gt = body.indexOf(">");
    const tag = body.slice(0, gt);
    if (tag === "<t" || tag[2] === " ") return decodeOoxmlString(body.slice(gt + 1, body.length - 4));
  }
  return richText(body);
}

function cellValue(type: string | undefined, inner: string | undefined, ctx: SheetReadContext): CellValue {
  if (inner === undefined) return null;
  const raw = valueText(inner);
  switch (type) {
    case "s": {
      const s = raw === undefined ? undefined : ctx.sharedStrings[Number(raw)];
      return s === undefined ? null : s;
    }
    case "inlineStr":
      return inlineText(inner);
    case "str":
      if (raw !== undefined) return decodeOoxmlString(raw);
      break;
    case "b":
      if (raw !== undefined) return raw.trim() === "1" || raw.trim() === "true";
      break;
    case "e":
      if (raw !== undefined) return errorCell(decodeXml(raw).trim());
      break;
    case "d": {
      if (raw === undefined) break;
      const day = dayFromIso(raw.trim().slice(0, 10));
      if (day === null) return decodeXml(raw);
      const serial = serialFromDay(day);
      return ctx.date1904 ? serial - DATE_1904_OFFSET : serial;
    }
    default:
      if (raw !== undefined && raw.trim() !== "") {
        const n = Number(raw);
        return Number.isFinite(n) ? n : decodeXml(raw);
      }
  }
  const f = F.exec(inner);
  if (f) return { kind: "uncalculated", formula: f[1] !== undefined ? decodeXml(f[1]) : "(shared formula)" };
  return null;
}

function readRows(text: string, out: ReadSheet, ctx: SheetReadContext, state: { nextRow: number }): void {
  ROW.lastIndex = 0;
  let rm: RegExpExecArray | null;
  while ((rm = ROW.exec(text)) !== null) {
    const rAttr = ATTR_ROW_R.exec(rm[1]);
    const r = rAttr ? Number(rAttr[1]) - 1 : state.nextRow;
    state.nextRow = r + 1;
    const body = rm[2];
    if (body === undefined || r < 0 || r > 1048575) continue;
    const values: CellValue[] = out.rows[r] ?? [];
    let formats: (string | null)[] | undefined = out.formats[r];
    let nextCol = 0;
    CELL.lastIndex = 0;
    let cm: RegExpExecArray | null;
    while ((cm = CELL.exec(body)) !== null) {
      const attrs = cm[1];
      const ref = attr(attrs, "r");
      const refCol = ref !== undefined ? refColumn(ref) : -1;
      const c = refCol >= 0 ? refCol : nextCol; // no (or no readable) reference: the next column
      nextCol = c + 1;
      if (c < 0 || c > 16383) continue;
      const value = cellValue(attr(attrs, "t"), cm[2], ctx);
      if (value === null) continue;
      values[c] = value;
      const s = attr(attrs, "s");
      const format = s !== undefined ? (ctx.cellFormats[Number(s)] ?? null) : null;
      if (format !== null) {
        formats ??= out.formats[r] = [];
        formats[c] = format;
      }
    }
    if (values.length > 0) out.rows[r] = values;
  }
}

export function readSheetXml(bytes: Uint8Array, ctx: SheetReadContext): ReadSheet {
  const out: ReadSheet = { rows: [], formats: [] };
  const decoder = new TextDecoder("utf-8");
  const state = { nextRow: 0 };
  let carry = "";
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    const end = Math.min(bytes.length, offset + CHUNK_BYTES);
    const text = carry + decoder.decode(bytes.subarray(offset, end), { stream: end < bytes.length });
    if (end >= bytes.length) {
      carry = text;
      break;
    }
    const cut = lastRowStart(text);
    if (cut <= 0) {
      carry = text;
      continue;
    }
    readRows(text.slice(0, cut), out, ctx, state);
    carry = text.slice(cut);
  }
  readRows(carry, out, ctx, state);
  // Fill holes so that every consumer sees real (possibly empty) rows.
  for (let i = 0; i < out.rows.length; i++) if (!out.rows[i]) out.rows[i] = [];
  return out;
}
