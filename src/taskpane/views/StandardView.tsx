/** Standard: which one is in force, its thresholds (editable), saved into the workbook; import and export as JSON. */
import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { StandardSource } from "../../core/engine";
import { parseStandard, parseStandardText, StandardError } from "../../core/standard/load";
import type { Standard } from "../../core/standard/schema";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

/** The thresholds a PMO analyst tunes, with where each lives in the standard. */
export const THRESHOLD_FIELDS: readonly { readonly path: readonly string[]; readonly label: string }[] = [
  { path: ["schedule", "green", "spi"], label: "Schedule green: SPI at least" },
  { path: ["schedule", "amber", "spi"], label: "Schedule amber: SPI at least" },
  { path: ["schedule", "green", "slipPercent"], label: "Schedule green: slip at most (%)" },
  { path: ["schedule", "amber", "slipPercent"], label: "Schedule amber: slip at most (%)" },
  { path: ["cost", "green", "cpi"], label: "Cost green: CPI at least" },
  { path: ["cost", "amber", "cpi"], label: "Cost amber: CPI at least" },
  { path: ["cost", "green", "eacPercent"], label: "Cost green: EAC at most (% of BAC)" },
  { path: ["cost", "amber", "eacPercent"], label: "Cost amber: EAC at most (% of BAC)" },
  { path: ["risk", "greenMaxScore"], label: "Risk green: top score at most" },
  { path: ["risk", "amberMaxScore"], label: "Risk amber: top score at most" },
  { path: ["governance", "greenDays"], label: "Governance green: updated within (days)" },
  { path: ["governance", "amberDays"], label: "Governance amber: updated within (days)" },
];

function get(obj: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

/** A copy of `standard` with the edited thresholds, checked like any standard. */
export function withThresholds(standard: Standard, values: Readonly<Record<string, string>>): Standard {
  const copy = structuredClone(standard);
  for (const f of THRESHOLD_FIELDS) {
    const text = values[f.path.join(".")];
    if (text === undefined) continue;
    const parent = get(copy.thresholds, f.path.slice(0, -1)) as Record<string, unknown>;
    parent[f.path[f.path.length - 1]] = text.trim() === "" ? Number.NaN : Number(text);
  }
  return parseStandard(copy, "the thresholds");
}

export interface StandardViewProps {
  readonly standard: Standard | null;
  readonly source: StandardSource | null;
  readonly canSave: boolean;
  readonly onApply: (standard: Standard) => void;
  readonly onSave: (standard: Standard) => Promise<void>;
  readonly onExport: (standard: Standard) => void;
  /** Adds the standard's registers the workbook lacks as template sheets; returns their names. */
  readonly onAddRegisters?: (standard: Standard) => Promise<string[]>;
}

export function StandardView({
  standard,
  source,
  canSave,
  onApply,
  onSave,
  onExport,
  onAddRegisters,
}: StandardViewProps) {
  const styles = useStyles();
  const initial = useMemo(
    () =>
      Object.fromEntries(
        THRESHOLD_FIELDS.map((f) => [
          f.path.join("."),
          String(standard ? get(standard.thresholds, f.path) : ""),
        ]),
      ),
    [standard],
  );
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setValues(initial), [initial]);

  if (!standard) return <Text>Run Validate to see the standard in force.</Text>;

  const edited = (): Standard | null => {
    try {
      setProblem(null);
      return withThresholds(standard, values);
    } catch (e) {
      setProblem(e instanceof StandardError ? e.problems.join("; ") : (e as Error).message);
      return null;
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      onApply(parseStandardText(await file.text(), file.name));
      setProblem(null);
    } catch (e) {
      setProblem((e as Error).message);
    }
  };

  return (
    <section className={styles.root} aria-label="Standard">
      <div>
        <Text as="h2" size={400} weight="semibold">{`${standard.name} ${standard.version}`}</Text>
        <Caption1 as="p">
          {source === "workbook"
            ? "From this workbook's PMO Standard sheet."
            : source === "file"
              ? "Imported from a file for this session."
              : "The built-in standard (this workbook has no PMO Standard sheet)."}
        </Caption1>
      </div>
      <div className={styles.grid}>
        {THRESHOLD_FIELDS.map((f) => {
          const key = f.path.join(".");
          return (
            <Field key={key} label={f.label} size="small">
              <Input
                type="number"
                size="small"
                value={values[key] ?? ""}
                onChange={(_, d) => setValues((v) => ({ ...v, [key]: d.value }))}
              />
            </Field>
          );
        })}
      </div>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          onClick={() => {
            const s = edited();
            if (s) onApply(s);
          }}
        >
          Use for this session
        </Button>
        <Button
          appearance="primary"
          disabled={!canSave}
          onClick={async () => {
            const s = edited();
            if (!s) return;
            try {
              await onSave(s);
              setSaved(
                "Saved to the PMO Standard sheet: everyone who opens this workbook validates against it.",
              );
            } catch (e) {
              setProblem((e as Error).message);
            }
          }}
        >
          Save to workbook
        </Button>
      </div>
      {onAddRegisters && (
        <div className={styles.actions}>
          <Button
            disabled={!canSave}
            onClick={async () => {
              try {
                setProblem(null);
                const added = await onAddRegisters(standard);
                setSaved(
                  added.length === 0
                    ? "Every register of the standard is already in the workbook."
                    : `Added ${added.join(", ")}: headers, dropdowns and input messages from the standard. Fill them in, then Validate.`,
                );
              } catch (e) {
                setProblem((e as Error).message);
              }
            }}
          >
            Add missing registers
          </Button>
        </div>
      )}
      <div className={styles.actions}>
        <Button onClick={() => onExport(standard)}>Export JSON</Button>
        <Field label="Import JSON" size="small">
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Import a standard (JSON)"
            onChange={(e) => void importFile(e.currentTarget.files?.[0])}
          />
        </Field>
      </div>
    </section>
  );
}
