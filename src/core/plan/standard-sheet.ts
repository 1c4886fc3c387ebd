/**
 * The PMO Standard sheet the pane saves: `Setting | Value` rows (the form a person edits, read
 * back by standard/sheet-standard.ts), with the thresholds and choices written out and anything
 * else that differs from the built-in standard as JSON values.
 */
import type { SheetGrid } from "../grid";
import { defaultStandard } from "../standard/load";
import type { Standard } from "../standard/schema";
import { STANDARD_SHEET } from "../standard/sheet-standard";
import { cell, type PlanCell, type SheetPlan } from "./sheet-plan";
import { headerRow } from "./table";

export class SheetInTheWayError extends Error {
  constructor(name: string) {
    super(
      `The workbook already has a '${name}' sheet that PMO Rollup did not write; edit the standard there, or rename that sheet and save again.`,
    );
    this.name = "SheetInTheWayError";
  }
}

/** Dotted paths of every number (threshold) in the standard, in order. */
function numericPaths(value: unknown, prefix: string, out: [string, number][]): void {
  if (typeof value === "number") out.push([prefix, value]);
  else if (value && typeof value === "object" && !Array.isArray(value))
    for (const [k, v] of Object.entries(value)) numericPaths(v, prefix ? `${prefix}.${k}` : k, out);
}

export function standardSettingsRows(standard: Standard): [string, string | number][] {
  const base = defaultStandard();
  const rows: [string, string | number][] = [
    ["name", standard.name],
    ["version", standard.version],
    ["dateOrder", standard.dateOrder],
    ["eacMethod", standard.eacMethod],
    ["overall.method", standard.overall.method],
  ];
  const thresholds: [string, number][] = [];
  numericPaths(standard.thresholds, "thresholds", thresholds);
  rows.push(...thresholds);
  if (
    JSON.stringify(standard.thresholds.risk.redIssueSeverities) !==
    JSON.stringify(base.thresholds.risk.redIssueSeverities)
  )
    rows.push([
      "thresholds.risk.redIssueSeverities",
      JSON.stringify(standard.thresholds.risk.redIssueSeverities),
    ]);
  if (standard.overall.weights) rows.push(["overall.weights", JSON.stringify(standard.overall.weights)]);
  if (Object.keys(standard.severities).length > 0)
    rows.push(["severities", JSON.stringify(standard.severities)]);
  if (JSON.stringify(standard.scales) !== JSON.stringify(base.scales))
    rows.push(["scales", JSON.stringify(standard.scales)]);
  if (JSON.stringify(standard.ragScale) !== JSON.stringify(base.ragScale))
    rows.push(["ragScale", JSON.stringify(standard.ragScale)]);
  for (const [name, register] of Object.entries(standard.registers))
    if (JSON.stringify(register) !== JSON.stringify(base.registers[name]))
      rows.push([`registers.${name}`, JSON.stringify(register)]);
  return rows;
}

/** The plan for the PMO Standard sheet; refuses when a sheet of the user's has that name. */
export function standardSheetPlan(
  standard: Standard,
  sheets: readonly Pick<SheetGrid, "name" | "ownedRole">[],
): SheetPlan {
  const existing = sheets.find((s) => s.name.toLowerCase() === STANDARD_SHEET.toLowerCase());
  if (existing && existing.ownedRole !== "standard") throw new SheetInTheWayError(existing.name);
  const rows: PlanCell[][] = [
    headerRow(["Setting", "Value"]),
    [
      cell(
        "# Saved from the PMO Rollup pane. Each row changes one setting of the built-in standard.",
        "subtitle",
      ),
    ],
    ...standardSettingsRows(standard).map(([k, v]) => [
      cell(k, "text"),
      cell(v, typeof v === "number" ? "index" : "wrapText"),
    ]),
  ];
  return {
    role: "standard",
    name: existing?.name ?? STANDARD_SHEET,
    rows,
    widths: [42, 60],
    merges: [],
    freeze: { rows: 1, cols: 0 },
    print: { landscape: false, fitToWidth: true },
    tabColor: "7030A0",
  };
}
