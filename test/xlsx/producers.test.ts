/**
 * Workbooks from many producers, rolled up: every output must open in Excel without repair
 * (validate-xlsx --changed-from its input: nothing new wrong), every part we do not own copied
 * byte for byte, the registers read back equal, and a second rollup change nothing but History.
 * Inputs: ../shared/corpus/producers (real files; skipped when absent) and registers generated
 * in each producer's style (test/helpers/producer-workbooks.ts). The results are written to
 * dist/producers-results.json for docs/RELIABILITY.md (npm run reliability-doc).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { checkWorkbook } from "../../src/core/engine";
import { refreshRollup } from "../../src/host/refresh";
import { OWNERSHIP_PREFIX } from "../../src/core/plan/sheet-names";
import { WorkbookFileError } from "../../src/xlsx/errors";
import { XlsxPackage } from "../../src/xlsx/package";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { fakeFromGrids, hostOf } from "../helpers/fake-workbook";
import { day, PROJECT_HEADER } from "../helpers/grids";
import { hasLibreOffice, sheetsAsCsv } from "../helpers/libreoffice";
import {
  exceljsRegister,
  libreOfficeRegister,
  pythonRegisters,
  STRICT_SML,
  syntheticVariants,
  type ProducerWorkbook,
} from "../helpers/producer-workbooks";
import { rollupBytes } from "../helpers/rollup";
import { validateXlsxFiles, validatorAvailable } from "../helpers/validate-xlsx";

const CORPUS = resolve(__dirname, "../../../shared/corpus/producers");
const OURS = ["PMO Rollup", "PMO Projects", "PMO Findings", "PMO History"];
const AS_OF = "2026-10-30";

interface Result {
  readonly producer: string;
  readonly features: string;
  readonly result: string;
}

function corpusWorkbooks(): ProducerWorkbook[] {
  if (!existsSync(CORPUS)) {
    process.stderr.write(`\nNOTE: ${CORPUS} is not there; the real producers' files are skipped\n`);
    return [];
  }
  const readme = existsSync(join(CORPUS, "README.md")) ? readFileSync(join(CORPUS, "README.md"), "utf8") : "";
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((file) => {
      const row = readme.split("\n").find((l) => l.startsWith(`| ${file} |`));
      const producer = row?.split("|")[2].trim().split(" — ")[0] ?? file;
      return {
        producer: `${file}: ${producer}`,
        features: file
          .replace(/\.xlsx$/, "")
          .split("-")
          .slice(1, -1)
          .join(", "),
        bytes: new Uint8Array(readFileSync(join(CORPUS, file))),
        ...(/wbprotect/.test(file) ? { refused: /structure is protected.*unprotect/ } : {}),
      };
    });
}

/** The parts a rollup rewrites: the workbook, its relationships, content types, styles and our sheets. */
function ownedParts(output: Uint8Array): Set<string> {
  const pkg = XlsxPackage.open(output);
  const read = readWorkbook(output);
  const owned = new Set([pkg.workbookPath, "[Content_Types].xml"]);
  const wb = pkg.workbookPath.split("/");
  owned.add([...wb.slice(0, -1), "_rels", `${wb[wb.length - 1]}.rels`].join("/"));
  for (const s of read.info.sheets) if (OURS.includes(s.name) && s.path) owned.add(s.path);
  for (const p of pkg.parts) if (/styles\d*\.xml$/.test(p.name)) owned.add(p.name);
  return owned;
}

function userSheets(bytes: Uint8Array) {
  return readWorkbook(bytes).grids.sheets.filter((s) => !s.ownedRole);
}

