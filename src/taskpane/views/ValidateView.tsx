/** Validate: run it, counts first, "Ready to submit" when clean, the findings grouped, filtered, each a jump to its cell. */
import {
  Badge,
  Button,
  Dropdown,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  SearchBox,
  Switch,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Severity } from "../../core/standard/schema";
import { CATALOGUE, type FindingCode } from "../../core/validate/catalogue";
import { countFindings, type Finding } from "../../core/validate/finding";
import { WindowedList } from "../components/WindowedList";
import type { Session } from "../session/use-session";
import { countsText, listRows, type ListRow } from "./findings-model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  group: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    height: "100%",
    padding: `0 ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  finding: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    width: "100%",
    height: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    background: "transparent",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    font: "inherit",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  message: {
    overflow: "hidden",
    display: "-webkit-box",
    WebkitLineClamp: "2",
    WebkitBoxOrient: "vertical",
    fontSize: tokens.fontSizeBase200,
  },
});

const SEVERITY_LABEL: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };
const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;
export const FINDING_ROW_HEIGHT = 52;

export interface ValidateViewProps {
  readonly session: Session;
  readonly findings: readonly Finding[] | null;
  readonly sheetOrder: readonly string[];
  readonly canWatch: boolean;
  readonly onSelect: (finding: Finding) => void;
  readonly listHeight?: number;
}

export function ValidateView({
  session,
  findings,
  sheetOrder,
  canWatch,
  onSelect,
  listHeight = 420,
}: ValidateViewProps) {
  const styles = useStyles();
  const [severities, setSeverities] = useState<Set<Severity>>(new Set(["error", "warning", "info"]));
  const [code, setCode] = useState<string | null>(null);
  const [text, setText] = useState("");
  const rows = useMemo(
    () => (findings ? listRows(findings, { severities, code, text }, sheetOrder) : []),
    [findings, severities, code, text, sheetOrder],
  );
  const codes = useMemo(() => [...new Set((findings ?? []).map((f) => f.code))].sort(), [findings]);
  const counts = findings ? countFindings(findings) : null;
  const toggle = (s: Severity) =>
    setSeverities((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });

  return (
    <section className={styles.root} aria-label="Validate">
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => void session.validate()}
          disabled={!session.host || session.working !== null}
        >
          Validate
        </Button>
        {canWatch && (
          <Switch
            label="Validate as I edit"
            checked={session.watching}
            onChange={(_, d) => session.setWatching(d.checked)}
          />
        )}
      </div>
      {counts && findings && (
        <>
          <Text as="h2" size={500} weight="semibold" role="status">
            {countsText(findings)}
          </Text>
          {counts.errors === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>
                <MessageBarTitle>Ready to submit</MessageBarTitle>
                No errors
                {counts.warnings > 0
                  ? `; ${counts.warnings} warning${counts.warnings === 1 ? "" : "s"} worth a look`
                  : ""}
                .
              </MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Not ready to submit</MessageBarTitle>
                Fix the errors below; select one to go to its cell.
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.filters} role="group" aria-label="Filter findings">
            {(["error", "warning", "info"] as const).map((s) => (
              <ToggleButton key={s} size="small" checked={severities.has(s)} onClick={() => toggle(s)}>
                {SEVERITY_LABEL[s]}
              </ToggleButton>
            ))}
            <Dropdown
              size="small"
              aria-label="Finding code"
              placeholder="All codes"
              value={code ?? "All codes"}
              selectedOptions={[code ?? ""]}
              onOptionSelect={(_, d) => setCode(d.optionValue ? d.optionValue : null)}
            >
              <Option value="">All codes</Option>
              {codes.map((c) => (
                <Option key={c} value={c} text={c}>
                  {`${c} — ${CATALOGUE[c as FindingCode].title}`}
                </Option>
              ))}
            </Dropdown>
            <SearchBox
              size="small"
              aria-label="Search findings"
              placeholder="Search"
              value={text}
              onChange={(_, d) => setText(d.value)}
            />
          </div>
          <WindowedList<ListRow>
            items={rows}
            rowHeight={FINDING_ROW_HEIGHT}
            height={Math.min(listHeight, Math.max(FINDING_ROW_HEIGHT, rows.length * FINDING_ROW_HEIGHT))}
            label="Findings"
            itemKey={(r) => r.key}
            onActivate={(r) => r.kind === "finding" && onSelect(r.finding)}
            renderItem={(r) =>
              r.kind === "group" ? (
                <div className={styles.group}>
                  <span>{r.sheet}</span>
                  <Badge appearance="tint" color={SEVERITY_COLOR[r.severity]}>
                    {`${SEVERITY_LABEL[r.severity]} ${r.count}`}
                  </Badge>
                </div>
              ) : (
                <button
                  type="button"
                  tabIndex={-1}
                  className={styles.finding}
                  title={r.finding.message}
                  onClick={() => onSelect(r.finding)}
                >
                  <span className={styles.cell}>{r.finding.cell ?? "—"}</span>
                  <span className={styles.message}>{r.finding.message}</span>
                </button>
              )
            }
          />
        </>
      )}
    </section>
  );
}
