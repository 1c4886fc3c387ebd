/** `pmo-rollup rollup` output: the portfolio summary with red projects first, or the JSON contract (DESIGN §7). */
import { formatDay, isoFromDay } from "../core/dates";
import type { GroupFigures, IndexBasis } from "../core/metrics/aggregate";
import { basisCounts, basisNote } from "../core/plan/index-basis-text";
import { ragLabel } from "../core/plan/styles";
import type { PortfolioRollup } from "../core/rollup/portfolio-rollup";
import { movesText } from "../core/rollup/baseline-changed";
import { isWatermelon, type ProjectRollup } from "../core/rollup/project-rollup";
import { projectOrder } from "../core/plan/projects-sheet";
import { countFindings } from "../core/validate/finding";
import type { Palette } from "./terminal";
import type { Rag } from "../core/rollup/rag";

/** What an index rests on (added to the contract: the projects with both inputs, and their sums). */
function basisJson(b: IndexBasis, base: "pv" | "ac") {
  return { projects: b.projects, ev: b.ev, [base]: b.base, complete: b.complete };
}

function groupJson(g: GroupFigures) {
  return {
    bac: g.bac,
    ac: g.ac,
    ev: g.ev,
    pv: g.pv,
    spi: g.spi,
    cpi: g.cpi,
    counts: g.counts,
    projects: g.projects,
    spiBasis: basisJson(g.spiBasis, "pv"),
    cpiBasis: basisJson(g.cpiBasis, "ac"),
  };
}

export function rollupJson(rollup: PortfolioRollup): object {
  const { input } = rollup;
  return {
    asOf: isoFromDay(input.asOf),
    portfolio: groupJson(input.figures.portfolio),
    programmes: input.figures.programmes.map((g) => ({
      name: g.name,
      portfolio: g.portfolio,
      ...groupJson(g),
      worst: g.worst,
    })),
    projects: [...input.projects].sort(projectOrder).map((p) => ({
      id: p.id,
      name: p.name,
      programme: p.programme,
      reported: p.reportedRag,
      rag: p.rag,
      metrics: {
        bac: p.metrics.bac,
        ac: p.metrics.ac,
        ev: p.metrics.ev,
        pv: p.metrics.pv,
        sv: p.metrics.sv,
        cv: p.metrics.cv,
        spi: p.metrics.spi,
        cpi: p.metrics.cpi,
        eac: p.metrics.eac,
        vac: p.metrics.vac,
        tcpi: p.metrics.tcpi,
        slipDays: p.metrics.slipDays,
      },
      ...(p.source !== null ? { source: p.source } : {}),
    })),
    findings: countFindings(input.findings.map((f) => f.finding)),
  };
}

const money = (n: number | null) => (n === null ? "n/a" : Math.round(n).toLocaleString("en-GB"));
const index = (n: number | null) => (n === null ? "n/a" : n.toFixed(2));
const share = (n: number | null) => (n === null ? "n/a" : `${Math.round(n)}%`);

function colourRag(rag: Rag, p: Palette): string {
  const text = ragLabel(rag);
  return rag === "red"
    ? p.red(text)
    : rag === "amber"
      ? p.yellow(text)
      : rag === "green"
        ? p.green(text)
        : p.dim(text);
}

function why(pr: ProjectRollup): string {
  const dims = (["schedule", "cost", "risk", "governance"] as const).filter((d) => pr.rag[d] === "red");
  return dims.length > 0 ? `${dims.join(", ")} red` : "";
}

export function rollupText(rollup: PortfolioRollup, p: Palette, limit: number, written: string): string {
  const { input } = rollup;
  const g = input.figures.portfolio;
  const c = countFindings(input.findings.map((f) => f.finding));
  const lines: string[] = [];
  lines.push(p.bold(`Portfolio rollup — status date ${formatDay(input.asOf)} (${input.asOfSource})`));
  lines.push(
    `  Standard: ${input.standard.name} ${input.standard.version} (${input.standardSource})${input.files.length > 1 ? ` · ${input.files.length} workbooks consolidated` : ""}`,
  );
  lines.push(
    `  ${g.projects} projects · BAC ${money(g.bac)} · AC ${money(g.ac)} · EV ${money(g.ev)} · SPI ${index(g.spi)} · CPI ${index(g.cpi)}`,
  );
  for (const note of [
    basisNote("SPI", g.spi, g.spiBasis, g.projects),
    basisNote("CPI", g.cpi, g.cpiBasis, g.projects),
  ])
    if (note) lines.push(`  ${note}`);
  lines.push(
    `  Overall: ${p.green(`${g.counts.green} green`)}, ${p.yellow(`${g.counts.amber} amber`)}, ${p.red(`${g.counts.red} red`)}, ${g.counts.grey} grey` +
      ` (budget ${share(g.budgetShare.green)} / ${share(g.budgetShare.amber)} / ${share(g.budgetShare.red)} / ${share(g.budgetShare.grey)})`,
  );
  lines.push(`  Findings: ${c.errors} errors, ${c.warnings} warnings, ${c.info} info`);
  const projects = [...input.projects].sort(projectOrder);
  const reds = projects.filter((x) => x.rag.overall === "red");
  const watermelons = projects.filter(isWatermelon);
  lines.push("");
  lines.push(p.bold(`Red projects (${reds.length})`));
  for (const r of reds.slice(0, limit)) {
    const tag = isWatermelon(r) ? p.red(" — reported green: a watermelon") : "";
    lines.push(
      `  ${r.id.padEnd(10)} ${r.name.slice(0, 34).padEnd(34)} ${(r.programme ?? "").slice(0, 22).padEnd(22)} ${why(r)}${tag}`,
    );
  }
  if (reds.length > limit)
    lines.push(p.dim(`  … and ${reds.length - limit} more (see the PMO Projects sheet)`));
  lines.push("");
  lines.push(p.bold(`Watermelons: reported green, derived red (${watermelons.length})`));
  if (watermelons.length === 0) lines.push("  none");
  else lines.push(`  ${watermelons.map((w) => w.id).join(", ")}`);
  const rebaselined = projects.filter((x) => x.baselineMoves.length > 0);
  if (rebaselined.length > 0) {
    lines.push("");
    lines.push(p.bold(`Re-baselined since the previous status date (${rebaselined.length})`));
    for (const r of rebaselined.slice(0, limit))
      lines.push(`  ${r.id.padEnd(10)} ${movesText(r.baselineMoves)}`);
    if (rebaselined.length > limit)
      lines.push(p.dim(`  … and ${rebaselined.length - limit} more (see PMO Rollup)`));
  }
  lines.push("");
  lines.push(p.bold("Programmes"));
  for (const prog of input.figures.programmes) {
    lines.push(
      `  ${`${prog.portfolio} / ${prog.name}`.slice(0, 44).padEnd(44)} ${String(prog.projects).padStart(3)} projects  SPI ${index(prog.spi)}  CPI ${index(prog.cpi)} (over ${basisCounts(prog)})  ${colourRag(prog.worst, p)} worst`,
    );
  }
  lines.push("");
  lines.push(`Wrote ${written} (sheets ${Object.values(input.names).join(", ")})`);
  return lines.join("\n");
}
