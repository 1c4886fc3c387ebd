/**
 * The page's side of the engine: runs go to a Web Worker (engine.worker.ts) and come back as
 * plain data, in chunks. Cancelling ends the worker at once (whatever it was doing) and starts a
 * fresh one for the next run; a cancelled or failed run hands back nothing, so nothing is written.
 *
 * The API other features build on:
 * - `analyseGrids(grids, action, options, hooks)`: grids the page read (Excel); returns the
 *   pane's view and, for "refresh", the sheets to write, prepared (`SheetWork[]`).
 * - `analyseFile(bytes, action, options, hooks)`: an .xlsx; the worker reads it, and for
 *   "refresh" writes our sheets into it and returns the new bytes.
 */
import type { WorkbookGrids } from "../../core/grid";
import type { SheetWork } from "../../excel/sheet-ops";
import { yieldToPage } from "../../excel/blocks";
import { HostAbortedError, type Progress } from "../../host/workbook-host";
import type { PaneRollup } from "./pane-rollup";
import {
  ROWS_PER_MESSAGE,
  STAGES,
  type EngineAction,
  type EngineEvent,
  type EngineOptions,
  type EngineRequest,
  type WorkHead,
} from "./protocol";

export interface RunHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: Progress;
}

export interface Engine {
  analyseGrids(
    grids: WorkbookGrids,
    action: EngineAction,
    options: EngineOptions,
    hooks?: RunHooks,
  ): Promise<{ rollup: PaneRollup; works: SheetWork[] | null }>;
  analyseFile(
    bytes: Uint8Array,
    action: EngineAction,
    options: EngineOptions,
    hooks?: RunHooks,
  ): Promise<{ rollup: PaneRollup; bytes: Uint8Array | null }>;
  dispose(): void;
}

/** Where requests go: a worker, or the engine on the page. */
export interface EnginePort {
  post(request: EngineRequest, transfer?: Transferable[]): void;
  terminate(): void;
}
export type Connect = (onEvent: (event: EngineEvent) => void) => EnginePort;
/** The id of an error that is the worker's own, not one run's. */
export const WORKER_FAILED = -1;

interface Run {
  readonly resolve: (done: Extract<EngineEvent, { type: "done" }>) => void;
  readonly reject: (e: Error) => void;
  readonly onProgress?: Progress;
  readonly findings: PaneRollup["findings"][number][];
  readonly heads: WorkHead[];
  readonly values: SheetWork["values"][];
  readonly rowBytes: number[][];
}

export class EngineClient implements Engine {
  private port: EnginePort | null = null;
  private readonly runs = new Map<number, Run>();
  private nextId = 1;

  constructor(private readonly connect: Connect) {}

  private open(): EnginePort {
    this.port ??= this.connect((event) => this.receive(event));
    return this.port;
  }

  private receive(event: EngineEvent): void {
    if (event.id === WORKER_FAILED && event.type === "error") {
      // The worker itself failed (it could not load, or ran out of memory): every run ends.
      this.port?.terminate();
      this.port = null;
      const runs = [...this.runs.values()];
      this.runs.clear();
      for (const run of runs) run.reject(new Error(`The engine stopped: ${event.message}`));
      return;
    }
    const run = this.runs.get(event.id);
    if (!run) return; // a run cancelled meanwhile
    switch (event.type) {
      case "progress":
        return run.onProgress?.(event.done, event.total, event.what);
      case "findings":
        for (const f of event.findings) run.findings.push(f);
        return;
      case "work":
        run.heads[event.index] = event.head;
        run.values[event.index] = new Array(event.rows);
        run.rowBytes[event.index] = new Array<number>(event.rows);
        return;
      case "work-rows":
        event.values.forEach((v, i) => (run.values[event.index][event.start + i] = v));
        event.rowBytes.forEach((b, i) => (run.rowBytes[event.index][event.start + i] = b));
        return;
      case "done":
        this.runs.delete(event.id);
        return run.resolve(event);
      case "error":
        this.runs.delete(event.id);
        return run.reject(new Error(event.message));
    }
  }

  /** Stop every run: the worker is ended at once, a new one starts with the next run. */
  private stopAll(): void {
    this.port?.terminate();
    this.port = null;
    const runs = [...this.runs.values()];
    this.runs.clear();
    for (const run of runs) run.reject(new HostAbortedError());
  }

