/** Group figures for a set of rolled-up projects: the whole portfolio, each portfolio, each programme. */
import { aggregate, type GroupFigures } from "../metrics/aggregate";
import type { ProjectRollup } from "./project-rollup";

export const NO_GROUP = "(none)";

export interface RollupFigures {
  readonly portfolio: GroupFigures;
  readonly portfolios: GroupFigures[];
  readonly programmes: (GroupFigures & { portfolio: string })[];
}

interface PortfolioGroup {
  /** In the input's order (sums add up in the same order whatever the grouping). */
  readonly all: ProjectRollup[];
  readonly programmes: Map<string, ProjectRollup[]>;
}

/** Projects by portfolio, and by programme within it, in one pass (no key string per project). */
function groupProjects(projects: readonly ProjectRollup[]): Map<string, PortfolioGroup> {
  const portfolios = new Map<string, PortfolioGroup>();
  for (const p of projects) {
    const portfolio = p.portfolio ?? NO_GROUP;
    const programme = p.programme ?? NO_GROUP;
    let group = portfolios.get(portfolio);
    if (!group) portfolios.set(portfolio, (group = { all: [], programmes: new Map() }));
    group.all.push(p);
    const list = group.programmes.get(programme);
    if (list) list.push(p);
    else group.programmes.set(programme, [p]);
  }
  return portfolios;
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name === NO_GROUP ? 1 : b.name === NO_GROUP ? -1 : a.name.localeCompare(b.name);

export function rollupFigures(projects: readonly ProjectRollup[], title = "Portfolio"): RollupFigures {
  const groups = groupProjects(projects);
  const portfolios = [...groups].map(([name, group]) => aggregate(name, group.all)).sort(byName);
  const programmes = [...groups]
    .flatMap(([portfolio, group]) =>
      [...group.programmes].map(([name, list]) => ({ ...aggregate(name, list), portfolio })),
    )
    .sort((a, b) => byName({ name: a.portfolio }, { name: b.portfolio }) || byName(a, b));
  return { portfolio: aggregate(title, projects), portfolios, programmes };
}
