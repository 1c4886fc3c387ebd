/** `pmo-rollup sample -o OUT.xlsx [--projects N] [--seed N]` */
import { samplePortfolio } from "../sample/sample-portfolio";
import { writeSimpleWorkbook } from "../xlsx/write-simple-workbook";
import { writeFileAtomic } from "./files";
import type { CliIO } from "./terminal";

export async function runSample(
  opts: { output: string; projects: number; seed: number },
  io: CliIO,
): Promise<number> {
  const sheets = samplePortfolio({ projects: opts.projects, seed: opts.seed });
  await writeFileAtomic(opts.output, await writeSimpleWorkbook(sheets));
  io.stdout(`Wrote the sample portfolio (${opts.projects} projects, seed ${opts.seed}) to ${opts.output}`);
  return 0;
}
