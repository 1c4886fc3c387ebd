/**
 * A SheetPlan as Office.js work: 2D value blocks, number formats and styles per column run
 * (never per cell), traffic lights as bounded conditional formats where a column has many of
 * them, links, widths, merges; frozen panes and the filter once shown. Pure: it computes what to send, and `applyOps`
 * sends it to a worksheet.
 */
import { quoteSheetName } from "../core/a1";
import { serialFromDay } from "../core/dates";
import { planRows, type PlanValue, type SheetPlan } from "../core/plan/sheet-plan";
import { STYLES, type CellStyle, type StyleName } from "../core/plan/styles";
import { utf8Length } from "./blocks";

/** Excel's limit on the text of one cell. */
const MAX_CELL_CHARS = 32_767;
/** A column with more traffic-light runs than this gets conditional formats instead of fills. */
const MAX_DIRECT_RAG_RUNS = 8;

export type CellOut = string | number | boolean;

/**
 * A value as it must be sent to Excel. Every string gets a leading apostrophe, which Excel
 * takes as "this is text": "=HYPERLINK(..)", "+1", "@x", "00123" and "2024-01" stay exactly as
 * written instead of becoming a formula, a number or a date.
 */
export function excelValue(value: PlanValue): CellOut {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  if (typeof value === "string")
    return `'${value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS - 1) + "…" : value}`;
  switch (value.kind) {
    case "date":
      return serialFromDay(value.day);
    case "datetime":
      return value.serial;
    case "link":
      return linkFormula(value.sheet, value.cell, value.text) ?? `'${value.text}`;
  }
}

/** Excel's limit on a text constant inside a formula. */
const MAX_FORMULA_TEXT = 255;

/**
 * An internal link as a HYPERLINK formula: it travels inside the values array (a few dozen
 * bytes) instead of as a hyperlink operation per cell (a few hundred), which keeps a
 * 10,000-project refresh within its round trips. The user's text is a quoted constant in it
 * (quotes doubled), so it can never become formula code; the target is always "#sheet!cell",
 * inside the workbook. Null when the text cannot be a formula constant.
 */
