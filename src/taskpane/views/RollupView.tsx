/** Rollup: refresh the sheets; the portfolio's KPIs, its RAG distribution, and the watermelons and red projects first. */
import { Button, Caption1, Card, makeStyles, Text, tokens } from "@fluentui/react-components";
import { basisNote } from "../../core/plan/index-basis-text";
import { ragLabel } from "../../core/plan/styles";
import type { Trend } from "../../core/rollup/history";
import type { ProjectLine, RollupSummary } from "../engine/pane-rollup";
import { RagChart } from "../components/RagChart";
import { Submissions } from "../components/Submissions";
import type { Session } from "../session/use-session";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  kpis: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  kpi: { padding: tokens.spacingVerticalS },
  list: {
    listStyle: "none",
    padding: 0,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
});

const TREND: Record<Trend, string> = { better: "↑ better", same: "→ same", worse: "↓ worse", new: "new" };
const number = (n: number | null, digits = 0) =>
  n === null
    ? "—"
    : n.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });

function ProjectItem({ p, tag }: { readonly p: ProjectLine; readonly tag?: string }) {
  const styles = useStyles();
  const reds = p.redDimensions.length ? `${p.redDimensions.join(", ")} red` : "";
  return (
    <li className={styles.item}>
      <Text weight="semibold">{`${p.id} · ${p.name}`}</Text>
      <Caption1>
        {[ragLabel(p.overall), tag, reds, `trend ${TREND[p.trend]}`].filter(Boolean).join(" · ")}
      </Caption1>
    </li>
  );
}

/** "and 1,234 more" under a list cut at LISTED_PROJECTS. */
function More({ shown, count }: { readonly shown: number; readonly count: number }) {
  return count > shown ? (
    <Caption1>{`…and ${(count - shown).toLocaleString()} more: the PMO Projects sheet lists them all.`}</Caption1>
  ) : null;
}

export function RollupView({
  session,
  summary,
}: {
  readonly session: Session;
  readonly summary: RollupSummary | null;
}) {
  const styles = useStyles();
  const g = summary?.portfolio;
  const trends = summary?.trends;
  return (
    <section className={styles.root} aria-label="Rollup">
      <div>
        <Button
          appearance="primary"
          onClick={() => void session.refresh()}
          disabled={!session.host || session.working !== null}
        >
          Refresh rollup
        </Button>
      </div>
      <Submissions
        host={session.host}
        standard={session.importedStandard}
        disabled={session.working !== null}
      />
      {g && summary && trends && (
        <>
          <div className={styles.kpis}>
            {[
              ["Projects", number(g.projects)],
              [
                "BAC",
                g.bac === null
                  ? "—"
                  : g.bac.toLocaleString(undefined, { notation: "compact", maximumFractionDigits: 1 }),
              ],
              ["SPI", number(g.spi, 2)],
              ["CPI", number(g.cpi, 2)],
            ].map(([label, value]) => (
              <Card key={label} className={styles.kpi} aria-label={`${label} ${value}`}>
                <Caption1>{label}</Caption1>
                <Text size={500} weight="semibold">
                  {value}
                </Text>
              </Card>
            ))}
          </div>
          {[
            basisNote("SPI", g.spi, g.spiBasis, g.projects),
            basisNote("CPI", g.cpi, g.cpiBasis, g.projects),
          ].map((note) => note && <Caption1 key={note}>{note}</Caption1>)}
          <Text as="h2" size={400} weight="semibold">
            Projects by overall RAG
          </Text>
          <RagChart counts={g.counts} />
          <Caption1>{`Since the last status date: ${trends.better} better, ${trends.same} the same, ${trends.worse} worse, ${trends.new} new.`}</Caption1>
          <Text
            as="h2"
            size={400}
            weight="semibold"
          >{`Watermelons: reported green, derived red (${summary.watermelonCount})`}</Text>
          <ul className={styles.list} aria-label="Watermelons">
            {summary.watermelons.map((p) => (
              <ProjectItem key={p.key} p={p} tag={`reported ${p.reported}`} />
            ))}
          </ul>
          <More shown={summary.watermelons.length} count={summary.watermelonCount} />
          <Text
            as="h2"
            size={400}
            weight="semibold"
          >{`Red projects (${summary.redCount + summary.watermelonCount})`}</Text>
          <ul className={styles.list} aria-label="Red projects">
            {summary.red.map((p) => (
              <ProjectItem key={p.key} p={p} />
            ))}
          </ul>
          <More shown={summary.red.length} count={summary.redCount} />
        </>
      )}
    </section>
  );
}
