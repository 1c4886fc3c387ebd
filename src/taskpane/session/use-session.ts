/**
 * The pane's state: which workbook host, the last analysis, progress with cancel, failures.
 * Validate reads and analyses (it writes nothing); Refresh rollup also writes the PMO sheets.
 *
 * The engine runs in a Web Worker (../engine): an .xlsx in the browser goes to it whole (read,
 * analysed and written there); in Excel the page reads through Office.js, in blocks that yield
 * between syncs, hands the grids over in chunks, and writes the sheets the worker prepared. The
 * page only ever holds the pane's view of the result (PaneRollup), never the engine's.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { WorkbookGrids } from "../../core/grid";
import type { Standard } from "../../core/standard/schema";
import type { SheetWork } from "../../excel/sheet-ops";
import { nowSerial, today } from "../../host/clock";
import { analyseGrids, mergeSheets } from "../../host/refresh";
import { HostAbortedError, type HostOptions, type WorkbookHost } from "../../host/workbook-host";
import { inlineEngine, type Engine } from "../engine/engine-client";
import type { PaneRollup } from "../engine/pane-rollup";
import type { EngineOptions } from "../engine/protocol";

/** A host whose workbook is bytes the engine's worker can take whole (the .xlsx host). */
interface BytesHost extends WorkbookHost {
  readonly bytes: Uint8Array;
  adopt(bytes: Uint8Array): void;
}
const isBytesHost = (h: WorkbookHost): h is BytesHost =>
  (h as Partial<BytesHost>).bytes instanceof Uint8Array &&
  typeof (h as Partial<BytesHost>).adopt === "function";

/** A host that writes sheets the worker prepared (the Excel host). */
interface PreparedHost extends WorkbookHost {
  applyPrepared(works: readonly SheetWork[], options?: HostOptions): Promise<void>;
}
const isPreparedHost = (h: WorkbookHost): h is PreparedHost =>
  typeof (h as Partial<PreparedHost>).applyPrepared === "function";

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly what: string;
}

export type Action = "validate" | "refresh";

export interface Session {
  readonly host: WorkbookHost | null;
  readonly fileName: string;
  readonly rollup: PaneRollup | null;
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

export function useSession(host: WorkbookHost | null, fileName: string, engineIn?: Engine): Session {
  const engine = useMemo(() => engineIn ?? inlineEngine(), [engineIn]);
  useEffect(() => () => engine.dispose(), [engine]);
  const [rollup, setRollup] = useState<PaneRollup | null>(null);
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
    (): EngineOptions => ({
      file: fileName,
      today: today(),
      now: nowSerial(),
      ...(importedStandard ? { standard: importedStandard } : {}),
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
      const hooks: HostOptions = {
        signal: controller.signal,
        onProgress: (done, total, what) => setProgress({ done, total, what }),
      };
      try {
        const opts = options();
        let result: PaneRollup;
        if (isBytesHost(host)) {
          // The file goes to the worker whole; its new bytes are taken only when all went well.
          const out = await engine.analyseFile(host.bytes, action, opts, hooks);
          if (out.bytes) host.adopt(out.bytes);
          result = out.rollup;
        } else {
          const read = await host.readWorkbook(hooks);
          grids.current = read;
          const out = await engine.analyseGrids(read, action, opts, hooks);
          result = out.rollup;
          if (action === "refresh") {
            if (out.works && isPreparedHost(host)) await host.applyPrepared(out.works, hooks);
            else await host.applyPlan(analyseGrids(read, opts).plan, hooks); // a host of another kind
          }
        }
        if (action === "refresh")
          setNotice(
            `Rollup refreshed: ${result.names.rollup}, ${result.names.projects}, ${result.names.findings} and ${result.names.history} rewritten.`,
          );
        setRollup(result);
      } catch (e) {
        setError(e instanceof HostAbortedError ? e.message : `${(e as Error).message}`);
      } finally {
        setWorking(null);
        setProgress(null);
        abort.current = null;
      }
    },
    [host, working, options, engine],
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
            const fresh = await host.readWorkbook({ sheets: (n) => names.has(n) });
            grids.current = grids.current
              ? mergeSheets(grids.current, fresh, names)
              : await host.readWorkbook();
            setRollup((await engine.analyseGrids(grids.current, "validate", options())).rollup);
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
  }, [host, watching, options, engine]);

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
