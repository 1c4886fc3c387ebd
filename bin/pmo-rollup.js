#!/usr/bin/env node
// Installed as the package's `pmo-rollup` command; the CLI is bundled by `npm run build:cli`.
require("../dist/cli/pmo-rollup.js");
