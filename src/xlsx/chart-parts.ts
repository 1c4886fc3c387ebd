/**
 * Our sheets' native charts as DrawingML parts: one drawing per sheet (xl/drawings/drawingN.xml
 * and its rels), one chart part per ChartPlan (xl/charts/chartN.xml), the sheet's relationship to
 * its drawing, and their content types. On a refresh the drawing and charts of the sheet we
 * rewrite are dropped when every frame on it is ours (named with CHART_NAME_PREFIX); a drawing
 * holding anything of the user's is left where it was. No other part is touched.
 */
import { strToU8 } from "fflate";
import { a1, parseA1, quoteSheetName } from "../core/a1";
import { CHART_NAME_PREFIX, type ChartPlan, type ChartSeriesPlan } from "../core/plan/chart-plan";
import { planRows, type PlanValue, type SheetPlan } from "../core/plan/sheet-plan";
import { serialFromDay } from "../core/dates";
import { CONTENT_TYPE } from "./ooxml-flavour";
import type { XlsxPackage } from "./package";
import type { PackageEditor } from "./package-editor";
import { folderOf, relativeTarget, relsPathFor, resolveTarget } from "./part-names";
import { readRelationships } from "./workbook-part";
import { elements, escapeXml } from "./xml";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DRAWING_TYPE = `${REL}/drawing`;
const CHART_TYPE = `${REL}/chart`;
const DRAWING_CT = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The relationship id of a sheet's drawing: the sheet's relationships are all ours. */
export const DRAWING_REL_ID = "rId1";

/** A sheet we are writing, at the part path it will have. */
export interface ChartedSheet {
  readonly plan: SheetPlan;
  readonly path: string;
}

function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("")}</Relationships>`;
}

/** Our old drawing (and its charts and their own parts) on a sheet we rewrite, when it is all ours. */
function ourOldParts(pkg: XlsxPackage, sheetPath: string): string[] {
  const out: string[] = [];
  for (const rel of readRelationships(pkg, sheetPath)) {
    if (rel.type !== DRAWING_TYPE || rel.external) continue;
    const drawing = resolveTarget(sheetPath, rel.target);
    const xml = pkg.text(drawing);
    if (!xml) continue;
    const names = elements(xml, "cNvPr").map(({ attrs }) => attrs.name ?? "");
    if (names.length === 0 || !names.every((n) => n.startsWith(CHART_NAME_PREFIX))) continue;
    out.push(drawing, relsPathFor(drawing));
    for (const chartRel of readRelationships(pkg, drawing)) {
      if (chartRel.type !== CHART_TYPE || chartRel.external) continue;
      const chart = resolveTarget(drawing, chartRel.target);
      out.push(chart, relsPathFor(chart));
      // Excel adds a style and a colour part to each chart it saves: they go with the chart.
      for (const own of readRelationships(pkg, chart))
        if (!own.external) out.push(resolveTarget(chart, own.target));
    }
  }
  return out.filter((p) => pkg.has(p));
}

/**
 * Drawings and charts for every sheet plan that has charts, through the package editor; our old
 * ones (on the sheets we rewrite) dropped first, so a refresh reuses their part names.
 */
export function addChartParts(editor: PackageEditor, sheets: readonly ChartedSheet[], wbPath: string): void {
  for (const { path } of sheets) for (const old of ourOldParts(editor.pkg, path)) editor.removePart(old);
  const folder = folderOf(wbPath);
  for (const { plan, path } of sheets) {
    const charts = plan.charts ?? [];
    if (charts.length === 0) continue;
    const drawing = editor.freePartName((n) => `${folder}drawings/drawing${n}.xml`);
    editor.addPart(drawing, DRAWING_CT, strToU8(drawingXml(charts)));
    const values = cellValues(plan);
    const chartPaths = charts.map((chart) => {
      const chartPath = editor.freePartName((n) => `${folder}charts/chart${n}.xml`);
      editor.addPart(chartPath, CHART_CT, strToU8(chartXml(chart, plan.name, values)));
      return chartPath;
    });
    // The drawing's anchors name rId1..N and the sheet's <drawing> names DRAWING_REL_ID: written as such.
    const chartRels = chartPaths.map((c, i) => ({
      id: `rId${i + 1}`,
      type: CHART_TYPE,
      target: relativeTarget(drawing, c),
    }));
    editor.addPart(relsPathFor(drawing), CONTENT_TYPE.relationships, strToU8(relsXml(chartRels)));
    const sheetRels = [{ id: DRAWING_REL_ID, type: DRAWING_TYPE, target: relativeTarget(path, drawing) }];
    editor.addPart(relsPathFor(path), CONTENT_TYPE.relationships, strToU8(relsXml(sheetRels)));
  }
}

function anchorXml(chart: ChartPlan, id: number, relId: string): string {
  const at = (tag: string, c: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${c.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${at("from", chart.from)}${at("to", chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(chart.name)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${REL}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function drawingXml(charts: readonly ChartPlan[]): string {
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${charts
    .map((c, i) => anchorXml(c, i + 2, `rId${i + 1}`))
    .join("")}</xdr:wsDr>`;
}

