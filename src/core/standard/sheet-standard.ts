/**
 * A standard shipped inside the workbook, on a sheet named `PMO Standard`, in one of two forms:
 *  - JSON: the whole standard as JSON text in column A (split over as many cells as needed,
 *    since a cell holds at most 32,767 characters);
 *  - settings: rows of `Setting | Value`, each a dotted path into the built-in standard,
 *    e.g. `thresholds.cost.green.cpi | 0.97` or `registers.projects.columns.bac.header | Budget (£)`.
 *    This is the form the task pane writes, and the one a person edits by hand.
 */
import { a1 } from "../a1";
import { displayCell, isBlankCell, type SheetGrid } from "../grid";
import { defaultStandard, parseStandard, parseStandardText, StandardError } from "./load";
import type { Standard } from "./schema";

export const STANDARD_SHEET = "PMO Standard";

export function findStandardSheet(sheets: readonly SheetGrid[]): SheetGrid | undefined {
  return sheets.find((s) => s.name.trim().toLowerCase() === STANDARD_SHEET.toLowerCase());
}

function settingValue(raw: string | number | boolean): unknown {
  if (typeof raw !== "string") return raw;
  const text = raw.trim();
  if (/^[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Set `path` in `target`; arrays of columns may be indexed by a column's field name. */
function setPath(
  target: Record<string, unknown>,
  path: string,
  raw: string | number | boolean,
): string | null {
  const value = settingValue(raw);
  const parts = path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "");
  let node: unknown = target;
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i];
    const last = i === parts.length - 1;
    if (Array.isArray(node)) {
      const index = /^\d+$/.test(key)
        ? Number(key)
        : node.findIndex(
            (el) => typeof el === "object" && el !== null && (el as { field?: string }).field === key,
          );
      if (index < 0 || index >= node.length) return `"${key}" is not in ${parts.slice(0, i).join(".")}`;
      if (last) node[index] = value;
      else node = node[index];
      continue;
    }
    if (typeof node !== "object" || node === null)
      return `"${parts.slice(0, i).join(".")}" has no settings below it`;
    const obj = node as Record<string, unknown>;
    if (last) {
      // "2.1" stays text where the standard holds text (a version), whatever it looks like.
      obj[key] = typeof obj[key] === "string" ? String(raw).trim() : value;
    } else {
      if (!(key in obj) || obj[key] === undefined) obj[key] = {};
      node = obj[key];
    }
  }
  return null;
}

/** Read the workbook's own standard; throws StandardError with the sheet and cell of a problem. */
export function standardFromSheet(grid: SheetGrid): Standard {
  const source = `sheet '${grid.name}'`;
  const firstCell = grid.rows.find((r) => r.some((c) => !isBlankCell(c)))?.find((c) => !isBlankCell(c));
  if (typeof firstCell === "string" && firstCell.trim().startsWith("{")) {
    const text = grid.rows.map((r) => (typeof r[0] === "string" ? r[0] : "")).join("");
    return parseStandardText(text, source);
  }
  const base = defaultStandard() as unknown as Record<string, unknown>;
  const problems: string[] = [];
  grid.rows.forEach((row, r) => {
    const key = row[0];
    const value = row[1];
    if (isBlankCell(key) || typeof key !== "string") return;
    const path = key.trim();
    if (r === 0 && /^(setting|path|key)$/i.test(path)) return; // header row
    if (path.startsWith("#")) return; // a comment row
    if (value === undefined || value === null || typeof value === "object") {
      problems.push(`${a1(r, 1)}: "${path}" needs a value (found "${displayCell(value ?? null)}")`);
      return;
    }
    const problem = setPath(base, path, value);
    if (problem) problems.push(`${a1(r, 0)}: unknown setting "${path}" (${problem})`);
  });
  if (problems.length > 0) throw new StandardError(source, problems);
  return parseStandard(base, source);
}
