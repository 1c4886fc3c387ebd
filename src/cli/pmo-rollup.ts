/** Node entry point of the pmo-rollup command. */
import { nowSerial, todayIso } from "../host/clock";
import { runCli } from "./main";

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(`${s}\n`),
  stderr: (s) => process.stderr.write(s.startsWith("\r") ? s : `${s}\n`),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
  today: todayIso(),
  now: () => nowSerial(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    process.stderr.write(`pmo-rollup: internal error: ${e.message}\n`);
    process.exitCode = 2;
  },
);
