/**
 * The rules that need the derived RAG: rag-mismatch (reported vs derived) and
 * dependency-at-risk (a project that depends on a red one). They run after the RAG engine.
 */
import { matchKey } from "../register/normalize";
import { isClosedRow, rowFinder, textOf, type Registers } from "../register/register-table";
import type { FindingCode } from "../validate/catalogue";
import type { RowReporter } from "../validate/rule";
import type { ProjectRollup } from "./project-rollup";
import type { Rag } from "./rag";
import { baselineChanged, heldFinishNote } from "./baseline-changed";

export interface RagRuleContext {
  readonly registers: Registers;
  readonly projects: readonly ProjectRollup[];
}

export interface RagRule {
  readonly codes: readonly FindingCode[];
  check(ctx: RagRuleContext, report: RowReporter): void;
}

const WORD: Record<Rag, string> = { green: "Green", amber: "Amber", red: "Red", grey: "Grey" };

function reasons(p: ProjectRollup): string {
  const m = p.metrics;
  const parts: string[] = [];
  const fmt = (n: number | null) => (n === null ? "n/a" : n.toFixed(2));
  if (p.rag.schedule !== "green" && p.rag.schedule !== "grey") {
    const held = heldFinishNote(p);
    parts.push(
      `schedule ${p.rag.schedule} (SPI ${fmt(m.spi)}, slip ${m.slipDays ?? "n/a"} days${held ? `, ${held}` : ""})`,
    );
  }
  if (p.rag.cost !== "green" && p.rag.cost !== "grey") parts.push(`cost ${p.rag.cost} (CPI ${fmt(m.cpi)})`);
  if (p.rag.risk !== "green" && p.rag.risk !== "grey") {
    const critical = Object.entries(m.openIssues)
      .filter(([severity]) => severity === "Critical")
      .reduce((n, [, c]) => n + c, 0);
    parts.push(
      `risk ${p.rag.risk} (highest open score ${m.maxRiskScore ?? "n/a"}${critical ? `, ${critical} open Critical issue${critical > 1 ? "s" : ""}` : ""})`,
    );
  }
  if (p.rag.governance !== "green" && p.rag.governance !== "grey")
    parts.push(`governance ${p.rag.governance}`);
  return parts.join("; ");
}

export const ragMismatch: RagRule = {
  codes: ["rag-mismatch"],
  check({ registers, projects }, report) {
    const table = registers.projects;
    if (!table) return;
    const rowOf = rowFinder(table);
    for (const p of projects) {
      if (p.reportedRag === null || p.rag.overall === "grey" || p.reportedRag === p.rag.overall) continue;
      const row = rowOf(p.sheet, p.row);
      // A row with errors is derived red on governance; its own findings say what to fix first.
      if (!row || row.errors > 0) continue;
      const better = p.reportedRag === "green" || (p.reportedRag === "amber" && p.rag.overall === "red");
      const why = reasons(p);
      report.at(
        "rag-mismatch",
        table,
        row,
        "reportedRag",
        better
          ? `Reported ${p.reported} but the numbers say ${WORD[p.rag.overall]}${why ? `: ${why}` : ""}. Review the rating with the project manager, or explain it in the report.`
          : `Reported ${p.reported} but the numbers say ${WORD[p.rag.overall]}; if the rating reflects something the numbers miss, say so in the report.`,
      );
    }
  },
};

export const dependencyAtRisk: RagRule = {
  codes: ["dependency-at-risk"],
  check({ registers, projects }, report) {
    const deps = registers.dependencies;
    if (!deps) return;
    const byId = new Map(projects.map((p) => [matchKey(p.id) || p.id, p]));
    for (const row of deps.rows) {
      if (isClosedRow(deps, row)) continue;
      const from = textOf(row, "fromProject");
      const to = textOf(row, "toProject");
      if (from === null || to === null) continue;
      const provider = byId.get(matchKey(to) || to);
      if (!provider || provider.rag.overall !== "red") continue;
      report.at(
        "dependency-at-risk",
        deps,
        row,
        "toProject",
        `${from} depends on ${provider.id} (${provider.name}), whose derived RAG is Red; agree a fallback or a new need-by date with ${provider.id}'s manager.`,
      );
    }
  },
};

export const RAG_RULES: readonly RagRule[] = [ragMismatch, dependencyAtRisk, baselineChanged];
