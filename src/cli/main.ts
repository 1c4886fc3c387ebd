/**
 * The pmo-rollup command (DESIGN §7). Exit codes: 0 ran and found no errors, 1 ran and found
 * errors, 2 could not run (usage, unreadable file, broken standard) with one line on stderr.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { parseAsOf } from "../core/engine";
import { DEFAULT_STANDARD } from "../core/standard/default-standard";
import { StandardError } from "../core/standard/load";
import { WorkbookFileError } from "../xlsx/errors";
import { runInfer } from "./infer-command";
import { runRollup } from "./rollup-command";
import { runSample } from "./sample-command";
import { runStandard } from "./standard-command";
import { runTemplate } from "./template-command";
import type { CliIO } from "./terminal";
import { runValidate } from "./validate-command";
import { version as packageVersion } from "../../package.json";

export const EXIT = { ok: 0, findings: 1, cannotRun: 2 } as const;

function parseInteger(name: string, min: number) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`${name} must be a whole number of at least ${min}`);
    return n;
  };
}

function parseAsOfOption(text: string): number {
  const day = parseAsOf(text);
  if (day === null) throw new InvalidArgumentError("--as-of must be a real date written YYYY-MM-DD");
  return day;
}

/** The options validate and rollup share: the standard, the status date, the output format. */
function withRunOptions(command: Command): Command {
  return command
    .option("--standard <file>", "a PMO standard (JSON) instead of the workbook's or the built-in one")
    .option(
      "--as-of <date>",
      "status date, YYYY-MM-DD (default: the workbook's Status Date, else today)",
      parseAsOfOption,
    )
    .addOption(formatOption());
}

const formatOption = () =>
  new Option("--format <format>", "output format").choices(["text", "json"]).default("text");

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command("pmo-rollup")
    .description("Validate PMO project registers and write traffic-light (RAG) rollups.")
    .version(
      `${packageVersion} (built-in standard: ${DEFAULT_STANDARD.name} ${DEFAULT_STANDARD.version})`,
      "-V, --version",
      "the tool's version and its built-in standard's",
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s.replace(/\n$/, "")),
      writeErr: (s) => io.stderr(s.replace(/\n$/, "")),
      outputError: (s, write) => write(s.replace(/^error: /, "pmo-rollup: ")),
    });

  withRunOptions(program.command("validate"))
    .description("check registers against the PMO standard and list every finding at its cell")
    .argument("<workbook...>", ".xlsx workbooks (or CSV registers) to check")
    .option(
      "--limit <n>",
      "findings listed per sheet and severity in text output (0 = all)",
      parseInteger("--limit", 0),
      10,
    )
    .action(async (files: string[], opts) => {
      exitCode = await runValidate(files, opts, io);
    });

  withRunOptions(program.command("rollup"))
    .description("compute metrics and RAG and write the rollup sheets into a copy of the (first) workbook")
    .argument("<workbook...>", ".xlsx workbooks; several are consolidated into one portfolio")
    .option("-o, --output <file>", "where to write the workbook with the rollup sheets")
    .option("--in-place", "update the first workbook itself (only its PMO sheets change)")
    .option("--limit <n>", "red projects listed in text output (0 = all)", parseInteger("--limit", 0), 15)
    .action(async (files: string[], opts) => {
      exitCode = await runRollup(files, opts, io);
    });

  program
    .command("infer")
    .description(
      "show the standard PMO Rollup reads a workbook with: each register and column found, how surely, with sample values",
    )
    .argument("<workbook>", "an .xlsx workbook (or a CSV register)")
    .option("--standard <file>", "start from this standard instead of the workbook's or the built-in one")
    .option(
      "--write",
      "store the inferred standard in the workbook's PMO Standard sheet (only that sheet changes)",
    )
    .option("-o, --output <file>", "write a copy of the workbook with the PMO Standard sheet instead")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("json"))
    .action(async (file: string, opts) => {
      exitCode = await runInfer(file, opts, io);
    });

  program
    .command("sample")
    .description("write the sample portfolio workbook (deterministic)")
    .requiredOption("-o, --output <file>", "where to write the .xlsx")
    .option("--projects <n>", "number of projects", parseInteger("--projects", 1), 60)
    .option("--seed <n>", "random seed", parseInteger("--seed", 0), 42)
    .action(async (opts) => {
      exitCode = await runSample(opts, io);
    });

  program
    .command("template")
    .description("write an empty register workbook that follows the standard, ready for coordinators")
    .requiredOption("-o, --output <file>", "where to write the .xlsx")
    .option("--standard <file>", "a PMO standard (JSON) instead of the built-in one")
    .option("--registers <list>", "registers to include, comma-separated (default: all of the standard's)")
    .action(async (opts) => {
      exitCode = await runTemplate(opts, io);
    });

  program
    .command("standard")
    .description("print the built-in standard, or check a standard file")
    .option("--print-default", "print the built-in standard as JSON")
    .option("--check <file>", "check a standard file and list every problem")
    .action(async (opts) => {
      exitCode = await runStandard(opts, io);
    });

  try {
    await program.parseAsync(["node", "pmo-rollup", ...argv]);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
      )
        return EXIT.ok;
      return EXIT.cannotRun;
    }
    if (e instanceof WorkbookFileError || e instanceof StandardError) {
      io.stderr(`pmo-rollup: ${e.message}`);
      return EXIT.cannotRun;
    }
    const detail = io.env.PMO_ROLLUP_DEBUG ? `\n${(e as Error).stack}` : "";
    io.stderr(
      `pmo-rollup: internal error: ${(e as Error).message}; please report it (PMO_ROLLUP_DEBUG=1 shows more)${detail}`,
    );
    return EXIT.cannotRun;
  }
}
