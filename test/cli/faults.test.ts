/** Faults while writing: the disk fills up half way; the output must not be left half-written. */
import { promises as fs, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileAtomic } from "../../src/cli/files";
import { WorkbookFileError } from "../../src/xlsx/errors";
import { cli } from "../helpers/cli";
import { expectValidXlsx } from "../helpers/validate-xlsx";

describe("writing the CLI's output", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmo-faults-"));

  afterEach(() => jest.restoreAllMocks());

  it("leaves neither the output nor a temporary file when the disk fills up", async () => {
    const spy = jest.spyOn(fs, "writeFile").mockImplementationOnce(async (file) => {
      await fs.appendFile(file as string, "half a workbook"); // what a full disk leaves behind
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    });
    const out = join(dir, "out.xlsx");
    await expect(writeFileAtomic(out, new Uint8Array(10))).rejects.toThrow(WorkbookFileError);
    await expect(writeFileAtomic(out, new Uint8Array(10))).resolves.toBeUndefined();
    expect(spy).toHaveBeenCalled();
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it("keeps an existing output as it was when a rewrite fails, and says so in one line", async () => {
    const sample = join(dir, "sample.xlsx");
    await cli(["sample", "-o", sample]);
    const out = join(dir, "rollup.xlsx");
    expect((await cli(["rollup", sample, "-o", out])).code).toBe(0);
    expectValidXlsx(out, sample);
    const before = await fs.readFile(out);
    jest.spyOn(fs, "writeFile").mockRejectedValueOnce(Object.assign(new Error("ENOSPC"), { code: "ENOSPC" }));
    const run = await cli(["rollup", sample, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*rollup\.xlsx: the disk is full; nothing was written/);
    expect((await fs.readFile(out)).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });
});
