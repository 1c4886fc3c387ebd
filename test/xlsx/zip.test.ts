import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { NODE_ZIP_CODEC } from "../../src/cli/node-zip-codec";
import { FFLATE_CODEC } from "../../src/xlsx/codec";
import { crc32, readStoredEntries, writeZip } from "../../src/xlsx/zip";
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
