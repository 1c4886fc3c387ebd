/**
 * Messages between the pane and the engine's worker: plain data only (structured clone), cut in
 * chunks so that no single message takes long to copy on the page's side: grids go in as rows
 * of a few thousand, findings and the sheets' rows come back the same way.
 */
import type { CellValue } from "../../core/grid";
import type { DayNumber } from "../../core/dates";
import type { Standard } from "../../core/standard/schema";
import type { Finding } from "../../core/validate/finding";
import type { SheetWork } from "../../excel/sheet-ops";
import type { PaneRollup } from "./pane-rollup";

export type EngineAction = "validate" | "refresh";

/** What the engine needs besides the workbook (RefreshOptions without the page's callbacks). */
export interface EngineOptions {
  readonly file: string;
  readonly standard?: Standard;
  readonly asOf?: DayNumber;
  readonly today: DayNumber;
  readonly now: number;
}

/** Rows per message: a few MB at most, copied in a few milliseconds. */
export const ROWS_PER_MESSAGE = 5_000;
export const FINDINGS_PER_MESSAGE = 2_000;

export interface SheetHead {
  readonly name: string;
  readonly origin?: { readonly row: number; readonly col: number };
  readonly hidden?: boolean;
  readonly ownedRole?: string;
  readonly rowCount: number;
}

/** Page -> worker. */
export type EngineRequest =
  | {
      readonly id: number;
      readonly type: "grids-begin";
      readonly sheets: readonly SheetHead[];
      readonly date1904: boolean;
      readonly names: Readonly<Record<string, string>>;
    }
  | {
      readonly id: number;
      readonly type: "grid-rows";
      readonly sheet: number;
      readonly start: number;
      readonly rows: CellValue[][];
      readonly formats: ((string | null)[] | undefined)[];
    }
  /** Analyse the grids sent under this id; for a refresh, send back the sheets to write. */
  | {
      readonly id: number;
      readonly type: "analyse-grids";
      readonly action: EngineAction;
      readonly options: EngineOptions;
    }
  /** Read, analyse and (refresh) write an .xlsx file's bytes, all inside the worker. */
  | {
      readonly id: number;
      readonly type: "analyse-file";
      readonly action: EngineAction;
      readonly options: EngineOptions;
      readonly bytes: Uint8Array;
    };

/** A sheet to write into Excel, without its rows (they follow in "work-rows"). */
export type WorkHead = Omit<SheetWork, "values" | "rowBytes">;

/** Worker -> page. */
export type EngineEvent =
  | {
      readonly id: number;
      readonly type: "progress";
      readonly what: string;
      readonly done: number;
      readonly total: number;
    }
  | { readonly id: number; readonly type: "findings"; readonly findings: Finding[] }
  | {
      readonly id: number;
      readonly type: "work";
      readonly index: number;
      readonly head: WorkHead;
      readonly rows: number;
    }
  | {
      readonly id: number;
      readonly type: "work-rows";
      readonly index: number;
      readonly start: number;
      readonly values: SheetWork["values"];
      readonly rowBytes: number[];
    }
  | {
      readonly id: number;
      readonly type: "done";
      readonly rollup: Omit<PaneRollup, "findings">;
      /** The file's new bytes after a refresh (analyse-file). */
      readonly bytes?: Uint8Array;
      /** How many sheets were sent to write (analyse-grids refresh). */
      readonly works?: number;
    }
  | { readonly id: number; readonly type: "error"; readonly message: string };

/** The stages a run reports, in order. */
export const STAGES = {
  read: "Reading the workbook",
  check: "Checking the registers and computing the rollup",
  findings: "Listing the findings",
  build: "Building the rollup sheets",
  write: "Writing the rollup sheets",
} as const;
