/** The findings list as the pane shows it: filtered, grouped by register and severity, flattened into rows. */
import type { Severity } from "../../core/standard/schema";
import { countFindings, sortFindings, type Finding } from "../../core/validate/finding";

export interface FindingFilter {
  readonly severities: ReadonlySet<Severity>;
  readonly code: string | null;
  readonly text: string;
}

export type ListRow =
  | {
      readonly kind: "group";
      readonly key: string;
      readonly sheet: string;
      readonly severity: Severity;
      readonly count: number;
    }
  | { readonly kind: "finding"; readonly key: string; readonly finding: Finding };

export const ALL_SEVERITIES: ReadonlySet<Severity> = new Set(["error", "warning", "info"]);

export function matches(f: Finding, filter: FindingFilter): boolean {
  if (!filter.severities.has(f.severity)) return false;
  if (filter.code && f.code !== filter.code) return false;
  const text = filter.text.trim().toLowerCase();
  if (!text) return true;
  return [f.message, f.sheet, f.cell ?? "", f.column ?? "", f.value ?? "", f.code].some((s) =>
    s.toLowerCase().includes(text),
  );
}

/** Group headers and findings, sheet by sheet (workbook order), errors first within each. */
export function listRows(
  findings: readonly Finding[],
  filter: FindingFilter,
  sheetOrder: readonly string[],
): ListRow[] {
  const shown = sortFindings(
    findings.filter((f) => matches(f, filter)),
    sheetOrder,
  );
  const sheets = [...new Set(shown.map((f) => f.sheet))].sort(
    (a, b) => (sheetOrder.indexOf(a) + 1 || 1e9) - (sheetOrder.indexOf(b) + 1 || 1e9) || a.localeCompare(b),
  );
  const rows: ListRow[] = [];
  for (const sheet of sheets) {
    for (const severity of ["error", "warning", "info"] as const) {
      const group = shown.filter((f) => f.sheet === sheet && f.severity === severity);
      if (group.length === 0) continue;
      rows.push({ kind: "group", key: `${sheet}|${severity}`, sheet, severity, count: group.length });
      group.forEach((finding, i) =>
        rows.push({
          kind: "finding",
          key: `${sheet}|${severity}|${i}|${finding.cell}|${finding.code}`,
          finding,
        }),
      );
    }
  }
  return rows;
}

/** "12 errors, 5 warnings, 2 info": counts first, always over every finding. */
export function countsText(findings: readonly Finding[]): string {
  const c = countFindings(findings);
  return `${c.errors} error${c.errors === 1 ? "" : "s"}, ${c.warnings} warning${c.warnings === 1 ? "" : "s"}, ${c.info} info`;
}
