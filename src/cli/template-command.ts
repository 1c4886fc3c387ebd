/** `pmo-rollup template -o OUT.xlsx [--standard FILE] [--registers projects,risks,...]` */
import { templatePlan, UnknownRegisterError } from "../core/plan/template-plan";
import { defaultStandard } from "../core/standard/load";
import { writeTemplateWorkbook } from "../xlsx/write-template";
import { writeFileAtomic } from "./files";
import { NODE_ZIP_CODEC } from "./node-zip-codec";
import { loadStandardFile } from "./standard-option";
import type { CliIO } from "./terminal";

export async function runTemplate(
  opts: { output: string; standard?: string; registers?: string },
  io: CliIO,
): Promise<number> {
  const standard = opts.standard ? await loadStandardFile(opts.standard) : defaultStandard();
  let plan;
  try {
    plan = templatePlan(standard, opts.registers?.split(","));
  } catch (e) {
    if (!(e instanceof UnknownRegisterError)) throw e;
    io.stderr(`pmo-rollup: ${e.message}`);
    return 2;
  }
  await writeFileAtomic(opts.output, writeTemplateWorkbook(plan, NODE_ZIP_CODEC));
  const registers = plan.sheets.filter((s) => s.table || s.validations).map((s) => s.name);
  io.stdout(
    `Wrote the register template of ${standard.name} ${standard.version} to ${opts.output} (${registers.join(", ")})`,
  );
  return 0;
}
