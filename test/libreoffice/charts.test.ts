/**
 * PMO Rollup with its charts as a person sees it: LibreOffice prints the sheet of a workbook
 * refreshed at two status dates, and the page shows the five charts (their titles, and the colours
 * only a chart draws) above the tables. The picture is kept in test-output/; `npm run screenshots`
 * copies it to docs/pmo-rollup.png for the README.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHART_COLORS } from "../../src/core/plan/styles";
import { cli } from "../helpers/cli";
import { hasLibreOffice, pixelsNear, renderPage, type RenderedPage } from "../helpers/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "pmo-lo-charts-"));
const run = hasLibreOffice() || process.env.CI ? describe : describe.skip;
const picture = join(__dirname, "../../test-output/pmo-rollup.png");

run("LibreOffice printing PMO Rollup with its charts", () => {
  let page: RenderedPage;

  beforeAll(async () => {
    const sample = join(dir, "sample.xlsx");
    await cli(["sample", "-o", sample]);
    await cli(["rollup", sample, "--as-of", "2026-09-30", "-o", join(dir, "first.xlsx")]);
    await cli(["rollup", join(dir, "first.xlsx"), "--as-of", "2026-10-30", "-o", join(dir, "second.xlsx")]);
    // The top of the first page: title, key figures, the charts, the RAG table and the trend.
    page = renderPage(join(dir, "second.xlsx"), "Portfolio rollup", picture, 110, 0.62);
    if (process.env.UPDATE_SCREENSHOTS) copyFileSync(picture, join(__dirname, "../../docs/pmo-rollup.png"));
  }, 240_000);

  it("prints the five charts' titles on the first page", () => {
    for (const title of [
      "Projects by overall RAG",
      "Budget (BAC) by overall RAG",
      "SPI and CPI by programme",
      "Projects by overall RAG, per status date",
      "Portfolio SPI and CPI, per status date",
    ])
      expect(page.text).toContain(title);
    // The trend's two status dates label the trend charts' axes and its rows.
    expect(page.text.match(/30 Sep 2026/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it("draws the series: the CPI bars' blue is a colour only a chart uses", () => {
    expect(pixelsNear(page, CHART_COLORS.cpi)).toBeGreaterThan(2_000);
    // The threshold lines, dashed in the lights' green and amber.
    expect(pixelsNear(page, CHART_COLORS.greenLine, 30)).toBeGreaterThan(100);
  });
});
