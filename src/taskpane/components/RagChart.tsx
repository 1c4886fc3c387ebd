/** Projects by overall RAG as one stacked bar, with a legend that reads without colour. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { RagCounts } from "../../core/metrics/aggregate";
import { RAG_FILL, ragLabel } from "../../core/plan/styles";

const ORDER = ["red", "amber", "green", "grey"] as const;

const useStyles = makeStyles({
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    listStyle: "none",
    padding: 0,
    margin: 0,
  },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginRight: tokens.spacingHorizontalXS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
});

export function RagChart({ counts }: { readonly counts: RagCounts }) {
  const styles = useStyles();
  const total = ORDER.reduce((s, r) => s + counts[r], 0);
  let x = 0;
  const summary = ORDER.map((r) => `${counts[r]} ${r}`).join(", ");
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-label={`Projects by overall RAG: ${summary}`}
        viewBox="0 0 100 10"
        width="100%"
        height="28"
        preserveAspectRatio="none"
      >
        {total === 0 ? (
          <rect x="0" y="0" width="100" height="10" fill={`#${RAG_FILL.grey}`} />
        ) : (
          ORDER.map((r) => {
            const w = (counts[r] / total) * 100;
            const rect = <rect key={r} x={x} y="0" width={w} height="10" fill={`#${RAG_FILL[r]}`} />;
            x += w;
            return rect;
          })
        )}
      </svg>
      <ul className={styles.legend}>
        {ORDER.map((r) => (
          <li key={r}>
            <span
              className={styles.swatch}
              style={{ backgroundColor: `#${RAG_FILL[r]}` }}
              aria-hidden="true"
            />
            {`${ragLabel(r)}: ${counts[r]}`}
          </li>
        ))}
      </ul>
    </figure>
  );
}
