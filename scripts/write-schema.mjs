// Writes schema/standard.schema.json from the zod schema (src/core/standard/schema.ts).
// A test checks the committed file is current, so run `npm run schema` after changing the schema.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bundle = join(mkdtempSync(join(tmpdir(), "pmo-schema-")), "json-schema.cjs");
execFileSync("npx", [
  "esbuild",
  "src/core/standard/json-schema.ts",
  "--bundle",
  "--platform=node",
  "--format=cjs",
  `--outfile=${bundle}`,
  "--log-level=warning",
]);
const { standardJsonSchema } = createRequire(import.meta.url)(bundle);
mkdirSync("schema", { recursive: true });
writeFileSync("schema/standard.schema.json", JSON.stringify(standardJsonSchema(), null, 2) + "\n");
console.log("wrote schema/standard.schema.json");
