/** A workbook file, read by the .xlsx host, with the file name put in front of any error. */
import { WorkbookFileError } from "../xlsx/errors";
import { readWorkbook, type ReadWorkbookResult } from "../xlsx/read-workbook";
import { readInputFile } from "./files";

export async function loadWorkbookFile(file: string): Promise<ReadWorkbookResult> {
  try {
    return readWorkbook(await readInputFile(file));
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new WorkbookFileError(`${file}: ${e.message}`);
    // The reader is total by design; anything else is a bug, but the user still gets one line.
    throw new WorkbookFileError(`${file}: could not be read as a workbook (${(e as Error).message})`);
  }
}
