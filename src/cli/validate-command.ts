/** `pmo-rollup validate <workbook...>` */
import { dayFromIso, type DayNumber } from "../core/dates";
import { checkWorkbook } from "../core/engine";
import type { Standard } from "../core/standard/schema";
import { countFindings } from "../core/validate/finding";
import { WorkbookFileError } from "../xlsx/errors";
import { loadWorkbookFile } from "./load-workbook";
import { loadStandardFile } from "./standard-option";
import { paletteFor, progressFor, type CliIO } from "./terminal";
import { validateJson, validateText, type FileResult } from "./validate-report";

export interface ValidateOptions {
  readonly standard?: string;
  readonly asOf?: DayNumber;
  readonly format: "text" | "json";
  readonly limit: number;
}

export async function runValidate(
  files: readonly string[],
  opts: ValidateOptions,
  io: CliIO,
): Promise<number> {
  const explicit: Standard | undefined = opts.standard ? await loadStandardFile(opts.standard) : undefined;
  const today = dayFromIso(io.today)!;
  const progress = progressFor(io);
  const results: FileResult[] = [];
  let unreadable = 0;
  for (const [i, file] of files.entries()) {
    progress.update(`Validating ${file} (${i + 1}/${files.length})…`);
    try {
      const loaded = await loadWorkbookFile(file, explicit);
      const grids = loaded.read.grids;
      const check = checkWorkbook(grids, { standard: explicit, asOf: opts.asOf, today, fileName: file });
      results.push({
        file,
        check,
        sheetOrder: grids.sheets.map((s) => s.name),
        ...(loaded.csv ? { csv: loaded.csv } : {}),
      });
    } catch (e) {
      if (!(e instanceof WorkbookFileError)) throw e;
      progress.done();
      io.stderr(`pmo-rollup: ${e.message}`);
      unreadable++;
    }
  }
  progress.done();
  if (opts.format === "json") {
    io.stdout(JSON.stringify(validateJson(results), null, 2));
  } else {
    const p = paletteFor(io);
    const limit = opts.limit === 0 ? Infinity : opts.limit;
    io.stdout(results.map((r) => validateText(r, p, limit)).join("\n\n"));
    if (files.length > 1) {
      const withErrors = results.filter((r) => countFindings(r.check.validation.findings).errors > 0).length;
      io.stdout(
        `\n${files.length} files: ${withErrors} with errors, ${results.length - withErrors} ready${unreadable ? `, ${unreadable} unreadable` : ""}.`,
      );
    }
  }
  if (unreadable > 0) return 2;
  return results.some((r) => countFindings(r.check.validation.findings).errors > 0) ? 1 : 0;
}
