/** `pmo-rollup infer <workbook> [--standard FILE] [--write | -o OUT.xlsx] [--format json|text]` */
import * as path from "node:path";
import { dayFromIso } from "../core/dates";
import { resolveStandard } from "../core/engine";
import { inferWorkbook, type Inference } from "../core/infer";
import { SheetInTheWayError, standardSheetPlan } from "../core/plan/standard-sheet";
import { STANDARD_SCHEMA_ID } from "../core/standard/json-schema";
import { WorkbookFileError } from "../xlsx/errors";
import { writePlanIntoPackage } from "../xlsx/write-plan";
import { writeFileAtomic } from "./files";
import { loadWorkbookFile } from "./load-workbook";
import { loadStandardFile } from "./standard-option";
import type { CliIO } from "./terminal";

export interface InferOptions {
  readonly standard?: string;
  readonly write?: boolean;
  readonly output?: string;
  readonly format: "text" | "json";
}

function inferText(file: string, inference: Inference): string {
  const lines = [`${file}: the standard PMO Rollup reads it with`];
  for (const r of inference.registers) {
    lines.push(
      `\n${r.register} on '${r.sheet}' (header row ${r.headerRow}, ${r.rows} rows, ${Math.round(r.confidence * 100)} % of its expected columns found)`,
    );
    for (const c of r.columns) {
      const extra = [c.scale && `scale ${c.scale}`, c.unit && `unit ${c.unit}`, c.currency].filter(Boolean);
      lines.push(
        `  ${c.field.padEnd(22)} ${`${c.column}: ${c.header}`.padEnd(36)} ${c.confidence.toFixed(2)}${extra.length ? `  (${extra.join(", ")})` : ""}  e.g. ${c.sample.slice(0, 3).join(" | ")}`,
      );
    }
    const missing = r.missing.filter((m) => m.presence !== "optional");
    if (missing.length > 0)
      lines.push(
        `  not found: ${missing.map((m) => `${m.header}${m.presence === "required" ? " (required)" : ""}`).join(", ")}`,
      );
    if (r.unmatched.length > 0) lines.push(`  not read: ${r.unmatched.join(", ")}`);
  }
  if (inference.notes.length > 0) {
    lines.push("");
    for (const n of inference.notes) lines.push(`note: ${n.message}`);
  }
  return lines.join("\n");
}

export async function runInfer(file: string, opts: InferOptions, io: CliIO): Promise<number> {
  if (opts.write && opts.output) throw new WorkbookFileError("give either --write or -o, not both");
  const explicit = opts.standard ? await loadStandardFile(opts.standard) : undefined;
  const loaded = await loadWorkbookFile(file, explicit);
  const grids = loaded.read.grids;
  const today = dayFromIso(io.today)!;
  const { standard } = resolveStandard(grids, explicit);
  const inference = inferWorkbook(grids, standard, today, file);
  const target = opts.write ? file : opts.output;
  if (target) {
    if (loaded.csv)
      throw new WorkbookFileError(
        `${file}: a CSV file has no sheets; infer -o OUT.xlsx needs an .xlsx input`,
      );
    if (!opts.write && path.resolve(io.cwd, target) === path.resolve(io.cwd, file))
      throw new WorkbookFileError(`-o ${target} is the input; use --write to store the standard in it`);
    let bytes: Uint8Array;
    try {
      const plan = standardSheetPlan(inference.standard, grids.sheets);
      bytes = writePlanIntoPackage(loaded.read.pkg, loaded.read.info, { sheets: [plan] });
    } catch (e) {
      if (e instanceof SheetInTheWayError || e instanceof WorkbookFileError)
        throw new WorkbookFileError(`${file}: ${e.message}`);
      throw e;
    }
    await writeFileAtomic(target, bytes);
  }
  if (opts.format === "json") {
    io.stdout(
      JSON.stringify(
        {
          file,
          registers: inference.registers,
          notes: inference.notes.map((n) => ({
            code: n.code,
            sheet: n.sheet,
            cell: n.cell,
            message: n.message,
          })),
          standard: { $schema: STANDARD_SCHEMA_ID, ...inference.standard },
          ...(target ? { written: target } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    io.stdout(inferText(file, inference));
    if (target) io.stdout(`\nThe standard is stored in the PMO Standard sheet of ${target}.`);
  }
  return 0;
}
