/** `pmo-rollup standard [--print-default | --check FILE]` */
import { DEFAULT_STANDARD } from "../core/standard/default-standard";
import { StandardError } from "../core/standard/load";
import { STANDARD_SCHEMA_ID } from "../core/standard/json-schema";
import { loadStandardFile } from "./standard-option";
import type { CliIO } from "./terminal";

export async function runStandard(
  opts: { printDefault?: boolean; check?: string },
  io: CliIO,
): Promise<number> {
  if (opts.check) {
    try {
      const standard = await loadStandardFile(opts.check);
      io.stdout(`${opts.check}: a valid standard, "${standard.name}" version ${standard.version}`);
      return 0;
    } catch (e) {
      if (!(e instanceof StandardError)) throw e;
      io.stdout(`${opts.check}: ${e.problems.length} problem${e.problems.length === 1 ? "" : "s"}`);
      for (const problem of e.problems) io.stdout(`  ${problem}`);
      return 1;
    }
  }
  if (opts.printDefault) {
    io.stdout(JSON.stringify({ $schema: STANDARD_SCHEMA_ID, ...DEFAULT_STANDARD }, null, 2));
    return 0;
  }
  io.stderr("pmo-rollup: standard needs --print-default or --check FILE");
  return 2;
}
