/** Node entry point of the pmo-rollup command. */
import { dayFromYmd, serialFromDay } from "../core/dates";
import { runCli } from "./main";

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(`${s}\n`),
  stderr: (s) => process.stderr.write(s.startsWith("\r") ? s : `${s}\n`),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
  today: todayIso(),
  now: () => {
    const d = new Date();
    const day = dayFromYmd(d.getFullYear(), d.getMonth() + 1, d.getDate())!;
    return serialFromDay(day) + (d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds()) / 86400;
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    process.stderr.write(`pmo-rollup: internal error: ${e.message}\n`);
    process.exitCode = 2;
  },
);
