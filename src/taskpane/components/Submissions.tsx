/** "Add submissions": pick coordinators' workbooks, see each one's scorecard, keep them for the rollup. */
import {
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Standard } from "../../core/standard/schema";
import { nowSerial, today } from "../../host/clock";
import type { WorkbookHost } from "../../host/workbook-host";
import { addSubmissions, type ScoreLine } from "../session/submissions";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface SubmissionsProps {
  readonly host: WorkbookHost | null;
  readonly standard: Standard | null;
  readonly disabled: boolean;
}

export function Submissions({ host, standard, disabled }: SubmissionsProps) {
  const styles = useStyles();
  const [lines, setLines] = useState<ScoreLine[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (list: FileList | null) => {
    if (!host || !list || list.length === 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const files = await Promise.all(
        Array.from(list, async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      setLines(
        await addSubmissions(host, files, {
          ...(standard ? { standard } : {}),
          today: today(),
          now: nowSerial(),
        }),
      );
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <Field label="Add submissions" size="small" hint="Coordinators' workbooks (.xlsx), several at once">
        <input
          type="file"
          multiple
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Add submissions"
          disabled={!host || disabled || busy}
          onChange={(e) => {
            const files = e.currentTarget.files;
            void submit(files).then(() => (e.target.value = ""));
          }}
        />
      </Field>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {lines && (
        <>
          <Table size="extra-small" aria-label="Submissions scorecard">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>File</TableHeaderCell>
                <TableHeaderCell>Projects</TableHeaderCell>
                <TableHeaderCell>Errors</TableHeaderCell>
                <TableHeaderCell>Ready</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lines.map((l) => (
                <TableRow key={l.file}>
                  <TableCell>{l.file}</TableCell>
                  <TableCell>{l.problem ? "—" : l.projects}</TableCell>
                  <TableCell>{l.problem ? "—" : l.errors}</TableCell>
                  <TableCell>
                    {l.problem ? `Not read: ${l.problem}` : l.ready ? "Ready" : "Not ready"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Caption1>
            {lines.some((l) => l.kept)
              ? `Kept in ${lines.flatMap((l) => (l.kept ? [l.kept] : [])).join(", ")}. Refresh rollup to consolidate them with this workbook's registers.`
              : "Nothing was kept."}
          </Caption1>
        </>
      )}
    </div>
  );
}
