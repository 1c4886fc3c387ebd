/** The --standard FILE option: read and check a standard file. */
import { parseStandardText, StandardError } from "../core/standard/load";
import type { Standard } from "../core/standard/schema";
import { readInputFile } from "./files";
import { WorkbookFileError } from "../xlsx/errors";

export async function loadStandardFile(file: string): Promise<Standard> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(file);
  } catch (e) {
    throw new StandardError(file, [(e as WorkbookFileError).message]);
  }
  return parseStandardText(new TextDecoder("utf-8").decode(bytes), file);
}
