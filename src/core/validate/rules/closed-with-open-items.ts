/** closed-with-open-items: a closed project that still has open risks, issues, dependencies or milestones. */
import { isClosedRow, numberOf, textOf, type RegisterTable } from "../../register/register-table";
import type { Rule } from "../rule";

function openItemsByProject(
  table: RegisterTable | undefined,
  fields: readonly string[],
  counts: Map<string, number[]>,
  slot: number,
): void {
  if (!table) return;
  for (const row of table.rows) {
    if (isClosedRow(table, row)) continue;
    if (table.kind === "milestones" && numberOf(row, "actualDate") !== null) continue;
    for (const field of fields) {
      const id = textOf(row, field);
      if (id === null) continue;
      const entry = counts.get(id) ?? [0, 0, 0, 0];
      entry[slot]++;
      counts.set(id, entry);
    }
  }
}

const LABELS = [
  ["open risk", "open risks"],
  ["open issue", "open issues"],
  ["open dependency", "open dependencies"],
  ["open milestone", "open milestones"],
];

export const closedWithOpenItems: Rule = {
  codes: ["closed-with-open-items"],
  check({ registers }, report) {
    const projects = registers.projects;
    if (!projects) return;
    const counts = new Map<string, number[]>();
    openItemsByProject(registers.risks, ["projectId"], counts, 0);
    openItemsByProject(registers.issues, ["projectId"], counts, 1);
    openItemsByProject(registers.dependencies, ["fromProject", "toProject"], counts, 2);
    openItemsByProject(registers.milestones, ["projectId"], counts, 3);
    for (const row of projects.rows) {
      const id = textOf(row, "id");
      if (id === null || !isClosedRow(projects, row)) continue;
      const entry = counts.get(id);
      if (!entry) continue;
      const parts = entry.flatMap((n, i) => (n > 0 ? [`${n} ${LABELS[i][n === 1 ? 0 : 1]}`] : []));
      report.at(
        "closed-with-open-items",
        projects,
        row,
        "stage",
        `Project ${id} is closed but has ${parts.join(", ")}; close or transfer them, or reopen the project.`,
      );
    }
  },
};
