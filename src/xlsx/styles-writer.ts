/**
 * Adds our named styles to a workbook's styles.xml, after everything already there, so that
 * every existing style index keeps its meaning. Returns the cellXfs index of each style.
 */
import { STYLES, type CellStyle, type StyleName } from "../core/plan/styles";
import { TRANSITIONAL, type OoxmlFlavour } from "./ooxml-flavour";
import {
  childElements,
  createLike,
  ensureChild,
  parseXmlPart,
  serializeXmlPart,
  type Document,
  type Element,
} from "./xml-dom";

export const emptyStylesXml = (flavour: OoxmlFlavour = TRANSITIONAL): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${flavour.spreadsheetml}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export const EMPTY_STYLES_XML = emptyStylesXml();

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

export interface MergedStyles {
  readonly xml: string;
  readonly xfIndex: Readonly<Record<StyleName, number>>;
}

/** An element to add, as data: compared with what a styles part has by content, not by spelling. */
interface Spec {
  readonly name: string;
  readonly attrs: readonly (readonly [string, string])[];
  readonly children: readonly Spec[];
}

const el = (name: string, attrs: Record<string, string | undefined> = {}, children: Spec[] = []): Spec => ({
  name,
  attrs: Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined),
  children,
});

/** One string for an element's content whatever its prefixes, attribute order or whitespace. */
function keyOfSpec(s: Spec): string {
  const attrs = [...s.attrs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`);
  return `<${s.name} ${attrs.join(" ")}>${s.children.map(keyOfSpec).join("")}</>`;
}

function specOf(e: Element): Spec {
  const attrs: [string, string][] = [];
  for (let i = 0; i < e.attributes.length; i++) {
    const a = e.attributes[i];
    if (a.name === "xmlns" || a.prefix === "xmlns") continue;
    attrs.push([a.localName ?? a.name, a.value]);
  }
  return { name: e.localName ?? e.nodeName, attrs, children: childElements(e).map(specOf) };
}

function build(parent: Element, s: Spec): Element {
  const e = createLike(parent, s.name, Object.fromEntries(s.attrs));
  for (const c of s.children) e.appendChild(build(e, c));
  return e;
}

function fontSpec(s: CellStyle): Spec {
  return el("font", {}, [
    ...(s.bold ? [el("b")] : []),
    ...(s.italic ? [el("i")] : []),
    ...(s.underline ? [el("u")] : []),
    el("sz", { val: String(s.size ?? 11) }),
    ...(s.color ? [el("color", { rgb: `FF${s.color}` })] : []),
    el("name", { val: "Calibri" }),
    el("family", { val: "2" }),
  ]);
}

const fillSpec = (pattern: string, rgb?: string): Spec =>
  el("fill", {}, [
    el(
      "patternFill",
      { patternType: pattern },
      rgb ? [el("fgColor", { rgb: `FF${rgb}` }), el("bgColor", { indexed: "64" })] : [],
    ),
  ]);

function borderSpec(s: CellStyle): Spec {
  const all = s.border === "thin";
  const side = (name: string, on: boolean) =>
    on ? el(name, { style: "thin" }, [el("color", { rgb: "FFBFBFBF" })]) : el(name);
  return el("border", {}, [
    side("left", all),
    side("right", all),
    side("top", all),
    side("bottom", all || s.border === "bottom"),
    el("diagonal"),
  ]);
}

/** A block of the style sheet (fonts, fills...): its elements by content key, and what we add. */
class Block {
  readonly keys: string[];
  readonly added: Spec[] = [];
  constructor(
    readonly sheet: Element,
    readonly tag: string,
    readonly child: string,
  ) {
    const block = childElements(sheet, tag)[0];
    this.keys = block ? childElements(block, child).map((c) => keyOfSpec(specOf(c))) : [];
  }
  /** The index of an element with this content, added when there is none. */
  indexOf(spec: Spec): number {
    const key = keyOfSpec(spec);
    const at = this.keys.indexOf(key);
    if (at >= 0) return at;
    this.keys.push(key);
    this.added.push(spec);
    return this.keys.length - 1;
  }
  /** Append what was added, and make the block's count say how many elements it has. */
  apply(): void {
    if (this.added.length === 0) return;
    const block = ensureChild(this.sheet, this.tag, ORDER);
    for (const spec of this.added) block.appendChild(build(block, spec));
    block.setAttribute("count", String(childElements(block, this.child).length));
  }
}

/**
 * Our styles are written in one canonical form, so a second refresh finds them already there
 * and adds nothing: styles.xml does not grow with every refresh. Edits the style sheet in place.
 */
export function mergeStylesInto(doc: Document): Readonly<Record<StyleName, number>> {
  const sheet = doc.documentElement!;
  const fonts = new Block(sheet, "fonts", "font");
  const fills = new Block(sheet, "fills", "fill");
  const borders = new Block(sheet, "borders", "border");
  const xfs = new Block(sheet, "cellXfs", "xf");
  const numFmtBlock = childElements(sheet, "numFmts")[0];
  const numFmts = numFmtBlock ? childElements(numFmtBlock, "numFmt") : [];
  const addedFmts: Spec[] = [];
  const fmtIdByCode = new Map<string, number>();
  for (const f of numFmts) {
    const id = Number(f.getAttribute("numFmtId"));
    const code = f.getAttribute("formatCode");
    if (Number.isInteger(id) && code !== null && !fmtIdByCode.has(code)) fmtIdByCode.set(code, id);
  }
  let nextFmt = Math.max(163, ...numFmts.map((f) => Number(f.getAttribute("numFmtId")) || 0)) + 1;
  // The first two fills are Excel's own (none, gray125) whatever they say: never one of ours.
  if (fills.keys.length < 1) fills.indexOf(fillSpec("none"));
  if (fills.keys.length < 2) fills.indexOf(fillSpec("gray125"));
  // An xf names a cell style (xfId) only when the sheet has cell styles to name.
  const cellStyleXfs = childElements(sheet, "cellStyleXfs")[0];
  const hasCellStyle = !!cellStyleXfs && childElements(cellStyleXfs, "xf").length > 0;
  const xfIndex = {} as Record<StyleName, number>;
  for (const name of Object.keys(STYLES) as StyleName[]) {
    const s: CellStyle = STYLES[name];
    let fmtId = 0;
    if (s.numFmt) {
      if (!fmtIdByCode.has(s.numFmt)) {
        fmtIdByCode.set(s.numFmt, nextFmt);
        addedFmts.push(el("numFmt", { numFmtId: String(nextFmt++), formatCode: s.numFmt }));
      }
      fmtId = fmtIdByCode.get(s.numFmt)!;
    }
    const align =
      s.align || s.wrap
        ? [el("alignment", { horizontal: s.align, vertical: "top", wrapText: s.wrap ? "1" : undefined })]
        : [];
    const xf = el(
      "xf",
      {
        numFmtId: String(fmtId),
        fontId: String(fonts.indexOf(fontSpec(s))),
        fillId: String(s.fill ? fills.indexOf(fillSpec("solid", s.fill)) : 0),
        borderId: String(borders.indexOf(borderSpec(s))),
        xfId: hasCellStyle ? "0" : undefined,
        applyFont: "1",
        applyBorder: "1",
        applyFill: s.fill ? "1" : undefined,
        applyNumberFormat: fmtId ? "1" : undefined,
        applyAlignment: align.length ? "1" : undefined,
      },
      align,
    );
    xfIndex[name] = xfs.indexOf(xf);
  }
  if (addedFmts.length) {
    const block = ensureChild(sheet, "numFmts", ORDER);
    for (const spec of addedFmts) block.appendChild(build(block, spec));
    block.setAttribute("count", String(childElements(block, "numFmt").length));
  }
  for (const block of [fonts, fills, borders, xfs]) block.apply();
  return xfIndex;
}

/** mergeStylesInto on text: a styles part (or none: a minimal one of the flavour) to its new text. */
export function mergeStyles(
  stylesXml: string | undefined,
  flavour: OoxmlFlavour = TRANSITIONAL,
): MergedStyles {
  const doc = parseXmlPart(stylesXml ?? emptyStylesXml(flavour), "styles.xml");
  const xfIndex = mergeStylesInto(doc);
  return { xml: serializeXmlPart(doc), xfIndex };
}
