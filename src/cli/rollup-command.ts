/** `pmo-rollup rollup <workbook.xlsx>... -o OUT.xlsx [--in-place]` */
import * as path from "node:path";
import { dayFromIso, type DayNumber } from "../core/dates";
import { rollupWorkbooks } from "../core/rollup/portfolio-rollup";
import { withSubmissions } from "../core/rollup/submissions";
import { WorkbookFileError } from "../xlsx/errors";
import { writePlanIntoPackage } from "../xlsx/write-plan";
import { writeFileAtomic } from "./files";
import { loadWorkbookFile } from "./load-workbook";
import { loadStandardFile } from "./standard-option";
import { paletteFor, progressFor, type CliIO } from "./terminal";
import { rollupJson, rollupText } from "./rollup-report";

export interface RollupOptions {
  readonly output?: string;
  readonly inPlace?: boolean;
  readonly standard?: string;
  readonly asOf?: DayNumber;
  readonly format: "text" | "json";
  readonly limit: number;
}

export async function runRollup(files: readonly string[], opts: RollupOptions, io: CliIO): Promise<number> {
  const output = opts.inPlace ? files[0] : opts.output;
  if (!output)
    throw new WorkbookFileError("rollup needs -o OUT.xlsx (or --in-place to update the first workbook)");
  if (opts.inPlace && opts.output) throw new WorkbookFileError("give either -o or --in-place, not both");
  if (!opts.inPlace && files.some((f) => path.resolve(io.cwd, f) === path.resolve(io.cwd, output)))
    throw new WorkbookFileError(
      `-o ${output} is one of the inputs; the input is never overwritten unless --in-place is given`,
    );
  const explicit = opts.standard ? await loadStandardFile(opts.standard) : undefined;
  const progress = progressFor(io);
  const loaded = [];
  for (const [i, file] of files.entries()) {
    progress.update(`Reading ${file} (${i + 1}/${files.length})…`);
    loaded.push({ file, read: (await loadWorkbookFile(file, explicit)).read });
  }
  progress.update("Computing the rollup…");
  const rollup = rollupWorkbooks(
    // The first workbook's kept submissions (the pane's "Add submissions") are consolidated too.
    loaded.flatMap((l, i) =>
      i === 0 ? withSubmissions(l.file, l.read.grids) : [{ file: l.file, grids: l.read.grids }],
    ),
    { standard: explicit, asOf: opts.asOf, today: dayFromIso(io.today)!, refreshed: io.now() },
  );
  progress.update(`Writing ${output}…`);
  const base = loaded[0].read;
  let bytes: Uint8Array;
  try {
    bytes = writePlanIntoPackage(base.pkg, base.info, rollup.plan);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new WorkbookFileError(`${files[0]}: ${e.message}`);
    throw e;
  }
  await writeFileAtomic(output, bytes);
  progress.done();
  if (opts.format === "json") io.stdout(JSON.stringify(rollupJson(rollup), null, 2));
  else io.stdout(rollupText(rollup, paletteFor(io), opts.limit === 0 ? Infinity : opts.limit, output));
  return 0;
}
