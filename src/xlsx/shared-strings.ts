/** xl/sharedStrings.xml: the table of strings cells point into (t="s"). */
import { richText } from "./xml";

export function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out.push(m[1] === undefined ? "" : richText(m[1]));
  return out;
}
