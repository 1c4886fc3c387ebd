/** LibreOffice (headless) as a second reader of the workbooks we write: CSV of every sheet, PDF. */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export function hasLibreOffice(): boolean {
  return spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
}

function soffice(args: string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", ...args, "--outdir", outDir],
    {
      env: { ...process.env, HOME: profile },
      stdio: "pipe",
      timeout: 120_000,
    },
  );
}

/** Every sheet as CSV rows of raw values: sheet name -> rows. */
export function sheetsAsCsv(file: string): Map<string, string[][]> {
  const outDir = mkdtempSync(join(tmpdir(), "lo-csv-"));
  // UTF-8, all sheets (-1), raw values rather than formatted text
  soffice(
    ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", file],
    outDir,
  );
  const stem = basename(file).replace(/\.xlsx$/, "");
  const out = new Map<string, string[][]>();
  for (const name of readdirSync(outDir)) {
    if (!name.startsWith(`${stem}-`)) continue;
    out.set(name.slice(stem.length + 1, -4), parseCsv(readFileSync(join(outDir, name), "utf8")));
  }
  return out;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Render the page that shows `marker` to PNG; returns the PNG's path. */
export function renderPageWith(file: string, marker: string, png: string): string {
  const outDir = mkdtempSync(join(tmpdir(), "lo-pdf-"));
  soffice(["--convert-to", "pdf", file], outDir);
  const pdf = join(outDir, basename(file).replace(/\.xlsx$/, ".pdf"));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())![1]);
  for (let page = 1; page <= pages; page++) {
    const text = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"]).toString();
    if (!text.includes(marker)) continue;
    mkdirSync(join(png, ".."), { recursive: true });
    const stem = png.replace(/\.png$/, "");
    execFileSync("pdftoppm", [
      "-f",
      String(page),
      "-l",
      String(page),
      "-png",
      "-r",
      "80",
      "-singlefile",
      pdf,
      stem,
    ]);
    if (!existsSync(png)) throw new Error(`pdftoppm wrote no ${png}`);
    return png;
  }
  throw new Error(`no page of ${pdf} shows "${marker}"`);
}

export interface RenderedPage {
  readonly png: string;
  /** The page's text, as pdftotext reads it (chart titles and labels included). */
  readonly text: string;
  /** The page as RGB pixels, to look for the colours a chart draws. */
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
}

/** The page showing `marker` as a PNG (the top `fraction` of it) at `dpi`, with its text and pixels. */
export function renderPage(file: string, marker: string, png: string, dpi = 80, fraction = 1): RenderedPage {
  const outDir = mkdtempSync(join(tmpdir(), "lo-page-"));
  soffice(["--convert-to", "pdf", file], outDir);
  const pdf = join(outDir, basename(file).replace(/\.xlsx$/, ".pdf"));
  const info = execFileSync("pdfinfo", [pdf]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const heightPts = Number(/Page size:\s+[\d.]+ x ([\d.]+)/.exec(info)![1]);
  for (let page = 1; page <= pages; page++) {
    const range = ["-f", String(page), "-l", String(page)];
    const text = execFileSync("pdftotext", [...range, pdf, "-"]).toString();
    if (!text.includes(marker)) continue;
    mkdirSync(join(png, ".."), { recursive: true });
    const crop = ["-H", String(Math.round((heightPts / 72) * dpi * fraction)), "-W", "100000"];
    execFileSync("pdftoppm", [
      ...range,
      "-png",
      "-r",
      String(dpi),
      ...crop,
      "-singlefile",
      pdf,
      png.replace(/\.png$/, ""),
    ]);
    const ppmStem = join(outDir, "page");
    execFileSync("pdftoppm", [...range, "-r", String(dpi), "-singlefile", pdf, ppmStem]);
    const ppm = readFileSync(`${ppmStem}.ppm`);
    // P6 header: "P6\nW H\n255\n", then RGB bytes.
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"))!;
    return {
      png,
      text,
      width: Number(header[1]),
      height: Number(header[2]),
      rgb: new Uint8Array(ppm.subarray(header[0].length)),
    };
  }
  throw new Error(`no page of ${pdf} shows "${marker}"`);
}

/** How many pixels are within `tolerance` of an RGB hex colour. */
export function pixelsNear(page: RenderedPage, hex: string, tolerance = 12): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i + 2 < page.rgb.length; i += 3)
    if (
      Math.abs(page.rgb[i] - r) <= tolerance &&
      Math.abs(page.rgb[i + 1] - g) <= tolerance &&
      Math.abs(page.rgb[i + 2] - b) <= tolerance
    )
      n++;
  return n;
}
