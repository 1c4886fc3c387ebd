/** Small, fast helpers for the XML of .xlsx parts (no DOM: the host also runs in Node). */

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function fromCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
}

/** XML character and entity references to text. */
export function decodeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (_, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref];
    return fromCodePoint(
      ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10),
    );
  });
}

/** OOXML's own escape for characters XML cannot hold: _x000D_ is a carriage return. */
export function decodeOoxmlString(text: string): string {
  const decoded = decodeXml(text);
  return decoded.indexOf("_x") < 0
    ? decoded
    : decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) =>
    ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;",
  );
}

// eslint-disable-next-line no-control-regex
const PLAIN_TEXT = /^[^&<>"_\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]*$/;

/** Characters XML 1.0 cannot carry at all, written the OOXML way (_xHHHH_), and a literal _x....\_ escaped. */
export function escapeOoxmlString(text: string): string {
  if (PLAIN_TEXT.test(text)) return text; // most cell text: nothing to escape
  const safe = text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_").replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
  return escapeXml(safe);
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of one start tag's text, keys without namespace prefixes. */
export function attributes(tagText: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(tagText)) !== null) {
    const name = m[1].includes(":") && !m[1].startsWith("xmlns") ? m[1].slice(m[1].indexOf(":") + 1) : m[1];
    out[name] = decodeXml(m[2] ?? m[3] ?? "");
  }
  return out;
}

/** Every element named `local` (any namespace prefix): its attributes and inner XML. */
export function elements(xml: string, local: string): { attrs: Record<string, string>; inner: string }[] {
  const re = new RegExp(
    `<(?:[\\w.-]+:)?${local}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${local}>)`,
    "g",
  );
  const out: { attrs: Record<string, string>; inner: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out.push({ attrs: attributes(m[1]), inner: m[2] ?? "" });
  return out;
}

/** The text of a rich string (<si> or <is>): all <t> runs, phonetic guides (<rPh>) left out. */
export function richText(inner: string): string {
  const withoutPhonetic =
    inner.indexOf("rPh") < 0 ? inner : inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let text = "";
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(withoutPhonetic)) !== null) text += m[1];
  return decodeOoxmlString(text);
}
