/** Helpers for the tabular parts of our sheets: a header row and typed body cells. */
import type { Num } from "../metrics/evm";
import type { Rag } from "../rollup/rag";
import { cell, type PlanCell, type PlanValue } from "./sheet-plan";
import { ragLabel, ragStyleName, type StyleName } from "./styles";

export function headerRow(headers: readonly string[]): PlanCell[] {
  return headers.map((h) => cell(h, "header"));
}

export function ragCell(rag: Rag | null): PlanCell {
  return rag === null ? cell(null, "text") : cell(ragLabel(rag), ragStyleName(rag));
}

/** A number cell, empty (not zero) when there is no value. */
export function numberCell(value: Num, style: StyleName): PlanCell {
  if (value === null || !Number.isFinite(value)) return cell(null, style);
  return cell(value === 0 ? 0 : value, style); // never -0: it would show as "-0" in some places
}

export function percentCell(points: Num): PlanCell {
  return numberCell(points === null ? null : points / 100, "percent");
}

export function textCell(value: PlanValue, style: StyleName = "text"): PlanCell {
  return cell(value === "" ? null : value, style);
}
