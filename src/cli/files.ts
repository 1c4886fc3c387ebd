/** Reading inputs and writing outputs for the CLI: clear one-line errors, atomic writes. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { WorkbookFileError } from "../xlsx/errors";

export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new WorkbookFileError("is a folder, not a workbook");
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError("no such file");
    if (code === "EACCES" || code === "EPERM")
      throw new WorkbookFileError("permission denied: the file cannot be read");
    throw new WorkbookFileError(`cannot be read (${code ?? (e as Error).message})`);
  }
}

/**
 * Write `bytes` to `file` by way of a temporary file in the same folder and a rename, so a
 * failure half way (disk full, interrupted) never leaves a half-written workbook behind.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOSPC"
        ? "the disk is full"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "EISDIR"
            ? "it is a folder"
            : (e as Error).message;
    throw new WorkbookFileError(`cannot write ${file}: ${why}; nothing was written`);
  }
}
