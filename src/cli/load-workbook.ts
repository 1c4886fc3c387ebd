/**
 * An input file for the CLI: an .xlsx read by the .xlsx host, or a CSV read as one register
 * (the one its headers fit, else Projects) and turned into a workbook, so that
 * validate and rollup treat both alike. Errors carry the file name.
 */
import { basename } from "node:path";
import { csvGrid, parseCsv } from "../core/csv";
import { csvSheetName } from "../core/register/csv-register";
import { defaultStandard } from "../core/standard/load";
import type { Standard } from "../core/standard/schema";
import { WorkbookFileError } from "../xlsx/errors";
import { NODE_ZIP_CODEC } from "./node-zip-codec";
import { readWorkbook, type ReadWorkbookResult } from "../xlsx/read-workbook";
import { writeGridsWorkbook } from "../xlsx/write-grids";
import { readInputFile } from "./files";

export interface CsvFacts {
  readonly records: number;
  readonly delimiter: string;
  readonly encoding: string;
}

export interface LoadedFile {
  readonly read: ReadWorkbookResult;
  readonly csv?: CsvFacts;
}

export function isCsvName(file: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(file);
}

/**
 * Reads a workbook or CSV. A CSV is read as the register its headers fit (see csv-register.ts),
 * or as `standard`'s Projects register when a standard is given (a standard written for a
 * published data set says what the file is).
 */
export async function loadWorkbookFile(file: string, standard?: Standard): Promise<LoadedFile> {
  try {
    const bytes = await readInputFile(file);
    if (isCsvName(file)) {
      const csv = parseCsv(bytes);
      if (csv.records === 0) throw new WorkbookFileError("the CSV file is empty");
      const sheet = standard
        ? standard.registers.projects.sheet
        : csvSheetName(basename(file).replace(/\.[^.]*$/, ""), csvGrid("CSV", csv), defaultStandard());
      const read = readWorkbook(writeGridsWorkbook([csvGrid(sheet, csv)], NODE_ZIP_CODEC), {
        codec: NODE_ZIP_CODEC,
      });
      return { read, csv: { records: csv.records, delimiter: csv.delimiter, encoding: csv.encoding } };
    }
    return { read: readWorkbook(bytes, { codec: NODE_ZIP_CODEC }) };
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new WorkbookFileError(`${file}: ${e.message}`);
    // The readers are total by design; anything else is a bug, but the user still gets one line.
    throw new WorkbookFileError(`${file}: could not be read as a workbook (${(e as Error).message})`);
  }
}