// ---- the chart part ----

/** The plan's cell values by A1 address: what a chart's cache holds until the sheet recalculates. */
function cellValues(plan: SheetPlan): (ref: string) => PlanValue {
  const rows = planRows(plan.rows);
  return (ref) => {
    const at = parseA1(ref);
    return at ? (rows[at.row]?.[at.col]?.value ?? null) : null;
  };
}

/** The A1 cells of a one-column range "B3:B6". */
function rangeCells(range: string): string[] {
  const [from, to] = range.split(":").map((r) => parseA1(r)!);
  const out: string[] = [];
  for (let r = from.row; r <= to.row; r++) out.push(a1(r, from.col));
  return out;
}

function absolute(sheet: string, range: string): string {
  const abs = range
    .split(":")
    .map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `${quoteSheetName(sheet)}!${abs}`;
}

function asNumber(v: PlanValue): number | null {
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && v.kind === "date") return serialFromDay(v.day);
  return null;
}

function asText(v: PlanValue): string {
  if (v === null) return "";
  if (typeof v === "object") return v.kind === "link" ? v.text : String(asNumber(v) ?? "");
  return String(v);
}

function numRef(sheet: string, range: string, value: (ref: string) => PlanValue, format: string): string {
  const cells = rangeCells(range);
  const pts = cells
    .map((ref, i) => {
      const n = asNumber(value(ref));
      return n === null ? "" : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`;
    })
    .join("");
  return `<c:numRef><c:f>${escapeXml(absolute(sheet, range))}</c:f><c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache></c:numRef>`;
}

/** Categories: dates as numbers (with their format), anything else as text. */
function categoryRef(sheet: string, range: string, value: (ref: string) => PlanValue): string {
  const cells = rangeCells(range);
  const first = value(cells[0]);
  if (first && typeof first === "object" && first.kind === "date")
    return numRef(sheet, range, value, "d mmm yyyy");
  const pts = cells
    .map((ref, i) => `<c:pt idx="${i}"><c:v>${escapeXml(asText(value(ref)))}</c:v></c:pt>`)
    .join("");
  return `<c:strRef><c:f>${escapeXml(absolute(sheet, range))}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache></c:strRef>`;
}

const fill = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
const DASH: Record<NonNullable<ChartSeriesPlan["dash"]>, string> = { dash: "dash", dashDot: "dashDot" };

function text(size: number, bold: boolean, body: string): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="en-GB" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(body)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function txPr(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"><a:solidFill><a:srgbClr val="262626"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`;
}

function dataLabels(numFmt: string, position: "outEnd" | "ctr" | "t" | "b"): string {
  return `<c:dLbls><c:numFmt formatCode="${escapeXml(numFmt)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr(900)}<c:dLblPos val="${position}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
}

function seriesXml(
  chart: ChartPlan,
  s: ChartSeriesPlan,
  index: number,
  sheet: string,
  value: (ref: string) => PlanValue,
): string {
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`;
  const cat = `<c:cat>${categoryRef(sheet, chart.categories, value)}</c:cat>`;
  const val = `<c:val>${numRef(sheet, s.values, value, chart.numFmt)}</c:val>`;
  if (s.kind === "bar") {
    const outline = `<a:ln w="9525">${fill("404040")}</a:ln>`;
    const points = (s.pointColors ?? [])
      .map(
        (c, i) =>
          `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${fill(c)}${outline}</c:spPr></c:dPt>`,
      )
      .join("");
    const labels = s.labels ? dataLabels(chart.numFmt, chart.grouping === "stacked" ? "ctr" : "outEnd") : "";
    return `<c:ser>${head}<c:spPr>${fill(s.color)}${outline}</c:spPr><c:invertIfNegative val="0"/>${points}${labels}${cat}${val}</c:ser>`;
  }
  const line = `<c:spPr><a:ln w="${s.dash ? 19050 : 28575}" cap="rnd">${fill(s.color)}<a:prstDash val="${s.dash ? DASH[s.dash] : "solid"}"/><a:round/></a:ln></c:spPr>`;
  const marker = s.dash
    ? `<c:marker><c:symbol val="none"/></c:marker>`
    : `<c:marker><c:symbol val="${index % 2 === 0 ? "circle" : "square"}"/><c:size val="7"/><c:spPr>${fill(s.color)}<a:ln>${fill(s.color)}</a:ln></c:spPr></c:marker>`;
  // Two lines' labels apart: the first above its points, the second below.
  const labels = s.labels ? dataLabels(chart.numFmt, index % 2 === 0 ? "t" : "b") : "";
  return `<c:ser>${head}${line}${marker}${labels}${cat}${val}<c:smooth val="0"/></c:ser>`;
}

const CAT_AX = 500100;
const VAL_AX = 500200;

/** A chart part: bars, lines over them, or both on shared axes. */
export function chartXml(chart: ChartPlan, sheet: string, value: (ref: string) => PlanValue): string {
  const bars = chart.series.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === "bar");
  const lines = chart.series.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === "line");
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const plots: string[] = [];
  if (bars.length > 0) {
    const stacked = chart.grouping === "stacked";
    plots.push(
      `<c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${bars
        .map(({ s, i }) => seriesXml(chart, s, i, sheet, value))
        .join(
          "",
        )}<c:gapWidth val="${stacked ? 60 : 80}"/>${stacked ? '<c:overlap val="100"/>' : ""}${axIds}</c:barChart>`,
    );
  }
  if (lines.length > 0)
    plots.push(
      `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines
        .map(({ s, i }) => seriesXml(chart, s, i, sheet, value))
        .join("")}<c:marker val="1"/>${axIds}</c:lineChart>`,
    );
  const axisLine = `<c:spPr><a:ln w="9525">${fill("7F7F7F")}</a:ln></c:spPr>`;
  const catAx = `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="${escapeXml(firstCategoryIsDate(chart, value) ? "d mmm yyyy" : "General")}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${axisLine}${txPr(900)}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="0"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx = `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/>${chart.numFmt === "0.00" ? '<c:min val="0"/>' : ""}</c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350">${fill("D9D9D9")}</a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="${escapeXml(chart.numFmt)}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisLine}${txPr(900)}<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const legend =
    chart.series.length > 1
      ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(900)}</c:legend>`
      : "";
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${REL}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${text(1200, true, chart.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plots.join("")}${catAx}${valAx}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${fill("FFFFFF")}<a:ln w="9525">${fill("BFBFBF")}</a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

function firstCategoryIsDate(chart: ChartPlan, value: (ref: string) => PlanValue): boolean {
  const first = value(chart.categories.split(":")[0]);
  return !!first && typeof first === "object" && first.kind === "date";
}
