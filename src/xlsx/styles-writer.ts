/**
 * Adds our named styles to a workbook's styles.xml, after everything already there, so that
 * every existing style index keeps its meaning. Returns the cellXfs index of each style.
 */
import { STYLES, type CellStyle, type StyleName } from "../core/plan/styles";
import { escapeXml } from "./xml";

export const EMPTY_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The child elements of a block, as written (e.g. each <font> of <fonts>). */
function childrenOf(xml: string, block: string, child: string): string[] {
  const m = new RegExp(`<(?:\\w+:)?${block}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${block}>)`).exec(xml);
  if (!m || m[1] === undefined) return [];
  return (
    m[1].match(new RegExp(`<(?:\\w+:)?${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${child}>)`, "g")) ?? []
  );
}

/** Append children to <tag>…</tag> (creating it before `before` if absent) and fix its count. */
function appendTo(
  xml: string,
  tag: string,
  children: string,
  total: number,
  before: readonly string[],
): string {
  const open = new RegExp(`<((?:\\w+:)?)${tag}\\b([^>]*?)(/?)>`);
  const m = open.exec(xml);
  if (m) {
    const prefix = m[1];
    const attrs = m[2].replace(/\s*count="\d*"/, "");
    if (m[3] === "/")
      return xml.replace(m[0], `<${prefix}${tag}${attrs} count="${total}">${children}</${prefix}${tag}>`);
    const close = `</${prefix}${tag}>`;
    const at = xml.indexOf(close, m.index);
    return (
      xml.slice(0, m.index) +
      `<${prefix}${tag}${attrs} count="${total}">` +
      xml.slice(m.index + m[0].length, at) +
      children +
      xml.slice(at)
    );
  }
  const block = `<${tag} count="${total}">${children}</${tag}>`;
  for (const next of before) {
    const i = xml.search(new RegExp(`<(?:\\w+:)?${next}\\b`));
    if (i >= 0) return xml.slice(0, i) + block + xml.slice(i);
  }
  return xml.replace(/<\/(?:\w+:)?styleSheet>/, `${block}$&`);
}

const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
const after = (tag: string) => ORDER.slice(ORDER.indexOf(tag) + 1);

function fontXml(s: CellStyle): string {
  return `<font>${s.bold ? "<b/>" : ""}${s.italic ? "<i/>" : ""}${s.underline ? "<u/>" : ""}<sz val="${s.size ?? 11}"/>${s.color ? `<color rgb="FF${s.color}"/>` : ""}<name val="Calibri"/><family val="2"/></font>`;
}

function fillXml(s: CellStyle): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="FF${s.fill}"/><bgColor indexed="64"/></patternFill></fill>`;
}

function borderXml(s: CellStyle): string {
  const side = (name: string, on: boolean) =>
    on ? `<${name} style="thin"><color rgb="FFBFBFBF"/></${name}>` : `<${name}/>`;
  const all = s.border === "thin";
  return `<border>${side("left", all)}${side("right", all)}${side("top", all)}${side("bottom", all || s.border === "bottom")}<diagonal/></border>`;
}

export interface MergedStyles {
  readonly xml: string;
  readonly xfIndex: Readonly<Record<StyleName, number>>;
}

/** Index of `element` among `existing`, appending it to `added` when it is not there yet. */
function indexOf(element: string, existing: string[], added: string[]): number {
  const at = existing.indexOf(element);
  if (at >= 0) return at;
  existing.push(element);
  added.push(element);
  return existing.length - 1;
}

/**
 * Our styles are written in one canonical form, so a second refresh finds them already there
 * and adds nothing: styles.xml does not grow with every refresh.
 */
export function mergeStyles(stylesXml: string | undefined): MergedStyles {
  let xml = stylesXml ?? EMPTY_STYLES_XML;
  const fonts = childrenOf(xml, "fonts", "font");
  const fills = childrenOf(xml, "fills", "fill");
  const borders = childrenOf(xml, "borders", "border");
  const xfs = childrenOf(xml, "cellXfs", "xf");
  const numFmts = childrenOf(xml, "numFmts", "numFmt");
  const added = {
    fonts: [] as string[],
    fills: [] as string[],
    borders: [] as string[],
    xfs: [] as string[],
    numFmts: [] as string[],
  };
  const fmtIdByCode = new Map<string, number>();
  for (const f of numFmts) {
    const id = /numFmtId="(\d+)"/.exec(f);
    const code = /formatCode="([^"]*)"/.exec(f);
    if (id && code) fmtIdByCode.set(code[1], Number(id[1]));
  }
  let nextFmt = Math.max(163, ...fmtIdByCode.values()) + 1;
  const xfIndex = {} as Record<StyleName, number>;
  for (const name of Object.keys(STYLES) as StyleName[]) {
    const s: CellStyle = STYLES[name];
    const fontId = indexOf(fontXml(s), fonts, added.fonts);
    const fillId = s.fill ? indexOf(fillXml(s), fills, added.fills) : 0;
    const borderId = indexOf(borderXml(s), borders, added.borders);
    let fmtId = 0;
    if (s.numFmt) {
      const code = escapeXml(s.numFmt);
      if (!fmtIdByCode.has(code)) {
        fmtIdByCode.set(code, nextFmt);
        added.numFmts.push(`<numFmt numFmtId="${nextFmt++}" formatCode="${code}"/>`);
      }
      fmtId = fmtIdByCode.get(code)!;
    }
    const align =
      s.align || s.wrap
        ? `<alignment${s.align ? ` horizontal="${s.align}"` : ""} vertical="top"${s.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    const xf = `<xf numFmtId="${fmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1" applyBorder="1"${s.fill ? ' applyFill="1"' : ""}${fmtId ? ' applyNumberFormat="1"' : ""}${align ? ` applyAlignment="1">${align}</xf>` : "/>"}`;
    xfIndex[name] = indexOf(xf, xfs, added.xfs);
  }
  if (added.numFmts.length)
    xml = appendTo(xml, "numFmts", added.numFmts.join(""), fmtIdByCode.size, after("numFmts"));
  if (added.fonts.length) xml = appendTo(xml, "fonts", added.fonts.join(""), fonts.length, after("fonts"));
  if (added.fills.length) xml = appendTo(xml, "fills", added.fills.join(""), fills.length, after("fills"));
  if (added.borders.length)
    xml = appendTo(xml, "borders", added.borders.join(""), borders.length, after("borders"));
  if (added.xfs.length) xml = appendTo(xml, "cellXfs", added.xfs.join(""), xfs.length, after("cellXfs"));
  return { xml, xfIndex };
}
