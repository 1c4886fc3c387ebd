/**
 * Checking a standard: the zod schema for shape, then the rules a schema cannot say
 * (a key that names a real field, green stricter than amber, safe patterns).
 * Every problem names its JSON path, e.g. `registers.projects.columns[3].type`.
 */
import type { z } from "zod";
import { DEFAULT_STANDARD } from "./default-standard";
import { unsafePatternReason } from "./safe-pattern";
import { standardSchema, type Standard } from "./schema";

export class StandardError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`);
    this.name = "StandardError";
  }
}

function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(the whole standard)" : out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${jsonPath(issue.path)}: ${issue.message}`;
}

function semanticProblems(standard: Standard): string[] {
  const problems: string[] = [];
  for (const [kind, reg] of Object.entries(standard.registers)) {
    if (!reg) continue;
    const base = `registers.${kind}`;
    if (!/^[a-z][A-Za-z0-9]*$/.test(kind))
      problems.push(`${base}: a register's name must be a word such as "benefits"`);
    const seen = new Set<string>();
    reg.columns.forEach((col, i) => {
      const at = `${base}.columns[${i}]`;
      if (seen.has(col.field)) problems.push(`${at}.field: "${col.field}" is used by two columns`);
      seen.add(col.field);
      if (col.type === "enum" && (!col.values || col.values.length === 0))
        problems.push(`${at}.values: an enum column needs a list of allowed values`);
      if (col.ranked && col.type !== "enum")
        problems.push(`${at}.ranked: only an enum column's values can be ranked`);
      if (col.openValues && col.type !== "enum")
        problems.push(`${at}.openValues: only an enum column has a list of values to leave open`);
      if (col.pattern !== undefined) {
        const reason = unsafePatternReason(col.pattern);
        if (reason) problems.push(`${at}.pattern: the pattern ${reason}`);
      }
      if (col.min !== undefined && col.max !== undefined && col.min > col.max)
        problems.push(`${at}.min: min (${col.min}) is greater than max (${col.max})`);
      for (const name of col.scales ?? [])
        if (!standard.scales[name]) problems.push(`${at}.scales: the standard has no scale "${name}"`);
      if (col.references && !standard.registers[col.references])
        problems.push(`${at}.references: the standard has no "${col.references}" register`);
    });
    if (reg.key && !seen.has(reg.key)) problems.push(`${base}.key: no column has the field "${reg.key}"`);
  }
  if (!standard.registers.projects.key)
    problems.push("registers.projects.key: the projects register needs a key field");
  const t = standard.thresholds;
  if (t.schedule.green.spi < t.schedule.amber.spi)
    problems.push("thresholds.schedule.green.spi: green must be at least as strict as amber");
  if (t.cost.green.cpi < t.cost.amber.cpi)
    problems.push("thresholds.cost.green.cpi: green must be at least as strict as amber");
  if (t.risk.greenMaxScore > t.risk.amberMaxScore)
    problems.push("thresholds.risk.greenMaxScore: must not be above amberMaxScore");
  if (t.governance.greenDays > t.governance.amberDays)
    problems.push("thresholds.governance.greenDays: must not be above amberDays");
  if (standard.overall.method === "weighted" && !standard.overall.weights)
    problems.push("overall.weights: the weighted method needs weights for each dimension");
  return problems;
}

/** Parse and check a standard from JSON data; throws StandardError naming each bad path. */
export function parseStandard(data: unknown, source = "standard"): Standard {
  const result = standardSchema.safeParse(data);
  if (!result.success) throw new StandardError(source, result.error.issues.map(describeIssue));
  const problems = semanticProblems(result.data);
  if (problems.length > 0) throw new StandardError(source, problems);
  return result.data;
}

/** Parse a standard from JSON text. */
export function parseStandardText(text: string, source = "standard"): Standard {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new StandardError(source, [`is not valid JSON (${(e as Error).message})`]);
  }
  return parseStandard(data, source);
}

let cachedDefault: Standard | undefined;

export function defaultStandard(): Standard {
  cachedDefault ??= parseStandard(DEFAULT_STANDARD, "built-in standard");
  return structuredClone(cachedDefault);
}
