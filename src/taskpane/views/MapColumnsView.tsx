/**
 * Map columns: for each register or column the engine did not recognise, the person picks the
 * sheet and, per column, one of the sheet's headers (shown with sample values); a preview shows
 * what would be read; Save pins the mapping in the workbook's PMO Standard sheet and validates.
 */
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { DayNumber } from "../../core/dates";
import type { WorkbookGrids } from "../../core/grid";
import {
  applyMapping,
  headerChoices,
  previewRegister,
  registersToMap,
  type RegisterToMap,
} from "../../core/mapping";
import type { Standard } from "../../core/standard/schema";
import type { WorkbookHost } from "../../host/workbook-host";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  register: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  preview: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    overflowX: "auto",
    display: "block",
  },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", whiteSpace: "nowrap" },
});

export interface MapColumnsViewProps {
  readonly host: WorkbookHost | null;
  readonly standard: Standard | null;
  readonly asOf: DayNumber | null;
  /** Bumped after each validation, so the view reads the workbook again. */
  readonly version: unknown;
  readonly canSave: boolean;
  readonly onSave: (standard: Standard) => Promise<void>;
}

export function MapColumnsView({ host, standard, asOf, version, canSave, onSave }: MapColumnsViewProps) {
  const styles = useStyles();
  const [grids, setGrids] = useState<WorkbookGrids | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (!host) return;
    host.readWorkbook().then(
      (g) => live && setGrids(g),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [host, version]);
  const needs = useMemo(
    () => (grids && standard && asOf !== null ? registersToMap(grids, standard, asOf) : null),
    [grids, standard, asOf],
  );
  if (!host || !standard || asOf === null) return <Text>Validate the workbook first.</Text>;
  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!grids || !needs) return <Text>Reading the workbook…</Text>;
  if (needs.length === 0)
    return (
      <Text>Every register and column the standard expects was recognised; there is nothing to map.</Text>
    );
  return (
    <section className={styles.root} aria-label="Map columns">
      <Caption1>
        These registers or columns were not recognised. Pick the sheet and, for each column, the header that
        holds it; Save keeps the mapping in the workbook&apos;s PMO Standard sheet.
      </Caption1>
      {needs.map((need) => (
        <RegisterMapping
          key={need.register}
          need={need}
          grids={grids}
          standard={standard}
          asOf={asOf}
          canSave={canSave}
          onSave={onSave}
        />
      ))}
    </section>
  );
}

interface RegisterMappingProps {
  readonly need: RegisterToMap;
  readonly grids: WorkbookGrids;
  readonly standard: Standard;
  readonly asOf: DayNumber;
  readonly canSave: boolean;
  readonly onSave: (standard: Standard) => Promise<void>;
}

function RegisterMapping({ need, grids, standard, asOf, canSave, onSave }: RegisterMappingProps) {
  const styles = useStyles();
  const sheets = grids.sheets.filter((s) => !s.ownedRole).map((s) => s.name);
  const [sheet, setSheet] = useState(need.sheet ?? sheets[0] ?? "");
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const headers = useMemo(
    () => headerChoices(grids, standard, need.register, sheet),
    [grids, standard, need.register, sheet],
  );
  const mapped = useMemo(
    () => applyMapping(standard, need.register, sheet, choices),
    [standard, need.register, sheet, choices],
  );
  const preview = useMemo(
    () => (Object.keys(choices).length > 0 ? previewRegister(grids, mapped, need.register, asOf) : null),
    [grids, mapped, need.register, asOf, choices],
  );
  const save = async () => {
    setSaving(true);
    try {
      await onSave(mapped);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className={styles.register} role="group" aria-label={`Map the ${need.label} register`}>
      <Text weight="semibold">{need.label}</Text>
      <Field label="Sheet">
        <Select value={sheet} onChange={(_, d) => setSheet(d.value)} aria-label={`${need.label} sheet`}>
          {sheets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      {need.fields.map((f) => {
        const chosen = headers.find((h) => h.text === choices[f.field]);
        return (
          <Field
            key={f.field}
            label={`${f.header}${f.presence === "required" ? " (required)" : ""}`}
            hint={chosen ? `e.g. ${chosen.samples.join(" | ") || "(no values)"}` : undefined}
          >
            <Select
              aria-label={`${need.label}: ${f.header}`}
              value={choices[f.field] ?? ""}
              onChange={(_, d) =>
                setChoices((c) => {
                  const next = { ...c };
                  if (d.value === "") delete next[f.field];
                  else next[f.field] = d.value;
                  return next;
                })
              }
            >
              <option value="">(not in this sheet)</option>
              {headers.map((h) => (
                <option key={`${h.column}`} value={h.text}>
                  {`${h.column}: ${h.text}${h.samples.length ? ` — e.g. ${h.samples.slice(0, 2).join(", ")}` : ""}`}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
      {preview && (
        <div aria-label={`Preview of ${need.label}`}>
          <Caption1>What would be read:</Caption1>
          {preview.headers.length > 0 && (
            <table className={styles.preview}>
              <thead>
                <tr>
                  {preview.headers.map((h) => (
                    <th key={h} className={styles.cell}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((v, k) => (
                      <td key={k} className={styles.cell}>
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.problems.map((p) => (
            <Caption1 key={p} block>
              {p}
            </Caption1>
          ))}
        </div>
      )}
      <div>
        <Button
          appearance="primary"
          disabled={!canSave || saving || Object.keys(choices).length === 0}
          onClick={() => void save()}
        >
          {`Save the ${need.label} mapping`}
        </Button>
      </div>
    </div>
  );
}
