/** PMO Findings: every finding, sorted, each with a link to its cell; counts always complete. */
import { formatDay } from "../dates";
import { countFindings, sortFindings } from "../validate/finding";
import type { RollupInput, SourcedFinding } from "./rollup-input";
import { cell, tableRows, type PlanCell, type SheetPlan } from "./sheet-plan";
import { headerRow, numberCell, textCell } from "./table";

/** Rows listed at most; the counts above the list always cover every finding. */
export const MAX_LISTED_FINDINGS = 100_000;
export const FINDINGS_HEADER_ROW = 4; // 1-based

export function sortedFindings(input: RollupInput): SourcedFinding[] {
  const order = new Map(input.files.map((f, i) => [f, i]));
  const byFile = new Map<string | null, SourcedFinding[]>();
  for (const f of input.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const files = [...byFile.keys()].sort((a, b) =>
    a === null ? -1 : b === null ? 1 : (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
  const out: SourcedFinding[] = [];
  for (const file of files) {
    const list = byFile.get(file)!;
    for (const finding of sortFindings(list.map((f) => f.finding))) out.push({ file, finding });
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return out.sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity]); // stable: keeps file and cell order
}

export function findingsSheet(input: RollupInput): SheetPlan {
  const consolidated = input.files.length > 1;
  const all = sortedFindings(input);
  const counts = countFindings(all.map((f) => f.finding));
  const listed = all.slice(0, MAX_LISTED_FINDINGS);
  const headers = [
    "Severity",
    "Code",
    "Sheet",
    "Cell",
    "Row",
    "Column",
    "Value",
    "Message",
    ...(consolidated ? ["File"] : []),
  ];
  const base = input.files[0];
  const head: PlanCell[][] = [
    [cell(`Findings at ${formatDay(input.asOf)}`, "title")],
    [
      cell(
        `${counts.errors} errors, ${counts.warnings} warnings, ${counts.info} info${all.length > listed.length ? ` — the first ${listed.length} are listed; pmo-rollup validate --format json gives all` : ""}`,
        counts.errors > 0 ? "error" : "subtitle",
      ),
    ],
    [],
    headerRow(headers),
  ];
  const rows = tableRows(head, listed, ({ file, finding: f }) => {
    const local = file === null || file === base;
    const where =
      f.cell && local
        ? cell({ kind: "link", text: f.cell, sheet: f.sheet, cell: f.cell }, "link")
        : textCell(f.cell);
    return [
      cell(f.severity, f.severity),
      cell(f.code, "text"),
      textCell(f.sheet),
      where,
      numberCell(f.row, "integer"),
      textCell(f.column),
      textCell(f.value),
      cell(f.message, "wrapText"),
      ...(consolidated ? [textCell(file ?? base)] : []),
    ];
  });
  return {
    role: "findings",
    name: input.names.findings,
    rows,
    widths: [9, 22, 16, 8, 7, 18, 18, 90, ...(consolidated ? [24] : [])],
    merges: [],
    freeze: { rows: FINDINGS_HEADER_ROW, cols: 0 },
    autoFilter: `A${FINDINGS_HEADER_ROW}:${String.fromCharCode(64 + headers.length)}${Math.max(FINDINGS_HEADER_ROW, rows.length)}`,
    print: { landscape: true, fitToWidth: true, repeatRows: [FINDINGS_HEADER_ROW, FINDINGS_HEADER_ROW] },
    tabColor: "C00000",
  };
}
