// Reports the task pane's bundle sizes after `webpack --mode production` and fails the build when
// the JavaScript Excel loads first (taskpane.html's scripts) passes its 400 KB gzipped budget.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET = 400 * 1024;
const dist = "dist";
const files = readdirSync(dist).filter((f) => f.endsWith(".js"));
const sizes = files.map((f) => {
  const bytes = readFileSync(`${dist}/${f}`);
  return { file: f, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const html = readFileSync(`${dist}/taskpane.html`, "utf8");
const firstScreen = sizes.filter((s) => html.includes(s.file));
const firstGzip = firstScreen.reduce((sum, s) => sum + s.gzip, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log("Bundle sizes (gzipped):");
for (const s of sizes.sort((a, b) => b.gzip - a.gzip))
  console.log(`  ${s.file.padEnd(36)} ${kb(s.bytes).padStart(10)} raw ${kb(s.gzip).padStart(10)} gzip`);
console.log(`First screen (taskpane.html): ${kb(firstGzip)} gzipped, budget ${kb(BUDGET)}`);
writeFileSync(
  `${dist}/bundle-sizes.json`,
  JSON.stringify({ files: sizes, firstScreenGzip: firstGzip, budget: BUDGET }, null, 2),
);
if (firstGzip > BUDGET) {
  console.error(`The first screen's JavaScript is over budget by ${kb(firstGzip - BUDGET)}.`);
  process.exit(1);
}
