/** The task pane: Validate, Rollup and Standard views over one workbook host (Excel, or an .xlsx file in a browser). */
import {
  Button,
  Caption1,
  Dropdown,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  ProgressBar,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { standardSheetPlan } from "../core/plan/standard-sheet";
import type { Standard } from "../core/standard/schema";
import type { Finding } from "../core/validate/finding";
import type { WorkbookHost } from "../host/workbook-host";
import { CsvImport } from "./components/CsvImport";
import type { Engine } from "./engine/engine-client";
import { addMissingRegisters } from "./session/add-registers";
import { useSession } from "./session/use-session";
import { followTheme, initialTheme, THEMES, type ThemeName } from "./theme";
import { RollupView } from "./views/RollupView";
import { StandardView } from "./views/StandardView";
import { MapColumnsView } from "./views/MapColumnsView";
import { ValidateView } from "./views/ValidateView";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  progress: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

type View = "validate" | "rollup" | "standard" | "map";

const NO_SHEETS: readonly string[] = [];

export interface AppProps {
  readonly mode: "excel" | "browser";
  /** In Excel, the host over the open workbook; in a browser, none until a file is opened. */
  readonly excelHost?: WorkbookHost;
  /** Opens an .xlsx in the browser (the xlsx code loads only then). */
  readonly openFile?: (file: File) => Promise<WorkbookHost>;
  /** Hands the workbook (with our sheets) back to the user in the browser. */
  readonly download?: (host: WorkbookHost, fileName: string) => void;
  readonly downloadJson?: (json: string, fileName: string) => void;
  readonly theme?: ThemeName;
  /** Work a ribbon command handed over (a workbook too large for it): started once the pane is up. */
  readonly takeHandover?: () => "validate" | "refresh" | null;
  /** Where the engine runs: a Web Worker in the built pane (engine/create-worker.ts); on the page when absent. */
  readonly engine?: Engine;
}

export function App({
  mode,
  excelHost,
  openFile,
  download,
  downloadJson,
  theme: startTheme,
  takeHandover,
  engine,
}: AppProps) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(startTheme ?? initialTheme());
  const [view, setView] = useState<View>("validate");
  const [fileHost, setFileHost] = useState<{ host: WorkbookHost; name: string } | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [importNote, setImportNote] = useState<string | null>(null);
  const host = mode === "excel" ? (excelHost ?? null) : (fileHost?.host ?? null);
  const fileName = mode === "excel" ? "this workbook" : (fileHost?.name ?? "");
  const session = useSession(host, fileName, engine);
  const rollup = session.rollup;
  const findings = rollup?.findings ?? null;
  // Not recognised: a register, or a column the standard needs; the "Map columns" step fixes it.
  const unrecognised = useMemo(
    () =>
      (findings ?? []).some(
        (f) =>
          f.severity === "error" &&
          (f.code === "missing-register" || f.code === "header-not-found" || f.code === "missing-column"),
      ),
    [findings],
  );
  const sheetOrder = rollup?.sheetOrder ?? NO_SHEETS;

  // The theme follows Office's (and the system's) when it changes, unless a test fixed it.
  useEffect(() => (startTheme ? undefined : followTheme(setTheme)), [startTheme]);

  // A ribbon command's hand-over: taken when the pane starts, and again whenever it is shown.
  const { validate, refresh } = session;
  useEffect(() => {
    if (!takeHandover || !host) return;
    const take = () => {
      const action = takeHandover();
      if (action === "refresh") void refresh();
      else if (action === "validate") void validate();
    };
    take();
    const onVisible = () => document.visibilityState === "visible" && take();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
    // Once per host (validate and refresh are new functions at every render).
  }, [takeHandover, host]);

  const onSelect = useCallback(
    (f: Finding) => {
      if (host && f.cell) void host.selectCell(f.sheet, f.cell);
    },
    [host],
  );

  const onOpen = async (file: File | undefined) => {
    if (!file || !openFile) return;
    try {
      setOpenError(null);
      setFileHost({ host: await openFile(file), name: file.name });
    } catch (e) {
      setOpenError(`${file.name}: ${(e as Error).message}`);
    }
  };

  const saveStandard = async (standard: Standard) => {
    if (!host) return;
    const grids = await host.readWorkbook({ sheets: () => false });
    await host.applyPlan({ sheets: [standardSheetPlan(standard, grids.sheets)] });
    session.setImportedStandard(null);
    await session.validate();
  };

  return (
    <FluentProvider theme={THEMES[theme]}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold">
            PMO Rollup
          </Text>
          <Dropdown
            size="small"
            aria-label="Theme"
            value={theme === "contrast" ? "High contrast" : theme === "dark" ? "Dark" : "Light"}
            selectedOptions={[theme]}
            onOptionSelect={(_, d) => setTheme(d.optionValue as ThemeName)}
            style={{ minWidth: "120px" }}
          >
            <Option value="light">Light</Option>
            <Option value="dark">Dark</Option>
            <Option value="contrast">High contrast</Option>
          </Dropdown>
        </header>
        {mode === "browser" && (
          <div className={styles.file}>
            <label>
              <Text weight="semibold">Open workbook </Text>
              <input
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label="Open workbook"
                onChange={(e) => void onOpen(e.currentTarget.files?.[0])}
              />
            </label>
            {fileHost && (
              <div className={styles.progress}>
                <Caption1>{fileHost.name}</Caption1>
                <Button size="small" onClick={() => download?.(fileHost.host, fileHost.name)}>
                  Download workbook
                </Button>
              </div>
            )}
          </div>
        )}
        {openError && (
          <MessageBar intent="error">
            <MessageBarBody>{openError}</MessageBarBody>
          </MessageBar>
        )}
        {host && (
          <CsvImport
            host={host}
            standard={session.importedStandard ?? rollup?.standard ?? null}
            onImported={(m) => {
              setImportNote(m);
              setOpenError(null);
            }}
            onError={setOpenError}
          />
        )}
        {importNote && (
          <MessageBar intent="success">
            <MessageBarBody>{importNote}</MessageBarBody>
          </MessageBar>
        )}
        <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} size="small">
          <Tab value="validate">Validate</Tab>
          <Tab value="rollup">Rollup</Tab>
          <Tab value="standard">Standard</Tab>
          <Tab value="map">Map columns</Tab>
        </TabList>
        {unrecognised && view !== "map" && (
          <MessageBar intent="warning">
            <MessageBarBody>Some registers or columns were not recognised.</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => setView("map")}>
                Map columns
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {session.progress && (
          <div className={styles.progress} role="status" aria-live="polite">
            <ProgressBar
              style={{ flex: 1 }}
              value={session.progress.total > 0 ? session.progress.done / session.progress.total : undefined}
              aria-label={session.progress.what}
            />
            <Caption1>{session.progress.what}</Caption1>
            <Button size="small" onClick={session.cancel}>
              Cancel
            </Button>
          </div>
        )}
        {session.error && (
          <MessageBar intent="error">
            <MessageBarBody>{session.error}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={session.dismiss}>
                Dismiss
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {session.notice && (
          <MessageBar intent="success">
            <MessageBarBody>{session.notice}</MessageBarBody>
          </MessageBar>
        )}
        {view === "validate" && (
          <ValidateView
            session={session}
            findings={findings}
            sheetOrder={sheetOrder}
            canWatch={mode === "excel"}
            onSelect={onSelect}
          />
        )}
        {view === "rollup" && <RollupView session={session} summary={rollup?.summary ?? null} />}
        {view === "map" && (
          <MapColumnsView
            host={host}
            standard={session.importedStandard ?? rollup?.standard ?? null}
            asOf={rollup?.asOf ?? null}
            version={rollup}
            canSave={host !== null && session.working === null}
            onSave={saveStandard}
          />
        )}
        {view === "standard" && (
          <StandardView
            standard={session.importedStandard ?? rollup?.standard ?? null}
            source={session.importedStandard ? "file" : (rollup?.standardSource ?? null)}
            canSave={host !== null && session.working === null}
            onApply={session.setImportedStandard}
            onSave={saveStandard}
            onAddRegisters={(standard) => (host ? addMissingRegisters(host, standard) : Promise.resolve([]))}
            onExport={(s) => downloadJson?.(JSON.stringify(s, null, 2), "pmo-standard.json")}
          />
        )}
      </main>
    </FluentProvider>
  );
}
