// npm run demo: the sample portfolio, validated as a coordinator would and rolled up as a PMO would.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";

const out = "demo-output";
mkdirSync(out, { recursive: true });
const run = (args) =>
  spawnSync(process.execPath, ["bin/pmo-rollup.js", ...args], { stdio: "inherit" }).status;

console.log("== pmo-rollup sample: the bundled sample portfolio ==");
if (run(["sample", "-o", `${out}/sample.xlsx`]) !== 0) process.exit(1);

console.log("\n== pmo-rollup validate: every problem, at its cell ==");
const validated = run(["validate", `${out}/sample.xlsx`, "--limit", "3"]);
// validate exits 1 when it finds errors, which the sample has on purpose.
if (validated !== 0 && validated !== 1) process.exit(validated ?? 1);

console.log("\n== pmo-rollup rollup: metrics, RAG and the rollup sheets ==");
if (run(["rollup", `${out}/sample.xlsx`, "-o", `${out}/sample-rollup.xlsx`, "--limit", "8"]) !== 0)
  process.exit(1);
console.log(
  `\nOpen ${out}/sample-rollup.xlsx: the registers are untouched; PMO Rollup, PMO Projects, PMO Findings and PMO History are new.`,
);
