/** Runs the CLI in-process and captures what it prints. */
import { runCli } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], env: Record<string, string> = {}, tty = false): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    stdoutIsTTY: tty,
    stderrIsTTY: false,
    env,
    cwd: process.cwd(),
    today: "2026-11-30",
    now: () => 46356.5, // 30 Nov 2026 12:00
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}
