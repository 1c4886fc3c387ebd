/** One problem found in a workbook, pointing at its sheet and cell (DESIGN §3, §7). */
import { a1 } from "../a1";
import type { Severity, Standard } from "../standard/schema";
import { CATALOGUE, type FindingCode } from "./catalogue";

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address of the cell, or null for a finding about a whole register. */
  readonly cell: string | null;
  /** 1-based sheet row, or null. */
  readonly row: number | null;
  /** The column's header text as found (or as the standard names it when missing). */
  readonly column: string | null;
  /** The cell's value as the user sees it. */
  readonly value: string | null;
  readonly message: string;
}

export interface FindingLocation {
  readonly sheet: string;
  /** 0-based sheet row and column, when the finding is about a cell. */
  readonly row?: number;
  readonly col?: number;
  readonly column?: string | null;
  readonly value?: string | null;
}

/** Collects findings, applying the standard's severity overrides in one place. */
export class FindingSink {
  readonly findings: Finding[] = [];

  constructor(private readonly severities: Standard["severities"] = {}) {}

  /** `severity` is this finding's default when the catalogue's does not fit (a recommended column). */
  add(code: FindingCode, at: FindingLocation, message: string, severity?: Severity): Finding {
    const hasCell = at.row !== undefined && at.col !== undefined;
    const finding: Finding = {
      code,
      severity: this.severities[code] ?? severity ?? CATALOGUE[code].severity,
      sheet: at.sheet,
      cell: hasCell ? a1(at.row!, at.col!) : null,
      row: at.row !== undefined ? at.row + 1 : null,
      column: at.column ?? null,
      value: at.value ?? null,
      message,
    };
    this.findings.push(finding);
    return finding;
  }
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  info: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, info: 0 };
  for (const f of findings) {
    if (f.severity === "error") counts.errors++;
    else if (f.severity === "warning") counts.warnings++;
    else counts.info++;
  }
  return counts;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by sheet (in workbook order when given), row and column. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[] = []): Finding[] {
  const sheetRank = new Map(sheetOrder.map((s, i) => [s, i]));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (sheetRank.get(a.sheet) ?? 1e9) - (sheetRank.get(b.sheet) ?? 1e9) ||
      cmp(a.sheet, b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.cell ?? "").length - (b.cell ?? "").length ||
      cmp(a.cell ?? "", b.cell ?? ""),
  );
}
