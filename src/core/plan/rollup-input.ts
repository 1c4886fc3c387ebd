/** Everything the sheet plans are built from: one workbook's analysis, or several consolidated. */
import type { DayNumber } from "../dates";
import type { StandardSource } from "../engine";
import type { RollupFigures } from "../rollup/figures";
import type { HistorySnapshot } from "../rollup/history";
import type { OpenRisk, OwnedRole, RegisterSource } from "../rollup/analyse";
import type { ProjectRollup } from "../rollup/project-rollup";
import type { Standard } from "../standard/schema";
import type { Finding } from "../validate/finding";

export interface SourcedFinding {
  /** The file it was found in, when several workbooks are consolidated; null for the base workbook. */
  readonly file: string | null;
  readonly finding: Finding;
}

export interface RollupInput {
  readonly standard: Standard;
  readonly standardSource: StandardSource;
  readonly asOf: DayNumber;
  readonly asOfSource: string;
  /** When the refresh ran, as an Excel serial (date and time). */
  readonly refreshed: number;
  readonly projects: readonly ProjectRollup[];
  readonly openRisks: readonly OpenRisk[];
  readonly figures: RollupFigures;
  readonly findings: readonly SourcedFinding[];
  readonly sources: readonly { readonly file: string | null; readonly source: RegisterSource }[];
  /** History already in the workbook (the new snapshot is added by the plan). */
  readonly history: readonly HistorySnapshot[];
  /** The sheet name each of our sheets has (or will have) in the workbook. */
  readonly names: Readonly<Record<OwnedRole, string>>;
  /** Files consolidated, the base workbook first; one entry for a single workbook. */
  readonly files: readonly string[];
}
