/** "Import CSV as a register sheet": a CSV export becomes a new sheet of the workbook, never replacing one. */
import { Button, Caption1, Dropdown, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { csvGrid, parseCsv } from "../../core/csv";
import type { Standard } from "../../core/standard/schema";
import type { WorkbookHost } from "../../host/workbook-host";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
});

export interface CsvImportProps {
  readonly host: WorkbookHost;
  readonly standard: Standard | null;
  readonly onImported: (message: string) => void;
  readonly onError: (message: string) => void;
}

export function CsvImport({ host, standard, onImported, onError }: CsvImportProps) {
  const styles = useStyles();
  const registers = Object.entries(standard?.registers ?? { projects: { sheet: "Projects" } }).flatMap(
    ([k, r]) => (r ? [[k, r.sheet] as const] : []),
  );
  const [register, setRegister] = useState(registers[0]?.[1] ?? "Projects");
  const [file, setFile] = useState<File | null>(null);
  const importNow = async () => {
    if (!file) return;
    try {
      const csv = parseCsv(new Uint8Array(await file.arrayBuffer()));
      if (csv.records === 0) throw new Error(`${file.name} is empty`);
      const name = await host.addSheet(register, csvGrid(register, csv).rows);
      const note =
        name === register
          ? ""
          : ` A '${register}' sheet exists already: rename '${name}' to use it as the register.`;
      onImported(
        `Imported ${csv.records} records (${csv.records - 1} row${csv.records === 2 ? "" : "s"} under a header) from ${file.name} into a new sheet '${name}'.${note}`,
      );
    } catch (e) {
      onError(`${file.name}: ${(e as Error).message}`);
    }
  };
  return (
    <details>
      <summary>Import CSV as a register sheet</summary>
      <div className={styles.root}>
        <Field label="CSV file" size="small">
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            aria-label="CSV file to import"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </Field>
        <Dropdown
          size="small"
          aria-label="Register to import into"
          value={register}
          selectedOptions={[register]}
          onOptionSelect={(_, d) => setRegister(d.optionValue ?? register)}
        >
          {registers.map(([key, sheet]) => (
            <Option key={key} value={sheet}>
              {sheet}
            </Option>
          ))}
        </Dropdown>
        <Button size="small" disabled={!file} onClick={() => void importNow()}>
          Import
        </Button>
        <Caption1>UTF-8 or Windows-1252; comma, semicolon or tab.</Caption1>
      </div>
    </details>
  );
}
