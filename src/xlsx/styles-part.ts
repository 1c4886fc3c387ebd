/** xl/styles.xml, read for one thing: the number format of each cell style (dates and percents). */
import { elements } from "./xml";

/** Excel's built-in number formats that matter for reading (ids without a <numFmt>). */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "m/d/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yyyy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Style index (the cell's s attribute) -> number format code; null for General. */
export function readCellFormats(stylesXml: string | undefined): (string | null)[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const { attrs } of elements(stylesXml, "numFmt"))
    custom.set(Number(attrs.numFmtId), attrs.formatCode ?? "");
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml);
  if (!cellXfs) return [];
  return elements(cellXfs[1], "xf").map(({ attrs }) => {
    const id = Number(attrs.numFmtId ?? 0);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? null;
    return code === null || code === "General" ? null : code;
  });
}
