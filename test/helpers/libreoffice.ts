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
