/**
 * The native charts of PMO Rollup in the .xlsx host: after two refreshes at two status dates the
 * sheet carries its charts, fed by its own cells, and the trend over both dates; a refresh
 * replaces our drawing and charts (never duplicates them) and touches no part of the user's.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseA1 } from "../../src/core/a1";
import { CHART_NAME_PREFIX } from "../../src/core/plan/chart-plan";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { workbookWithChart } from "../helpers/chart-workbook";
import { rollupBytes } from "../helpers/rollup";

const VALIDATE = join(__dirname, "../../../shared/tools/validate-xlsx");
const canValidate = existsSync(VALIDATE);

function validate(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), "pmo-charts-")), "out.xlsx");
  writeFileSync(file, bytes);
  return execFileSync(VALIDATE, [file]).toString();
}

const ourCharts = (parts: Record<string, Uint8Array>) =>
  Object.keys(parts).filter(
    (n) => /^xl\/charts\/chart\d+\.xml$/.test(n) && strFromU8(parts[n]).includes("'PMO Rollup'!"),
  );

describe("native charts on PMO Rollup (.xlsx)", () => {
  let input: Uint8Array;
  let first: Uint8Array;
  let second: Uint8Array;
  let again: Uint8Array;

  beforeAll(async () => {
    input = await workbookWithChart();
    first = rollupBytes(input, 46300, "2026-09-30");
    second = rollupBytes(first, 46330, "2026-10-30");
    again = rollupBytes(second, 46331, "2026-10-30");
  });

  (canValidate ? it : it.skip)("are valid under validate-xlsx after each refresh", () => {
    for (const bytes of [first, second, again]) expect(validate(bytes)).toMatch(/0 problems/);
  });

  it("are drawn by the sheet's own drawing, five charts, each named as ours", () => {
    const parts = unzipSync(second);
    const wb = readWorkbook(second);
    const rollup = wb.info.sheets.find((s) => s.name === "PMO Rollup")!;
    const sheetXml = strFromU8(parts[rollup.path!]);
    expect(sheetXml).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    const rels = strFromU8(parts[rollup.path!.replace("worksheets/", "worksheets/_rels/") + ".rels"]);
    const drawingPath = "xl/drawings/" + /Target="\.\.\/drawings\/([^"]+)"/.exec(rels)![1];
    const drawing = strFromU8(parts[drawingPath]);
    const names = [...drawing.matchAll(/<xdr:cNvPr id="\d+" name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([
      `${CHART_NAME_PREFIX}Projects by RAG`,
      `${CHART_NAME_PREFIX}Budget by RAG`,
      `${CHART_NAME_PREFIX}SPI and CPI by programme`,
      `${CHART_NAME_PREFIX}Projects by RAG over status dates`,
      `${CHART_NAME_PREFIX}SPI and CPI over status dates`,
    ]);
    expect(ourCharts(parts)).toHaveLength(5);
    const types = strFromU8(parts["[Content_Types].xml"]);
    for (const chart of ourCharts(parts)) expect(types).toContain(`PartName="/${chart}"`);
    expect(types).toContain(`PartName="/${drawingPath}"`);
  });

  it("are fed by cells of PMO Rollup, and their caches hold those cells' values", () => {
    const parts = unzipSync(second);
    const grid = readWorkbook(second).grids.sheets.find((s) => s.name === "PMO Rollup")!.rows;
    for (const chart of ourCharts(parts)) {
      const xml = strFromU8(parts[chart]);
      for (const m of xml.matchAll(
        /<c:numRef><c:f>'PMO Rollup'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)<\/c:f><c:numCache>([\s\S]*?)<\/c:numCache>/g,
      )) {
        const [, col, top, bottom, cache] = m;
        const points = [...cache.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)];
        for (const [, idx, v] of points) {
          const at = parseA1(`${col}${Number(top) + Number(idx)}`)!;
          expect(Number(v)).toBe(grid[at.row][at.col]);
        }
        expect(Number(bottom)).toBeGreaterThanOrEqual(Number(top));
      }
    }
  });

  it("carry the trend over both status dates (one row per date, latest last)", () => {
    const grid = readWorkbook(second).grids.sheets.find((s) => s.name === "PMO Rollup")!.rows;
    const header = grid.findIndex((r) => r[0] === "Status date" && r[11] === "Against the previous date");
    expect(header).toBeGreaterThan(0);
    const dates = grid.slice(header + 1).filter((r) => typeof r[0] === "number");
    expect(dates.slice(0, 2).map((r) => r[0])).toEqual([46295, 46325]); // 30 Sep, 30 Oct 2026
    expect(String(grid[header + 2][11])).toMatch(/better|same|worse/);
    const trendChart = ourCharts(unzipSync(second))
      .map((n) => strFromU8(unzipSync(second)[n]))
      .find((x) => x.includes("per status date"))!;
    expect(trendChart).toContain(`$A$${header + 2}:$A$${header + 3}`);
  });

  it("are replaced on refresh, never duplicated, and no user part is touched", () => {
    const before = unzipSync(input);
    for (const bytes of [first, second, again]) {
      const parts = unzipSync(bytes);
      expect(ourCharts(parts)).toHaveLength(5);
      expect(Object.keys(parts).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(2);
      for (const name of ["xl/charts/chart1.xml", "xl/drawings/drawing99.xml"])
        expect(Buffer.from(parts[name]).equals(Buffer.from(before[name]))).toBe(true);
    }
    // The same status date again: the same chart parts, at the same names.
    const a = unzipSync(second);
    const b = unzipSync(again);
    for (const chart of ourCharts(a)) expect(strFromU8(b[chart])).toBe(strFromU8(a[chart]));
  });

  it("stay inside the printed range: the sheet's columns and rows with content below them", () => {
    const parts = unzipSync(second);
    const drawing = strFromU8(
      parts[
        Object.keys(parts).find(
          (n) => /drawings\/drawing\d+\.xml$/.test(n) && strFromU8(parts[n]).includes(CHART_NAME_PREFIX),
        )!
      ],
    );
    const grid = readWorkbook(second).grids.sheets.find((s) => s.name === "PMO Rollup")!.rows;
    const lastRow = grid.length;
    for (const m of drawing.matchAll(
      /<xdr:to><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g,
    )) {
      expect(Number(m[1])).toBeLessThanOrEqual(12); // columns A..L
      expect(Number(m[2])).toBeLessThan(lastRow);
    }
  });

  it("leave a drawing that holds a frame of the user's as it was, and still write ours", () => {
    const parts = unzipSync(second);
    const drawingPath = Object.keys(parts).find(
      (n) => /drawings\/drawing\d+\.xml$/.test(n) && strFromU8(parts[n]).includes(CHART_NAME_PREFIX),
    )!;
    // The user renamed one of the frames on our sheet: it is theirs now.
    const theirs = strFromU8(parts[drawingPath]).replace(
      `name="${CHART_NAME_PREFIX}Budget by RAG"`,
      'name="My budget chart"',
    );
    parts[drawingPath] = strToU8(theirs);
    const edited = zipSync(parts);
    const after = unzipSync(rollupBytes(edited, 46332, "2026-10-30"));
    expect(strFromU8(after[drawingPath])).toBe(theirs);
    const ours = Object.keys(after).filter(
      (n) =>
        /drawings\/drawing\d+\.xml$/.test(n) &&
        n !== drawingPath &&
        strFromU8(after[n]).includes(CHART_NAME_PREFIX),
    );
    expect(ours).toHaveLength(1);
    if (canValidate) expect(validate(zipSync(after))).toMatch(/0 problems/);
  });

  const fromLibreOffice = join(__dirname, "../../../shared/corpus/producers/libreoffice-dv-1.xlsx");
  (canValidate && existsSync(fromLibreOffice) ? it : it.skip)(
    "give their relationship parts a content type where the package has no Default for .rels",
    () => {
      const original = new Uint8Array(readFileSync(fromLibreOffice));
      const twice = rollupBytes(rollupBytes(original, 46300, "2026-09-30"), 46330, "2026-10-30");
      expect(validate(twice)).toMatch(/0 problems/);
      const types = strFromU8(unzipSync(twice)["[Content_Types].xml"]);
      expect(types.match(/_rels\/drawing\d+\.xml\.rels"/g)).toHaveLength(1);
    },
  );
});
