import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { NODE_ZIP_CODEC } from "../../src/cli/node-zip-codec";
import { FFLATE_CODEC } from "../../src/xlsx/codec";
import fc from "fast-check";
import { cell, type SheetPlan } from "../../src/core/plan/sheet-plan";
import { sheetXmlDeflated, sheetXmlParts } from "../../src/xlsx/sheet-writer";
import { mergeStyles } from "../../src/xlsx/styles-writer";
import { crc32, crc32Combine, readStoredEntries, writeZip } from "../../src/xlsx/zip";
import { workbookWithChart } from "../helpers/chart-workbook";
import { rollupBytes } from "../helpers/rollup";

describe("the zip container", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("reads a package's stored entries and copies them, compressed, beside new parts", () => {
    const text = "<x>" + "register row ".repeat(5000) + "</x>";
    const source = zipSync({
      "a.xml": [strToU8(text), { level: 6 }],
      "dir/b.bin": [new Uint8Array([1, 2, 3]), { level: 0 }],
    });
    const stored = readStoredEntries(source)!;
    expect([...stored.keys()]).toEqual(["a.xml", "dir/b.bin"]);
    expect(stored.get("a.xml")!.method).toBe(8);
    expect(stored.get("a.xml")!.data.length).toBeLessThan(text.length / 10);
    expect(stored.get("dir/b.bin")!.method).toBe(0);

    const out = writeZip([
      { name: "a.xml", stored: stored.get("a.xml")! },
      { name: "dir/b.bin", stored: stored.get("dir/b.bin")! },
      { name: "new é.xml", data: strToU8("<new/>"), level: 6 },
    ]);
    const parts = unzipSync(out);
    expect(strFromU8(parts["a.xml"])).toBe(text);
    expect([...parts["dir/b.bin"]]).toEqual([1, 2, 3]);
    expect(strFromU8(parts["new é.xml"])).toBe("<new/>");
    // The copy is the same compressed bytes, not a re-compression.
    expect(readStoredEntries(out)!.get("a.xml")!.data).toEqual(stored.get("a.xml")!.data);
  });

  it("declines what it cannot copy from (not a zip, truncated directory)", () => {
    expect(readStoredEntries(strToU8("not a zip at all"))).toBeNull();
    const zip = zipSync({ "a.xml": strToU8("<a/>") });
    expect(readStoredEntries(zip.subarray(0, zip.length - 30))).toBeNull();
  });

  it("writing a rollup copies the user's parts still compressed, byte for byte", async () => {
    const input = await workbookWithChart();
    const output = rollupBytes(input);
    const before = readStoredEntries(input)!;
    const after = readStoredEntries(output)!;
    const copied = [...before.keys()].filter(
      (n) => n.startsWith("xl/worksheets/sheet") || n.includes("chart"),
    );
    expect(copied.length).toBeGreaterThan(1);
    for (const name of copied) expect(after.get(name)?.data).toEqual(before.get(name)!.data);
  });
});

describe("the codecs", () => {
  const pieces = Array.from({ length: 5 }, (_, i) =>
    strToU8(`<piece n="${i}">${"abc".repeat(20_000 + i)}</piece>`),
  );
  const whole = pieces.map((p) => strFromU8(p)).join("");

  it.each([
    ["fflate", FFLATE_CODEC],
    ["Node zlib", NODE_ZIP_CODEC],
  ])("%s deflates a part given in pieces into one valid stream", (_, codec) => {
    const out = writeZip([{ name: "big.xml", data: pieces, level: 1 }], codec);
    expect(strFromU8(unzipSync(out)["big.xml"])).toBe(whole);
    const stored = readStoredEntries(out)!.get("big.xml")!;
    expect(stored.crc).toBe(crc32(strToU8(whole)));
    // And either codec reads what the other wrote.
    for (const reader of [FFLATE_CODEC, NODE_ZIP_CODEC])
      expect(strFromU8(reader.inflateRaw(stored.data, stored.size))).toBe(whole);
  });

  it("Node zlib refuses to inflate past the size the directory declares", () => {
    const out = writeZip([{ name: "a.xml", data: strToU8("x".repeat(100_000)), level: 6 }]);
    const stored = readStoredEntries(out)!.get("a.xml")!;
    expect(() => NODE_ZIP_CODEC.inflateRaw(stored.data, 1000)).toThrow();
    expect(FFLATE_CODEC.inflateRaw(stored.data, 1000).length).toBe(1000);
  });
});

describe("deflating as it is written", () => {
  it("combines CRCs of pieces into the CRC of the whole (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        const whole = new Uint8Array([...a, ...b]);
        return crc32Combine(crc32(a), crc32(b), b.length) === crc32(whole);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("writes a sheet as independent runs that inflate to the same XML as the plain writer", () => {
    const rows = Array.from({ length: 50_000 }, (_, r) =>
      [
        `project ${r} ${"n".repeat(80)}`,
        r * 1.5,
        { kind: "link" as const, text: `P-${r}`, sheet: "Projects", cell: `A${r + 2}` },
      ].map((v) => cell(v, typeof v === "number" ? "money" : "text")),
    );
    const plan: SheetPlan = {
      role: "projects",
      name: "Big",
      rows,
      widths: [30, 12, 10],
      merges: [],
      print: { landscape: true, fitToWidth: true },
    };
    const { xfIndex } = mergeStyles(undefined);
    const deflated = sheetXmlDeflated(plan, xfIndex, (piece) => NODE_ZIP_CODEC.deflateRun!(piece, 1));
    expect(deflated.runs.length).toBeGreaterThan(4);
    const zip = writeZip([{ name: "sheet.xml", deflated }]);
    const xml = unzipSync(zip)["sheet.xml"];
    const plain = sheetXmlParts(plan, xfIndex);
    const expected = new Uint8Array(plain.reduce((n, c) => n + c.length, 0));
    plain.reduce((at, c) => (expected.set(c, at), at + c.length), 0);
    expect(xml.length).toBe(expected.length);
    expect(Buffer.from(xml).equals(Buffer.from(expected))).toBe(true);
    expect(readStoredEntries(zip)!.get("sheet.xml")!.crc).toBe(crc32(expected));
  });
});
