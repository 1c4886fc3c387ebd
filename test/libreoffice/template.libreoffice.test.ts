/** LibreOffice opens the register template: every sheet, each register's header row as written. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultStandard } from "../../src/core/standard/load";
import { cli } from "../helpers/cli";
import { hasLibreOffice, sheetsAsCsv } from "../helpers/libreoffice";

const run = hasLibreOffice() || process.env.CI ? it : it.skip;

run(
  "opens the template with every register's header row",
  async () => {
    const out = join(mkdtempSync(join(tmpdir(), "pmo-lo-template-")), "template.xlsx");
    expect((await cli(["template", "-o", out])).code).toBe(0);
    const csv = sheetsAsCsv(out);
    const registers = Object.values(defaultStandard().registers).map((r) => r!);
    expect([...csv.keys()].sort()).toEqual(
      ["Read Me", ...registers.map((r) => r.sheet), "PMO Standard"].sort(),
    );
    for (const r of registers) expect(csv.get(r.sheet)![0]).toEqual(r.columns.map((c) => c.header));
  },
  180_000,
);
