/**
 * The pane's state: which workbook host, the last analysis, progress with cancel, failures.
 * Validate reads and analyses (it writes nothing); Refresh rollup also writes the PMO sheets.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookGrids } from "../../core/grid";
import type { PortfolioRollup } from "../../core/rollup/portfolio-rollup";
import type { Standard } from "../../core/standard/schema";
import { nowSerial, today } from "../../host/clock";
import { analyseGrids, mergeSheets, type RefreshOptions } from "../../host/refresh";
import { HostAbortedError, type WorkbookHost } from "../../host/workbook-host";

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly what: string;
}

export type Action = "validate" | "refresh";

export interface Session {
  readonly host: WorkbookHost | null;
  readonly fileName: string;
  readonly rollup: PortfolioRollup | null;
  readonly working: Action | null;
  readonly progress: Progress | null;
  readonly error: string | null;
  readonly notice: string | null;
  /** A standard imported from a file for this session (else the workbook's or the built-in one). */
  readonly importedStandard: Standard | null;
  readonly watching: boolean;
  validate(): Promise<void>;
  refresh(): Promise<void>;
  cancel(): void;
  setImportedStandard(standard: Standard | null): void;
  setWatching(on: boolean): void;
  dismiss(): void;
}

/** Debounce for validate-as-you-edit: typing a value fires one run, not one per keystroke. */
export const EDIT_DEBOUNCE_MS = 800;

export function useSession(host: WorkbookHost | null, fileName: string): Session {
  const [rollup, setRollup] = useState<PortfolioRollup | null>(null);
  const [working, setWorking] = useState<Action | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [importedStandard, setImportedStandard] = useState<Standard | null>(null);
  const [watching, setWatching] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const grids = useRef<WorkbookGrids | null>(null);

  useEffect(() => {
    setRollup(null);
    setError(null);
    setNotice(null);
    grids.current = null;
  }, [host]);

  const options = useCallback(
    (signal?: AbortSignal): RefreshOptions => ({
      file: fileName,
      today: today(),
      now: nowSerial(),
      ...(importedStandard ? { standard: importedStandard } : {}),
      signal,
      onProgress: (done, total, what) => setProgress({ done, total, what }),
    }),
    [fileName, importedStandard],
  );

  const run = useCallback(
    async (action: Action) => {
      if (!host || working) return;
      const controller = new AbortController();
      abort.current = controller;
      setWorking(action);
      setError(null);
      setNotice(null);
      setProgress({ done: 0, total: 1, what: "Reading the workbook" });
      try {
        const opts = options(controller.signal);
        const read = await host.readWorkbook(opts);
        grids.current = read;
        const result = analyseGrids(read, opts);
        if (action === "refresh") {
          setProgress({ done: 0, total: 1, what: "Writing the rollup sheets" });
          await host.applyPlan(result.plan, opts);
          setNotice(
            `Rollup refreshed: ${result.input.names.rollup}, ${result.input.names.projects}, ${result.input.names.findings} and ${result.input.names.history} rewritten.`,
          );
        }
        setRollup(result);
      } catch (e) {
        setError(e instanceof HostAbortedError ? e.message : `${(e as Error).message}`);
      } finally {
        setWorking(null);
        setProgress(null);
        abort.current = null;
      }
    },
    [host, working, options],
  );

  // Validate as you edit: re-read only the sheet that changed, then re-run the engine.
  useEffect(() => {
    if (!host || !watching) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = new Set<string>();
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    void host
      .watchChanges((sheet) => {
        changed.add(sheet);
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const names = new Set(changed);
          changed.clear();
          try {
            const opts = options();
            const fresh = await host.readWorkbook({ sheets: (n) => names.has(n) });
            grids.current = grids.current
              ? mergeSheets(grids.current, fresh, names)
              : await host.readWorkbook();
            setRollup(analyseGrids(grids.current, opts));
          } catch (e) {
            setError((e as Error).message);
          }
        }, EDIT_DEBOUNCE_MS);
      })
      .then((s) => {
        if (cancelled) void s();
        else stop = s;
      });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      void stop?.();
    };
  }, [host, watching, options]);

  return {
    host,
    fileName,
    rollup,
    working,
    progress,
    error,
    notice,
    importedStandard,
    watching,
    validate: () => run("validate"),
    refresh: () => run("refresh"),
    cancel: () => abort.current?.abort(),
    setImportedStandard: (s) => {
      setImportedStandard(s);
      setRollup(null);
    },
    setWatching,
    dismiss: () => {
      setError(null);
      setNotice(null);
    },
  };
}
