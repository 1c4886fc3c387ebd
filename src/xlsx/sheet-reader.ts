/**
 * A worksheet part to a grid of cell values (with number formats), read in chunks of whole
 * rows so that a sheet larger than a JavaScript string can hold still reads.
 */
import { columnIndex } from "../core/a1";
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
const ATTR_R = /\br="([A-Za-z]{1,3})(\d+)"/;
const ATTR_ROW_R = /\br="(\d+)"/;
const ATTR_S = /\bs="(\d+)"/;
const ATTR_T = /\bt="(\w+)"/;
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

function cellValue(type: string | undefined, inner: string | undefined, ctx: SheetReadContext): CellValue {
  if (inner === undefined) return null;
  const v = V.exec(inner);
  const raw = v ? v[1] : undefined;
  switch (type) {
    case "s": {
      const s = raw === undefined ? undefined : ctx.sharedStrings[Number(raw)];
      return s === undefined ? null : s;
    }
    case "inlineStr": {
      const is = IS.exec(inner);
      return is ? richText(is[1]) : "";
    }
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
      const ref = ATTR_R.exec(attrs);
      const c = ref ? columnIndex(ref[1]) : nextCol;
      nextCol = c + 1;
      if (c < 0 || c > 16383) continue;
      const value = cellValue(ATTR_T.exec(attrs)?.[1], cm[2], ctx);
      if (value === null) continue;
      values[c] = value;
      const s = ATTR_S.exec(attrs);
      const format = s ? (ctx.cellFormats[Number(s[1])] ?? null) : null;
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
