// npm run demo: write the sample portfolio and validate it, as a coordinator would.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";

const out = "demo-output";
mkdirSync(out, { recursive: true });
const run = (args) => {
  const r = spawnSync(process.execPath, ["bin/pmo-rollup.js", ...args], { stdio: "inherit" });
  return r.status;
};

console.log("== pmo-rollup sample: the bundled sample portfolio ==");
if (run(["sample", "-o", `${out}/sample.xlsx`]) !== 0) process.exit(1);
console.log("\n== pmo-rollup validate: every problem, at its cell ==");
const code = run(["validate", `${out}/sample.xlsx`, "--limit", "4"]);
// validate exits 1 when it finds errors, which the sample has on purpose.
if (code !== 0 && code !== 1) process.exit(code ?? 1);
console.log(`\nThe sample workbook is ${out}/sample.xlsx; open it in Excel to see the cells named above.`);
