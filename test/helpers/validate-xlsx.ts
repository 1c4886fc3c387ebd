/**
 * Every workbook the tests write goes through ../shared/tools/validate-xlsx (an offline stand-in
 * for Excel's strictness), with --changed-from its input when there is one, so only what we
 * added is blamed. Without the tool or Debian's python3-lxml the check is skipped with a note
 * printed once (the CI installs both: .ci/run).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const VALIDATE_XLSX = resolve(__dirname, "../../../shared/tools/validate-xlsx");
// Debian's python3 has python3-lxml; a python3 first on PATH (pyenv, venv) may not.
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

let available: boolean | undefined;
let noted = false;

/** Whether the validator can run here (the tool beside the repository, a python3 with lxml). */
export function validatorAvailable(): boolean {
  if (available === undefined) {
    available =
      existsSync(VALIDATE_XLSX) &&
      spawnSync(PYTHON, ["-c", "import lxml.etree"], { stdio: "ignore" }).status === 0;
  }
  if (!available && !noted) {
    noted = true;
    process.stderr.write(
      `\nNOTE: validate-xlsx checks skipped: ${existsSync(VALIDATE_XLSX) ? "python3-lxml is not installed (apt-get install python3-lxml)" : `${VALIDATE_XLSX} is not there`}\n`,
    );
  }
  return available;
}

export interface ValidationResult {
  /** Problems the output has that the input (if any) does not. */
  readonly problems: string[];
  readonly output: string;
}

interface ToolReport {
  files: {
    file: string;
    error?: string;
    problems?: { part: string; line: number | null; message: string; also_in_original: boolean }[];
  }[];
}

/** Run the validator over several outputs of one input (or none); null when it cannot run. */
export function validateXlsxFiles(
  outputs: readonly (Uint8Array | string)[],
  changedFrom?: Uint8Array | string,
): ValidationResult[] | null {
  if (!validatorAvailable()) return null;
  const dir = mkdtempSync(join(tmpdir(), "validate-xlsx-"));
  try {
    const asFile = (data: Uint8Array | string, name: string) => {
      if (typeof data === "string") return data;
      const file = join(dir, name);
      writeFileSync(file, data);
      return file;
    };
    const files = outputs.map((o, i) => asFile(o, `out-${i}.xlsx`));
    const args = [VALIDATE_XLSX, "--json"];
    if (changedFrom !== undefined) args.push("--changed-from", asFile(changedFrom, "input.xlsx"));
    const run = spawnSync(PYTHON, [...args, ...files], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 ** 2,
    });
    if (run.status === 2 || !run.stdout)
      throw new Error(`validate-xlsx could not read a file: ${run.stderr || run.stdout}`);
    const report = JSON.parse(run.stdout) as ToolReport;
    return report.files.map((f, i) => ({
      output: typeof outputs[i] === "string" ? (outputs[i] as string) : `workbook #${i + 1}`,
      problems: f.error
        ? [`cannot read: ${f.error}`]
        : (f.problems ?? [])
            .filter((p) => !p.also_in_original)
            .map((p) => `${p.part}${p.line ? `: line ${p.line}` : ""}: ${p.message}`),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Expect every output to open in Excel without repair (nothing new wrong, when given its input). */
export function expectValidXlsx(
  outputs: Uint8Array | string | readonly (Uint8Array | string)[],
  changedFrom?: Uint8Array | string,
): void {
  const list = typeof outputs === "string" || ArrayBuffer.isView(outputs) ? [outputs] : outputs;
  const results = validateXlsxFiles(list as readonly (Uint8Array | string)[], changedFrom);
  if (!results) return;
  const bad = results.filter((r) => r.problems.length > 0);
  if (bad.length > 0)
    throw new Error(
      `validate-xlsx found problems${changedFrom !== undefined ? " the input does not have" : ""}:\n` +
        bad.map((r) => `${r.output}:\n  ${r.problems.join("\n  ")}`).join("\n"),
    );
}