export function linkFormula(sheet: string, cell: string, text: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (text.length > MAX_FORMULA_TEXT || /[\u0000-\u001f]/.test(text)) return null;
  const q = (s: string) => s.replace(/"/g, '""');
  return `=HYPERLINK("#${q(`${quoteSheetName(sheet)}!${cell}`)}","${q(text)}")`;
}

/** A run of rows in one column with the same style. */
export interface StyleRun {
  readonly col: number;
  readonly rowStart: number;
  readonly rowEnd: number; // inclusive
  readonly style: StyleName;
}

export interface RagRule {
  readonly col: number;
  readonly rowStart: number;
  readonly rowEnd: number;
  readonly text: string;
  readonly style: StyleName;
}

export interface SheetWork {
  readonly plan: SheetPlan;
  readonly width: number;
  readonly values: CellOut[][];
  /** Bytes each row's values cost in a request. */
  readonly rowBytes: number[];
  readonly runs: StyleRun[];
  readonly ragRules: RagRule[];
  readonly links: { row: number; col: number; reference: string; text: string }[];
}

const isRag = (style: StyleName | undefined) => style !== undefined && style.startsWith("rag-");

/** A style without its fill and font colour: the base a conditional format colours in. */
export function baseOf(style: CellStyle): CellStyle {
  return { bold: style.bold, border: style.border, align: style.align };
}

export function prepareSheet(plan: SheetPlan): SheetWork {
  // Every row at once: the styling passes below walk the sheet column by column.
  const rows = planRows(plan.rows);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
  const values = rows.map((row) =>
    Array.from({ length: width }, (_, c) => excelValue(row[c]?.value ?? null)),
  );
  const rowBytes = values.map((row) => utf8Length(JSON.stringify(row)) + 2);
  const links: SheetWork["links"] = [];
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const v = cell?.value;
      // Links that cannot be a HYPERLINK formula are set as hyperlink objects instead.
      if (v && typeof v === "object" && v.kind === "link" && linkFormula(v.sheet, v.cell, v.text) === null)
        links.push({ row: r, col: c, reference: `${quoteSheetName(v.sheet)}!${v.cell}`, text: v.text });
    }),
  );
  const runs: StyleRun[] = [];
  const ragRules: RagRule[] = [];
  for (let c = 0; c < width; c++) {
    const colRuns: StyleRun[] = [];
    let start = -1;
    let style: StyleName | undefined;
    const close = (end: number) => {
      if (style !== undefined && start >= 0) colRuns.push({ col: c, rowStart: start, rowEnd: end, style });
    };
    for (let r = 0; r <= rows.length; r++) {
      const s = r < rows.length ? rows[r][c]?.style : undefined;
      if (s === style && r < rows.length) continue;
      close(r - 1);
      style = s;
      start = r;
    }
    const ragRuns = colRuns.filter((run) => isRag(run.style));
    if (ragRuns.length <= MAX_DIRECT_RAG_RUNS) {
      runs.push(...colRuns);
      continue;
    }
    // Many lights in this column: one base-styled run over them and a rule per distinct text.
    const first = ragRuns[0].rowStart;
    const last = ragRuns[ragRuns.length - 1].rowEnd;
    runs.push(...colRuns.filter((run) => !isRag(run.style)));
    runs.push({ col: c, rowStart: first, rowEnd: last, style: ragRuns[0].style });
    const seen = new Map<string, StyleName>();
    for (const run of ragRuns)
      for (let r = run.rowStart; r <= run.rowEnd; r++) {
        const v = rows[r][c]?.value;
        if (typeof v === "string" && !seen.has(v)) seen.set(v, run.style);
      }
    for (const [text, s] of seen) ragRules.push({ col: c, rowStart: first, rowEnd: last, text, style: s });
  }
  return { plan, width, values, rowBytes, runs, ragRules, links };
}

/** Points for a width in characters (Calibri 11: 7 px a character plus 5 px padding). */
export function columnPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const HEX = (rgb: string) => `#${rgb}`;

/** Bytes one operation costs in a request (its object path and action, as Office.js sends them). */
export const OP_BYTES = 150;

/** Apply a style to a range: only the properties the style sets, each once for the whole range. Returns the operations queued. */
export function applyStyle(
  range: Excel.Range,
  style: CellStyle,
  options: { colours: boolean; singleColumn: boolean },
): number {
  let ops = 0;
  const font = range.format.font;
  const set = (apply: () => void) => {
    apply();
    ops++;
  };
  if (style.bold) set(() => (font.bold = true));
  if (style.italic) set(() => (font.italic = true));
  if (style.underline) set(() => (font.underline = "Single"));
  if (style.size) set(() => (font.size = style.size!));
  if (options.colours && style.color) set(() => (font.color = HEX(style.color!)));
  if (options.colours && style.fill) set(() => (range.format.fill.color = HEX(style.fill!)));
  if (style.align)
    set(
      () =>
        (range.format.horizontalAlignment =
          style.align === "left" ? "Left" : style.align === "center" ? "Center" : "Right"),
    );
  if (style.wrap) set(() => (range.format.wrapText = true));
  if (style.border) {
    const edges =
      style.border === "bottom"
        ? ["EdgeBottom"]
        : [
            "EdgeTop",
            "EdgeBottom",
            "EdgeLeft",
            "EdgeRight",
            "InsideHorizontal",
            ...(options.singleColumn ? [] : ["InsideVertical"]),
          ];
    for (const edge of edges) {
      range.format.borders.getItem(edge as Excel.BorderIndex).style = "Continuous";
      ops++;
    }
  }
  return ops + 3; // the range, its format and its font objects
}

