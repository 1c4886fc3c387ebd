/**
 * The named cell styles of every sheet we write: one home for fonts, fills and number formats.
 * RAG fills are told apart by lightness as well as hue (light green, mid amber, dark red) and
 * always carry a word and a shape (● ▲ ■ ○), so the lights read without colour.
 */
import type { Rag } from "../rollup/rag";

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  /** RGB hex without #. */
  readonly color?: string;
  readonly fill?: string;
  readonly numFmt?: string;
  readonly align?: "left" | "center" | "right";
  readonly wrap?: boolean;
  readonly border?: "thin" | "bottom";
  readonly underline?: boolean;
}

export const RAG_FILL: Record<Rag, string> = {
  green: "A6DBA0",
  amber: "FDB863",
  red: "B2182B",
  grey: "D9D9D9",
};
const RAG_TEXT: Record<Rag, string> = { green: "00441B", amber: "5A3200", red: "FFFFFF", grey: "404040" };
export const RAG_SYMBOL: Record<Rag, string> = { green: "●", amber: "▲", red: "■", grey: "○" };
export const RAG_WORD: Record<Rag, string> = { green: "Green", amber: "Amber", red: "Red", grey: "Grey" };

const RAG_LABEL: Record<Rag, string> = {
  green: `${RAG_SYMBOL.green} ${RAG_WORD.green}`,
  amber: `${RAG_SYMBOL.amber} ${RAG_WORD.amber}`,
  red: `${RAG_SYMBOL.red} ${RAG_WORD.red}`,
  grey: `${RAG_SYMBOL.grey} ${RAG_WORD.grey}`,
};

/** "● Green": the text of a traffic light. */
export function ragLabel(rag: Rag): string {
  return RAG_LABEL[rag];
}

const ragStyle = (rag: Rag): CellStyle => ({
  fill: RAG_FILL[rag],
  color: RAG_TEXT[rag],
  bold: true,
  align: "center",
  border: "thin",
});

export const STYLES = {
  title: { bold: true, size: 16, color: "1F3864" },
  subtitle: { italic: true, color: "595959" },
  section: { bold: true, size: 12, color: "1F3864", border: "bottom" },
  header: { bold: true, fill: "1F3864", color: "FFFFFF", wrap: true, border: "thin", align: "center" },
  text: { border: "thin" },
  wrapText: { border: "thin", wrap: true },
  link: { border: "thin", color: "0563C1", underline: true },
  integer: { border: "thin", numFmt: "#,##0" },
  money: { border: "thin", numFmt: "#,##0;[Red]-#,##0" },
  index: { border: "thin", numFmt: "0.00" },
  percent: { border: "thin", numFmt: "0.0%" },
  date: { border: "thin", numFmt: "d mmm yyyy", align: "left" },
  datetime: { numFmt: "d mmm yyyy hh:mm", align: "left" },
  kpiLabel: { bold: true, fill: "D9E1F2", border: "thin", align: "center", wrap: true },
  kpiValue: { bold: true, size: 14, border: "thin", align: "center", numFmt: "#,##0" },
  kpiIndex: { bold: true, size: 14, border: "thin", align: "center", numFmt: "0.00" },
  error: { border: "thin", bold: true, color: "9C0006" },
  warning: { border: "thin", bold: true, color: "7F6000" },
  info: { border: "thin", color: "595959" },
  "rag-green": ragStyle("green"),
  "rag-amber": ragStyle("amber"),
  "rag-red": ragStyle("red"),
  "rag-grey": ragStyle("grey"),
} as const satisfies Record<string, CellStyle>;

export type StyleName = keyof typeof STYLES;

/**
 * Chart colours beside the RAG fills: SPI dark and CPI light so they differ in grey print too;
 * threshold lines in the green and amber of the lights, told apart by their dashes.
 */
export const CHART_COLORS = {
  spi: "1F3864",
  cpi: "8FAADC",
  greenLine: "1A7F37",
  amberLine: "C55A11",
  outline: "404040",
} as const;

export function ragStyleName(rag: Rag): StyleName {
  return `rag-${rag}`;
}
