/** Group figures for a set of rolled-up projects: the whole portfolio, each portfolio, each programme. */
import { aggregate, type GroupFigures } from "../metrics/aggregate";
import type { ProjectRollup } from "./project-rollup";

export const NO_GROUP = "(none)";

export interface RollupFigures {
  readonly portfolio: GroupFigures;
  readonly portfolios: GroupFigures[];
  readonly programmes: (GroupFigures & { portfolio: string })[];
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name === NO_GROUP ? 1 : b.name === NO_GROUP ? -1 : a.name.localeCompare(b.name);

export function rollupFigures(projects: readonly ProjectRollup[], title = "Portfolio"): RollupFigures {
  const portfolios = [...groupBy(projects, (p) => p.portfolio ?? NO_GROUP)]
    .map(([name, list]) => aggregate(name, list))
    .sort(byName);
  const programmes = [
    ...groupBy(projects, (p) => `${p.portfolio ?? NO_GROUP}\u0000${p.programme ?? NO_GROUP}`),
  ]
    .map(([key, list]) => {
      const [portfolio, name] = key.split("\u0000");
      return { ...aggregate(name, list), portfolio };
    })
    .sort((a, b) => byName({ name: a.portfolio }, { name: b.portfolio }) || byName(a, b));
  return { portfolio: aggregate(title, projects), portfolios, programmes };
}
