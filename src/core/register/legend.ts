/**
 * The legend a sheet gives above its header: codes and what they stand for, as a RAID log
 * explains its type letters ("Type: R = Risk, I = Issue, A = Assumption, D = Decision", or "RAID
 * (Risks, Assumptions, Issues, Decisions)") or a tracker its status letters ("C = completed /
 * closed", "H = on hold", a cell each).
 */
import type { SheetGrid } from "../grid";
import { headerCodes } from "./header-hints";

/** code (lower case) -> the words it stands for, the first meaning given winning. */
export function legendAbove(grid: SheetGrid, headerRow: number): ReadonlyMap<string, string> {
  const legend = new Map<string, string>();
  for (let r = 0; r < headerRow; r++)
    for (const cell of grid.rows[r] ?? []) {
      if (typeof cell !== "string") continue;
      const codes = [...(headerCodes(cell) ?? []), ...spelledOut(cell), ...singleCode(cell)];
      for (const [code, word] of codes) if (!legend.has(code)) legend.set(code, word);
    }
  return legend;
}

/** An acronym spelled out in brackets, letter by word: "RAID (Risks, Assumptions, Issues, Decisions)". */
function spelledOut(text: string): [string, string][] {
  const m = /\b([A-Z]{3,6})\s*\(([^()]+)\)/.exec(text);
  if (!m) return [];
  const words = m[2].split(/\s*(?:,|\/|&|\band\b)\s*/i).filter((w) => w !== "");
  const letters = [...m[1]];
  if (words.length !== letters.length || words.some((w, i) => w[0]?.toUpperCase() !== letters[i])) return [];
  return letters.map((letter, i) => [letter.toLowerCase(), words[i]]);
}

/** A cell that is one code and its meaning: "C = completed / closed" is C, Completed. */
function singleCode(text: string): [string, string][] {
  const m = /^\s*([A-Za-z]{1,2})\s*[=:]\s*([A-Za-z][^,;/]*)/.exec(text);
  return m ? [[m[1].toLowerCase(), m[2].trim()]] : [];
}
