/** Helpers for the tabular parts of our sheets: a header row and typed body cells. */
import type { Num } from "../metrics/evm";
import type { Rag } from "../rollup/rag";
import { cell, type PlanCell, type PlanValue } from "./sheet-plan";
import { ragLabel, ragStyleName, type StyleName } from "./styles";

export function headerRow(headers: readonly string[]): PlanCell[] {
  return headers.map((h) => cell(h, "header"));
}

// Plan cells are immutable, so the common constant ones (an empty styled cell, a RAG light) are
// shared rather than built once per row of a long table.
const emptyCells = new Map<StyleName, PlanCell>();
const ragCells = new Map<Rag, PlanCell>();

export function emptyCell(style: StyleName): PlanCell {
  let c = emptyCells.get(style);
  if (!c) emptyCells.set(style, (c = cell(null, style)));
  return c;
}

export function ragCell(rag: Rag | null): PlanCell {
  if (rag === null) return emptyCell("text");
  let c = ragCells.get(rag);
  if (!c) ragCells.set(rag, (c = cell(ragLabel(rag), ragStyleName(rag))));
  return c;
}

/** A number cell, empty (not zero) when there is no value. */
export function numberCell(value: Num, style: StyleName): PlanCell {
  if (value === null || !Number.isFinite(value)) return emptyCell(style);
  return cell(value === 0 ? 0 : value, style); // never -0: it would show as "-0" in some places
}

export function percentCell(points: Num): PlanCell {
  return numberCell(points === null ? null : points / 100, "percent");
}

export function textCell(value: PlanValue, style: StyleName = "text"): PlanCell {
  return value === "" || value === null ? emptyCell(style) : cell(value, style);
}
