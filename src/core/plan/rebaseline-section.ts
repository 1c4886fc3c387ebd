/** PMO Rollup's list of the projects whose baseline moved since the previous status date. */
import { heldFinishNote, movesText } from "../rollup/baseline-changed";
import { projectRowCell, sortedProjects } from "./projects-sheet";
import type { RollupInput } from "./rollup-input";
import { cell, type PlanCell } from "./sheet-plan";
import { emptyCell, headerRow, ragCell, textCell } from "./table";

function rebaselined(input: RollupInput) {
  const out: { project: RollupInput["projects"][number]; rowCell: string }[] = [];
  sortedProjects(input).forEach((project, i) => {
    if (project.baselineMoves.length > 0) out.push({ project, rowCell: projectRowCell(i) });
  });
  return out;
}

/** The section's title and rows (header first), each project linked to its row on PMO Projects. */
export function rebaselineSection(input: RollupInput): { title: string; rows: PlanCell[][] } {
  const list = rebaselined(input);
  const unapproved = list.filter((r) => r.project.baselineMoves.some((m) => m.approvedBy === null)).length;
  const rows: PlanCell[][] = [
    [
      ...headerRow(["Project ID", "Project Name", "Programme", "Baseline change (change request)"]),
      emptyCell("header"),
      emptyCell("header"),
      cell("Schedule", "header"),
    ],
  ];
  if (list.length === 0)
    rows.push([
      textCell("None: no baseline finish or budget moved since the previous status date.", "subtitle"),
    ]);
  for (const { project: p, rowCell } of list) {
    const held = heldFinishNote(p);
    rows.push([
      cell({ kind: "link", text: p.id, sheet: input.names.projects, cell: rowCell }, "link"),
      textCell(p.name),
      textCell(p.programme),
      textCell(movesText(p.baselineMoves)),
      emptyCell("text"),
      emptyCell("text"),
      ragCell(p.rag.schedule),
      textCell(held ? `schedule ${held}` : null, "subtitle"),
    ]);
  }
  return {
    title: `Re-baselined since the previous status date (${list.length}, ${unapproved} without an approved change)`,
    rows,
  };
}