describe("rolling up workbooks from many producers", () => {
  const inputs: ProducerWorkbook[] = [];
  const outputs = new Map<ProducerWorkbook, Uint8Array>();
  const results: Result[] = [];

  beforeAll(async () => {
    const base = await exceljsRegister();
    inputs.push(
      ...corpusWorkbooks(),
      { producer: "exceljs", features: "the register as exceljs writes it", bytes: base },
      ...pythonRegisters(PROJECT_HEADER as string[]),
      ...(await syntheticVariants()),
    );
    const lo = libreOfficeRegister(base);
    if (lo) inputs.push(lo);
    for (const input of inputs) {
      if (input.refused) continue;
      outputs.set(input, rollupBytes(input.bytes, 46356.5, AS_OF, false)); // validated below, result recorded
    }
  }, 300_000);

  afterAll(() => {
    if (results.length === 0) return;
    mkdirSync("dist", { recursive: true });
    writeFileSync("dist/producers-results.json", JSON.stringify(results, null, 2));
  });

  it("has producers to test (the generated ones at least)", () => {
    expect(inputs.length).toBeGreaterThanOrEqual(11);
  });

  it("writes packages Excel opens without repair: nothing new wrong, by validate-xlsx --changed-from", () => {
    if (!validatorAvailable()) return;
    const failures: string[] = [];
    for (const input of inputs) {
      const output = outputs.get(input);
      const row = { producer: input.producer, features: input.features };
      if (!output) {
        results.push({ ...row, result: "refused with one line (Excel cannot add sheets either)" });
        continue;
      }
      const [check] = validateXlsxFiles([output], input.bytes)!;
      if (check.problems.length > 0) failures.push(`${input.producer}:\n  ${check.problems.join("\n  ")}`);
      results.push({
        ...row,
        result: check.problems.length === 0 ? "rolled up; valid" : `INVALID: ${check.problems[0]}`,
      });
    }
    expect(failures).toEqual([]);
  });

  it("reads every one for validate, Strict and moved parts included, as the same register", () => {
    const grids = (producer: string) =>
      readWorkbook(inputs.find((i) => i.producer === producer)!.bytes).grids.sheets.map((s) => [
        s.name,
        s.rows,
      ]);
    for (const input of inputs) {
      const read = readWorkbook(input.bytes);
      const check = checkWorkbook(read.grids, { today: day(AS_OF), asOf: day(AS_OF) });
      // The generated ones hold the Projects register: it is found (the corpus files hold others).
      if (!input.producer.includes(".xlsx:"))
        expect([
          input.producer,
          check.validation.findings.filter((f) => f.code === "missing-register"),
        ]).toEqual([input.producer, []]);
    }
    // The synthetic variants are the exceljs register rewritten: each reads as that register.
    const base = grids("exceljs");
    for (const input of inputs.filter((i) => i.producer.startsWith("synthetic")))
      expect([input.producer, grids(input.producer)]).toEqual([input.producer, base]);
  });

  it("refuses only a workbook whose structure is protected, in one line saying how to unprotect it; validate reads it", () => {
    for (const input of inputs.filter((i) => i.refused)) {
      expect(() => rollupBytes(input.bytes, 46356.5, AS_OF)).toThrow(WorkbookFileError);
      expect(() => rollupBytes(input.bytes, 46356.5, AS_OF)).toThrow(input.refused!);
      expect(readWorkbook(input.bytes).grids.sheets.length).toBeGreaterThan(0);
    }
    expect(inputs.filter((i) => i.refused).length).toBeGreaterThanOrEqual(1);
  });

  it("copies every part it does not own byte for byte, still compressed", () => {
    for (const [input, output] of outputs) {
      const before = XlsxPackage.open(input.bytes);
      const after = XlsxPackage.open(output);
      const owned = ownedParts(output);
      for (const part of before.parts) {
        if (owned.has(part.name)) continue;
        const was = before.stored(part.name);
        const is = after.stored(part.name);
        expect([input.producer, part.name, is !== undefined]).toEqual([input.producer, part.name, true]);
        if (was && is) expect(Buffer.from(is.data).equals(Buffer.from(was.data))).toBe(true);
      }
    }
  });

  it("leaves the registers equal cell for cell, and adds our four sheets after the user's", () => {
    for (const [input, output] of outputs) {
      expect([input.producer, userSheets(output)]).toEqual([input.producer, userSheets(input.bytes)]);
      const names = readWorkbook(output).grids.sheets.map((s) => s.name);
      expect([input.producer, names.slice(-4)]).toEqual([input.producer, OURS]);
    }
  });

  it("a second rollup changes nothing but History: same parts, styles, names and sheets", () => {
    for (const [input, output] of outputs) {
      const again = rollupBytes(output, 46356.5, AS_OF);
      const a = XlsxPackage.open(output);
      const b = XlsxPackage.open(again);
      expect([input.producer, b.parts.map((p) => p.name)]).toEqual([
        input.producer,
        a.parts.map((p) => p.name),
      ]);
      // History grows by a snapshot per refresh, and its filter range with it.
      const withoutHistoryRange = (xml: string | undefined) =>
        xml?.replace(/'PMO History'!\$A\$1:\$[A-Z]+\$\d+/, "");
      for (const part of a.parts) {
        if (/worksheets\/sheet\d+\.xml$/.test(part.name)) continue;
        expect([input.producer, part.name, withoutHistoryRange(b.text(part.name))]).toEqual([
          input.producer,
          part.name,
          withoutHistoryRange(a.text(part.name)),
        ]);
      }
      const sheetsA = readWorkbook(output).grids.sheets.filter((s) => s.name !== "PMO History");
      const sheetsB = readWorkbook(again).grids.sheets.filter((s) => s.name !== "PMO History");
      expect(sheetsB).toEqual(sheetsA);
    }
  });

  it("writes a Strict workbook's new parts in Strict namespaces: never a mixed package", () => {
    const strict = [...outputs].filter(([input]) => isStrict(input.bytes));
    expect(strict.length).toBeGreaterThanOrEqual(1);
    for (const [input, output] of strict) {
      const pkg = XlsxPackage.open(output);
      // Excel itself writes some transitional relationship types (VML) into Strict files: only ours count.
      for (const part of ownedParts(output)) {
        const text = pkg.text(part)!;
        expect([
          input.producer,
          part,
          /schemas\.openxmlformats\.org\/(spreadsheetml\/2006\/main|officeDocument\/2006\/relationships)/.test(
            text,
          ),
        ]).toEqual([input.producer, part, false]);
      }
      expect(pkg.text(pkg.workbookPath)).toContain(STRICT_SML);
    }
  });

  it("writes workbooks LibreOffice opens, with our sheets and the register in them", () => {
    if (!hasLibreOffice()) return;
    const dir = mkdtempSync(join(tmpdir(), "producers-lo-open-"));
    const picks = [...outputs].filter(([i]) => /pandas|Strict\)|ClosedXML\)|SheetJS\)/.test(i.producer));
    expect(picks.length).toBeGreaterThanOrEqual(3);
    for (const [input, output] of picks) {
      const file = join(dir, `${input.producer.replace(/\W+/g, "-")}.xlsx`);
      writeFileSync(file, output);
      const sheets = sheetsAsCsv(file);
      expect([input.producer, [...sheets.keys()].filter((n) => OURS.includes(n)).sort()]).toEqual([
        input.producer,
        [...OURS].sort(),
      ]);
      expect(sheets.get("PMO Projects")!.flat().join(" ")).toMatch(/P-0*1\b/);
    }
  }, 300_000);

  it("the Excel host on the fake reads the same inputs and adds the same sheets in the same order", async () => {
    for (const [input, output] of outputs) {
      if (!/exceljs|pandas|openpyxl|synthetic/.test(input.producer)) continue;
      const fake = fakeFromGrids(readWorkbook(input.bytes).grids);
      await refreshRollup(hostOf(fake), {
        file: "book.xlsx",
        today: day(AS_OF),
        asOf: day(AS_OF),
        now: 46356.5,
      });
      const fromFile = readWorkbook(output).grids.sheets.map((s) => s.name);
      expect([input.producer, fake.workbook.sheets.map((s) => s.name)]).toEqual([input.producer, fromFile]);
      const names = [...fake.workbook.names.keys()].filter((n) => n.startsWith(OWNERSHIP_PREFIX)).sort();
      const fileNames = readWorkbook(output)
        .info.definedNames.filter((n) => n.name.startsWith(OWNERSHIP_PREFIX))
        .map((n) => n.name)
        .sort();
      expect([input.producer, names]).toEqual([input.producer, fileNames]);
    }
  });
});

function isStrict(bytes: Uint8Array): boolean {
  const pkg = XlsxPackage.open(bytes);
  return (pkg.text(pkg.workbookPath) ?? "").includes(STRICT_SML);
}