  private start(hooks: RunHooks) {
    if (hooks.signal?.aborted) throw new HostAbortedError();
    const id = this.nextId++;
    let run!: Run;
    const done = new Promise<Extract<EngineEvent, { type: "done" }>>((resolve, reject) => {
      run = {
        resolve,
        reject,
        onProgress: hooks.onProgress,
        findings: [],
        heads: [],
        values: [],
        rowBytes: [],
      };
    });
    done.catch(() => undefined); // awaited later; a cancel while the rows still go in is not "unhandled"
    this.runs.set(id, run);
    hooks.signal?.addEventListener("abort", () => this.stopAll(), { once: true });
    return { id, run, done, port: this.open() };
  }

  async analyseGrids(
    grids: WorkbookGrids,
    action: EngineAction,
    options: EngineOptions,
    hooks: RunHooks = {},
  ): Promise<{ rollup: PaneRollup; works: SheetWork[] | null }> {
    const { id, run, done, port } = this.start(hooks);
    port.post({
      id,
      type: "grids-begin",
      date1904: grids.date1904,
      names: grids.names ?? {},
      sheets: grids.sheets.map((s) => ({
        name: s.name,
        origin: s.origin,
        hidden: s.hidden,
        ownedRole: s.ownedRole,
        rowCount: s.rows.length,
      })),
    });
    // The rows go in chunks, a task each: copying a 100,000-row sheet at once would freeze the page.
    const total = grids.sheets.reduce((n, s) => n + s.rows.length, 0);
    let sent = 0;
    for (const [sheet, s] of grids.sheets.entries())
      for (let start = 0; start < s.rows.length; start += ROWS_PER_MESSAGE) {
        if (!this.runs.has(id)) return done.then(() => never()); // cancelled: `done` rejects
        const rows = s.rows.slice(start, start + ROWS_PER_MESSAGE) as EngineRequestRows;
        const formats = (s.formats ?? []).slice(start, start + ROWS_PER_MESSAGE) as EngineRequestFormats;
        this.port?.post({ id, type: "grid-rows", sheet, start, rows, formats });
        sent += rows.length;
        hooks.onProgress?.(sent, total, "Handing the workbook to the engine");
        await yieldToPage(); // let the page paint between two messages
      }
    if (!this.runs.has(id)) return done.then(() => never());
    this.port?.post({ id, type: "analyse-grids", action, options });
    const result = await done;
    const works =
      result.works === undefined
        ? null
        : run.heads.map((head, i): SheetWork => ({
            ...head,
            values: run.values[i],
            rowBytes: run.rowBytes[i],
          }));
    return { rollup: { ...result.rollup, findings: run.findings }, works };
  }

  async analyseFile(
    bytes: Uint8Array,
    action: EngineAction,
    options: EngineOptions,
    hooks: RunHooks = {},
  ): Promise<{ rollup: PaneRollup; bytes: Uint8Array | null }> {
    const { id, run, done, port } = this.start(hooks);
    hooks.onProgress?.(0, 1, STAGES.read);
    const copy = bytes.slice(); // the page keeps its bytes: a cancelled run changes nothing
    port.post({ id, type: "analyse-file", action, options, bytes: copy }, [copy.buffer]);
    const result = await done;
    return { rollup: { ...result.rollup, findings: run.findings }, bytes: result.bytes ?? null };
  }

  dispose(): void {
    this.stopAll();
  }
}

type EngineRequestRows = Extract<EngineRequest, { type: "grid-rows" }>["rows"];
type EngineRequestFormats = Extract<EngineRequest, { type: "grid-rows" }>["formats"];

function never(): never {
  throw new HostAbortedError();
}

/**
 * The engine on the page, for where there is no Web Worker (the tests' DOM): the same protocol,
 * each message handled in a microtask of its own. It cannot be interrupted mid-step, but a cancelled
 * run's result is dropped all the same.
 */
export function inlineEngine(): Engine {
  return new EngineClient((onEvent) => {
    let alive = true;
    const later = (f: () => void) => void Promise.resolve().then(f);
    // Loaded on first use: the page's own bundle stays without the engine's file reader and writer.
    const core = import(/* webpackChunkName: "engine-inline" */ "./engine-core").then(
      ({ EngineCore }) => new EngineCore((event) => later(() => alive && onEvent(event))),
    );
    return {
      post: (request) => void core.then((c) => (alive ? c.handle(request) : undefined)),
      terminate: () => (alive = false),
    };
  });
}
