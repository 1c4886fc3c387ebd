/**
 * The CLI as its users get it: `npm pack` (which builds the CLI through `prepare`), then
 * `npm install` of the tarball into an empty folder (from npm's cache when it has the packages),
 * then the installed `pmo-rollup` on the sample with the documented exit codes.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_STANDARD } from "../../src/core/standard/default-standard";

const root = join(__dirname, "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
jest.setTimeout(300_000);

interface PackedFile {
  path: string;
}

describe("the packed CLI", () => {
  const work = mkdtempSync(join(tmpdir(), "pmo-pack-"));
  let tarball = "";
  let files: string[] = [];

  beforeAll(() => {
    const json = execFileSync(npm, ["pack", "--json", "--pack-destination", work], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    }).toString();
    // `prepare` may print before the JSON; the JSON is the last top-level array.
    const packed = JSON.parse(json.slice(json.lastIndexOf("\n[") + 1)) as {
      filename: string;
      files: PackedFile[];
    }[];
    tarball = join(work, packed[0].filename);
    files = packed[0].files.map((f) => f.path);
  });

  it("carries the built CLI and what it needs, and not the sources or tests", () => {
    expect(existsSync(tarball)).toBe(true);
    expect(files).toEqual(
      expect.arrayContaining([
        "bin/pmo-rollup.js",
        "dist/cli/pmo-rollup.js",
        "schema/standard.schema.json",
        "README.md",
        "LICENSE",
        "package.json",
      ]),
    );
    expect(files.filter((f) => /^(src|test|scripts|\.ci|docs|assets)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith("dist/") && !f.startsWith("dist/cli/"))).toEqual([]);
    // The add-in's libraries are bundled at build time: the CLI installs without them.
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(Object.keys(manifest.dependencies).sort()).toEqual(["commander", "exceljs", "fflate", "zod"]);
  });

  it("installs into an empty folder and runs validate and rollup with the documented exit codes", () => {
    const app = join(work, "app");
    execFileSync("mkdir", ["-p", app]);
    writeFileSync(
      join(app, "package.json"),
      JSON.stringify({ name: "pmo-batch", version: "1.0.0", private: true }),
    );
    execFileSync(
      npm,
      ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball],
      {
        cwd: app,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const bin = join(app, "node_modules/.bin/pmo-rollup");
    const run = (...args: string[]) => spawnSync(bin, args, { cwd: app, encoding: "utf8" });

    const version = run("--version");
    expect(version.status).toBe(0);
    expect(version.stdout).toContain(`${DEFAULT_STANDARD.name} ${DEFAULT_STANDARD.version}`);

    expect(run("sample", "-o", "sample.xlsx").status).toBe(0);
    const validated = run("validate", "sample.xlsx", "--format", "json");
    expect(validated.status).toBe(1); // the sample has errors on purpose
    expect(JSON.parse(validated.stdout).files[0].summary.errors).toBeGreaterThan(0);

    const rolled = run("rollup", "sample.xlsx", "-o", "rollup.xlsx", "--as-of", "2026-11-30");
    expect(rolled.status).toBe(0);
    expect(readFileSync(join(app, "rollup.xlsx")).subarray(0, 2).toString()).toBe("PK");

    const missing = run("validate", "nope.xlsx");
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
  });
});
