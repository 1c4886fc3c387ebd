/** `pmo-rollup validate` output: a text report a person reads at a glance, or the JSON contract (DESIGN §7). */
import { formatDay, isoFromDay } from "../core/dates";
import type { WorkbookCheck } from "../core/engine";
import { countFindings, sortFindings, type Finding } from "../core/validate/finding";
import type { CsvFacts } from "./load-workbook";
import type { Palette } from "./terminal";

export interface FileResult {
  readonly file: string;
  readonly check: WorkbookCheck;
  readonly sheetOrder: readonly string[];
  /** For a CSV input: how it was read (every record becomes one row). */
  readonly csv?: CsvFacts;
}

export function validateJson(results: readonly FileResult[]): object {
  const first = results[0]?.check;
  return {
    standard: first ? { name: first.standard.standard.name, version: first.standard.standard.version } : null,
    asOf: first ? isoFromDay(first.asOf.day) : null,
    files: results.map(({ file, check, sheetOrder, csv }) => ({
      file,
      ...(csv ? { csv } : {}),
      summary: countFindings(check.validation.findings),
      findings: sortFindings(check.validation.findings, sheetOrder).map((f) => ({
        code: f.code,
        severity: f.severity,
        sheet: f.sheet,
        cell: f.cell,
        row: f.row,
        column: f.column,
        value: f.value,
        message: f.message,
      })),
    })),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function countsLine(findings: readonly Finding[], p: Palette): string {
  const c = countFindings(findings);
  const errors = plural(c.errors, "error");
  const warnings = plural(c.warnings, "warning");
  return `${c.errors > 0 ? p.red(p.bold(errors)) : p.green(errors)}, ${c.warnings > 0 ? p.yellow(warnings) : warnings}, ${c.info} info`;
}

const SEVERITY_HEADINGS = { error: "Errors", warning: "Warnings", info: "Info" } as const;

/** Findings grouped by sheet, then severity; each group capped at `limit` with the count of the rest. */
export function validateText(result: FileResult, p: Palette, limit: number): string {
  const { check, file, sheetOrder } = result;
  const { standard, source } = check.standard;
  const lines: string[] = [];
  const findings = sortFindings(check.validation.findings, sheetOrder);
  lines.push(p.bold(file));
  lines.push(
    `  Standard: ${standard.name} ${standard.version} (${source}) · Status date: ${formatDay(check.asOf.day)} (${check.asOf.source})`,
  );
  if (result.csv) {
    const d = { ",": "comma", ";": "semicolon", "\t": "tab" }[result.csv.delimiter] ?? result.csv.delimiter;
    // The registers read from the file (not a one-project log's implied project).
    const implied = check.validation.findings.some((f) => f.code === "implied-project");
    const read = Object.entries(check.validation.registers).flatMap(([kind, t]) =>
      t && !(implied && kind === "projects") ? [t] : [],
    );
    const rows = read.reduce((n, t) => n + t.rows.length, 0);
    const as = read.length > 0 ? ` as the ${read.map((t) => t.spec.sheet).join(", ")} register` : "";
    lines.push(
      `  CSV: ${result.csv.records} records (${d}-separated, ${result.csv.encoding}), header + ${rows} data rows read${as}`,
    );
  }
  lines.push(`  ${countsLine(findings, p)}`);
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = bySheet.get(f.sheet) ?? [];
    list.push(f);
    bySheet.set(f.sheet, list);
  }
  const sheets = [...bySheet.keys()].sort(
    (a, b) => (sheetOrder.indexOf(a) + 1 || 1e9) - (sheetOrder.indexOf(b) + 1 || 1e9) || a.localeCompare(b),
  );
  for (const sheet of sheets) {
    const list = bySheet.get(sheet)!;
    lines.push("");
    lines.push(`  ${p.bold(sheet)} — ${countsLine(list, p)}`);
    for (const severity of ["error", "warning", "info"] as const) {
      const group = list.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      const colour = severity === "error" ? p.red : severity === "warning" ? p.yellow : p.dim;
      lines.push(`    ${colour(`${SEVERITY_HEADINGS[severity]} (${group.length})`)}`);
      for (const f of group.slice(0, limit)) {
        lines.push(`      ${(f.cell ?? "—").padEnd(7)} ${p.dim(f.code.padEnd(22))} ${f.message}`);
      }
      if (group.length > limit)
        lines.push(
          p.dim(
            `      … and ${group.length - limit} more ${severity} findings here (--limit 0 lists all, --format json for tools)`,
          ),
        );
    }
  }
  const c = countFindings(findings);
  lines.push("");
  lines.push(
    c.errors === 0
      ? p.green(
          `  Ready to submit: no errors${c.warnings > 0 ? ` (${plural(c.warnings, "warning")} worth a look)` : ""}.`,
        )
      : p.red(`  Not ready to submit: fix the ${plural(c.errors, "error")} above, then validate again.`),
  );
  return lines.join("\n");
}
