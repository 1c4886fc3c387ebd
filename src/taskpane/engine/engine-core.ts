/**
 * The engine's side of the protocol: the same code in the worker (engine.worker.ts) and, where
 * there is no worker (tests, very old webviews), on the page. It holds the grids sent to it,
 * runs the engine, and posts back plain data in chunks.
 */
import type { CellValue, SheetGrid, WorkbookGrids } from "../../core/grid";
import type { WorkbookPlan } from "../../core/plan/sheet-plan";
import { prepareSheet } from "../../excel/sheet-ops";
import { analyseGrids } from "../../host/refresh";
import { FileWorkbookHost } from "../../xlsx/file-host";
import { paneRollupOf } from "./pane-rollup";
import {
  FINDINGS_PER_MESSAGE,
  ROWS_PER_MESSAGE,
  STAGES,
  type EngineEvent,
  type EngineRequest,
  type SheetHead,
} from "./protocol";

type Post = (event: EngineEvent, transfer?: Transferable[]) => void;

interface Pending {
  heads: readonly SheetHead[];
  date1904: boolean;
  names: Readonly<Record<string, string>>;
  rows: CellValue[][][];
  formats: ((string | null)[] | undefined)[][];
}

export class EngineCore {
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly post: Post) {}

  async handle(request: EngineRequest): Promise<void> {
    try {
      await this.dispatch(request);
    } catch (e) {
      this.pending.delete(request.id);
      this.post({ id: request.id, type: "error", message: (e as Error).message });
    }
  }

  private async dispatch(request: EngineRequest): Promise<void> {
    const { id } = request;
    switch (request.type) {
      case "grids-begin":
        this.pending.set(id, {
          heads: request.sheets,
          date1904: request.date1904,
          names: request.names,
          rows: request.sheets.map((h) => new Array<CellValue[]>(h.rowCount)),
          formats: request.sheets.map(() => []),
        });
        return;
      case "grid-rows": {
        const p = this.pending.get(id);
        if (!p) throw new Error("The workbook's rows arrived for a run that is not open.");
        const rows = p.rows[request.sheet];
        request.rows.forEach((row, i) => (rows[request.start + i] = row));
        request.formats.forEach((f, i) => {
          if (f) p.formats[request.sheet][request.start + i] = f;
        });
        return;
      }
      case "analyse-grids": {
        const p = this.pending.get(id);
        this.pending.delete(id);
        if (!p) throw new Error("Analyse was asked for a workbook that was never sent.");
        const grids: WorkbookGrids = {
          date1904: p.date1904,
          names: p.names,
          sheets: p.heads.map((h, i): SheetGrid => ({
            name: h.name,
            rows: p.rows[i],
            formats: p.formats[i],
            ...(h.origin ? { origin: h.origin } : {}),
            ...(h.hidden ? { hidden: h.hidden } : {}),
            ...(h.ownedRole ? { ownedRole: h.ownedRole as SheetGrid["ownedRole"] } : {}),
          })),
        };
        const rollup = this.analyse(id, grids, request.options);
        let works: number | undefined;
        if (request.action === "refresh") {
          this.progress(id, STAGES.build);
          works = this.postWorks(id, rollup.plan);
        }
        this.post({ id, type: "done", rollup: paneRollupOf(rollup), works });
        return;
      }
      case "analyse-file": {
        // The file lives here for the run: read, analysed and (refresh) written off the page.
        const host = new FileWorkbookHost(request.options.file, request.bytes);
        this.progress(id, STAGES.read);
        const rollup = this.analyse(id, await host.readWorkbook(), request.options);
        if (request.action !== "refresh")
          return this.post({ id, type: "done", rollup: paneRollupOf(rollup) });
        this.progress(id, STAGES.write);
        await host.applyPlan(rollup.plan);
        const bytes = host.bytes;
        this.post({ id, type: "done", rollup: paneRollupOf(rollup), bytes }, [bytes.buffer as ArrayBuffer]);
      }
    }
  }

  private progress(id: number, what: string, done = 0, total = 1): void {
    this.post({ id, type: "progress", what, done, total });
  }

  private analyse(id: number, grids: WorkbookGrids, options: Parameters<typeof analyseGrids>[1]) {
    this.progress(id, STAGES.check);
    const rollup = analyseGrids(grids, options);
    this.progress(id, STAGES.findings);
    const findings = rollup.input.findings;
    for (let i = 0; i < findings.length; i += FINDINGS_PER_MESSAGE)
      this.post({
        id,
        type: "findings",
        findings: findings.slice(i, i + FINDINGS_PER_MESSAGE).map((f) => f.finding),
      });
    return rollup;
  }

  /** The sheets to write into Excel, prepared here (values, style runs, rules), rows in chunks. */
  private postWorks(id: number, plan: WorkbookPlan): number {
    plan.sheets.forEach((sheet, index) => {
      const { values, rowBytes, ...head } = prepareSheet(sheet);
      // The plan's rows are built lazily (functions): they stay here, the values carry them.
      this.post({
        id,
        type: "work",
        index,
        head: { ...head, plan: { ...head.plan, rows: [] } },
        rows: values.length,
      });
      for (let start = 0; start < values.length; start += ROWS_PER_MESSAGE)
        this.post({
          id,
          type: "work-rows",
          index,
          start,
          values: values.slice(start, start + ROWS_PER_MESSAGE),
          rowBytes: rowBytes.slice(start, start + ROWS_PER_MESSAGE),
        });
    });
    return plan.sheets.length;
  }
}
