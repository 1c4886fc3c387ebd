/** dependency-cycle: projects that depend on each other in a circle (Tarjan's strongly connected components). */
import { matchKey } from "../../register/normalize";
import { isClosedRow, textOf, type RegisterRow } from "../../register/register-table";
import type { Rule } from "../rule";

interface Edge {
  readonly to: string;
  readonly row: RegisterRow;
}

/** Strongly connected components of more than one node (or with a self loop), iteratively. */
export function cyclicComponents(graph: ReadonlyMap<string, readonly Edge[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const next = edges[frame.edge++].to;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, edge: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let node: string;
        do {
          node = stack.pop()!;
          onStack.delete(node);
          component.push(node);
        } while (node !== frame.node);
        const selfLoop = (graph.get(frame.node) ?? []).some((e) => e.to === frame.node);
        if (component.length > 1 || selfLoop) result.push(component.reverse());
      }
    }
  }
  return result;
}

export const dependencyCycle: Rule = {
  codes: ["dependency-cycle"],
  check({ registers }, report) {
    const deps = registers.dependencies;
    if (!deps) return;
    const graph = new Map<string, Edge[]>();
    const names = new Map<string, string>();
    for (const row of deps.rows) {
      if (isClosedRow(deps, row)) continue;
      const from = textOf(row, "fromProject");
      const to = textOf(row, "toProject");
      if (from === null || to === null) continue;
      const [f, t] = [matchKey(from) || from, matchKey(to) || to];
      names.set(f, from);
      names.set(t, to);
      if (!graph.has(f)) graph.set(f, []);
      if (!graph.has(t)) graph.set(t, []);
      graph.get(f)!.push({ to: t, row });
    }
    for (const component of cyclicComponents(graph)) {
      const members = new Set(component);
      // Report at the first dependency row (in sheet order) that lies on the cycle.
      const rows = component.flatMap((n) =>
        graph
          .get(n)!
          .filter((e) => members.has(e.to))
          .map((e) => e.row),
      );
      rows.sort((a, b) => a.row - b.row);
      const path = [...component, component[0]].map((n) => names.get(n) ?? n).join(" → ");
      report.at(
        "dependency-cycle",
        deps,
        rows[0],
        "fromProject",
        `These projects depend on each other in a circle: ${path} (rows ${rows.map((r) => r.row + 1).join(", ")}); break the cycle by removing or reversing one dependency.`,
      );
    }
  },
};