/** Bytes a style run will cost, without queueing it (for planning blocks). */
export function runBytes(style: CellStyle, viaRule: boolean): number {
  let ops = 3;
  const s = viaRule ? baseOf(style) : style;
  for (const flag of [
    s.bold,
    s.italic,
    s.underline,
    s.size,
    !viaRule && s.color,
    !viaRule && s.fill,
    s.align,
    s.wrap,
  ])
    if (flag) ops++;
  if (s.border) ops += s.border === "bottom" ? 1 : 5;
  return ops * OP_BYTES + (s.numFmt ? utf8Length(s.numFmt) + OP_BYTES : 0);
}

export interface OpsScope {
  readonly rowStart: number;
  readonly rowCount: number;
  /** The sheet-wide things (widths, merges, freeze, rules) go with the first block. */
  readonly first: boolean;
}

/** Queue the work for rows [rowStart, rowStart + rowCount) of a sheet on `ws` (no sync here). */
export function queueBlock(
  ws: Excel.Worksheet,
  work: SheetWork,
  scope: OpsScope,
  features: { autoFilter: boolean; pageLayout: boolean },
): void {
  const { rowStart, rowCount } = scope;
  const rowEnd = rowStart + rowCount - 1;
  if (rowCount > 0) {
    ws.getRangeByIndexes(rowStart, 0, rowCount, work.width).values = work.values.slice(rowStart, rowEnd + 1);
    for (const run of work.runs) {
      const from = Math.max(run.rowStart, rowStart);
      const to = Math.min(run.rowEnd, rowEnd);
      if (from > to) continue;
      const range = ws.getRangeByIndexes(from, run.col, to - from + 1, 1);
      const style: CellStyle = STYLES[run.style];
      const viaRule = work.ragRules.some(
        (rule) => rule.col === run.col && rule.rowStart <= from && to <= rule.rowEnd,
      );
      applyStyle(range, viaRule ? baseOf(style) : style, { colours: !viaRule, singleColumn: true });
      // A scalar applies the format to every cell of the run: one small request, not a grid.
      if (style.numFmt) range.numberFormat = style.numFmt as unknown as string[][];
    }
    for (const link of work.links) {
      if (link.row < rowStart || link.row > rowEnd) continue;
      ws.getRangeByIndexes(link.row, link.col, 1, 1).hyperlink = {
        documentReference: link.reference,
        textToDisplay: link.text,
      };
    }
  }
  if (!scope.first) return;
  const plan = work.plan;
  plan.widths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnPoints(w)));
  for (const m of plan.merges) ws.getRange(m).merge(false);
  for (const rule of work.ragRules) {
    const style: CellStyle = STYLES[rule.style];
    const cf = ws
      .getRangeByIndexes(rule.rowStart, rule.col, rule.rowEnd - rule.rowStart + 1, 1)
      .conditionalFormats.add("CellValue");
    if (style.fill) cf.cellValue.format.fill.color = HEX(style.fill);
    if (style.color) cf.cellValue.format.font.color = HEX(style.color);
    cf.cellValue.rule = { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
  }
  if (plan.tabColor) ws.tabColor = HEX(plan.tabColor);
  if (features.pageLayout && plan.print.landscape) ws.pageLayout.orientation = "Landscape";
}

/**
 * Frozen panes and the filter: queued once the sheet is shown (some builds refuse them on a
 * hidden sheet, or activate it), in a sync whose failure the writer tolerates.
 */
export function queueCosmetics(
  ws: Excel.Worksheet,
  work: SheetWork,
  features: { autoFilter: boolean },
): void {
  const plan = work.plan;
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) {
    if (plan.freeze.cols === 0) ws.freezePanes.freezeRows(plan.freeze.rows);
    else ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(1, plan.freeze.rows), plan.freeze.cols));
  }
  if (features.autoFilter && plan.autoFilter) ws.autoFilter.apply(ws.getRange(plan.autoFilter));
}
