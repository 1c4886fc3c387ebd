/** The add-in's manifest, icons and production build (dist/ is built by `npm test` before Jest runs). */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "../..");
const validator = join(root, "../shared/tools/validate-manifest");
const canValidate = existsSync(validator) && spawnSync("xmllint", ["--version"]).status === 0;
const built = existsSync(join(root, "dist/taskpane.html"));

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  const xml = readFileSync(join(root, "manifest.xml"), "utf8");

  (canValidate ? it : it.skip)("passes the offline XML Schema check", () => {
    expect(spawnSync(validator, [join(root, "manifest.xml")]).status).toBe(0);
  });

  it("is read by office-addin-manifest", () => {
    const info = execFileSync(join(root, "node_modules/.bin/office-addin-manifest"), [
      "info",
      join(root, "manifest.xml"),
    ]).toString();
    expect(info).toMatch(/Name: PMO Rollup/);
    expect(info).toMatch(/Hosts: Workbook/);
    expect(info).toMatch(/Permissions: ReadWriteDocument/);
  });

  it("asks for ReadWriteDocument and nothing else, on Excel, from ExcelApi 1.7", () => {
    expect(xml.match(/<Permissions>([^<]*)<\/Permissions>/)![1]).toBe("ReadWriteDocument");
    expect(xml.match(/<Host Name="([^"]*)"/g)).toEqual(['<Host Name="Workbook"']);
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
  });

  it("has the pane button and the two commands, wired to the functions the code registers", () => {
    expect(xml).toMatch(/xsi:type="ShowTaskpane"/);
    const functions = [...xml.matchAll(/<FunctionName>([^<]*)<\/FunctionName>/g)].map((m) => m[1]);
    expect(functions).toEqual(["validateRegisters", "refreshRollup"]);
    const code = readFileSync(join(root, "src/commands/commands.ts"), "utf8");
    for (const f of functions) expect(code).toContain(`Office.actions.associate("${f}"`);
  });

  it("points at icons drawn at 16, 32 and 80 px (and 64 for high resolution)", () => {
    for (const size of [16, 32, 64, 80]) {
      expect(xml).toContain(`assets/icon-${size}.png`);
      expect(pngSize(join(root, `assets/icon-${size}.png`))).toEqual([size, size]);
    }
  });
});

(built ? describe : describe.skip)("the production build (dist/)", () => {
  it("has the pages, the manifest and the assets", () => {
    for (const f of [
      "taskpane.html",
      "commands.html",
      "notice.html",
      "support.html",
      "manifest.xml",
      "assets/icon-32.png",
    ])
      expect(existsSync(join(root, "dist", f))).toBe(true);
  });

  it("rewrites the manifest's URLs to the deployment URL and stays valid", () => {
    const xml = readFileSync(join(root, "dist/manifest.xml"), "utf8");
    expect(xml).not.toMatch(/localhost/);
    expect(xml).toMatch(/https:\/\/addin\.pmo-rollup\.test\/taskpane\.html/);
    expect(xml).toMatch(/<AppDomain>https:\/\/addin\.pmo-rollup\.test<\/AppDomain>/);
    if (canValidate) expect(spawnSync(validator, [join(root, "dist/manifest.xml")]).status).toBe(0);
  });

  it("loads Office.js from Microsoft's CDN under a Content-Security-Policy without eval", () => {
    for (const page of ["taskpane.html", "commands.html"]) {
      const html = readFileSync(join(root, "dist", page), "utf8");
      expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
      const csp = /Content-Security-Policy"? content="([^"]*)"/.exec(html)![1];
      expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      expect(csp).not.toMatch(/unsafe-eval/);
    }
  });

  it("keeps the first screen's JavaScript under 400 KB gzipped, and the .xlsx code out of it", () => {
    const report = JSON.parse(readFileSync(join(root, "dist/bundle-sizes.json"), "utf8"));
    expect(report.firstScreenGzip).toBeLessThan(400 * 1024);
    const html = readFileSync(join(root, "dist/taskpane.html"), "utf8");
    const lazy = report.files.find((f: { file: string }) => f.file.startsWith("xlsx-host"));
    expect(lazy).toBeDefined();
    expect(html).not.toContain(lazy.file);
  });
});
