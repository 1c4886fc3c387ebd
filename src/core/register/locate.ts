/** Finding a register's sheet among the workbook's sheets, by name or synonym, case-insensitively. */
import type { SheetGrid } from "../grid";
import type { RegisterSpec } from "../standard/schema";
import { matchKey } from "./normalize";

export function locateRegister(sheets: readonly SheetGrid[], spec: RegisterSpec): SheetGrid | undefined {
  const exact = matchKey(spec.sheet);
  const byName = sheets.find((s) => matchKey(s.name) === exact);
  if (byName) return byName;
  const synonyms = spec.synonyms.map(matchKey);
  for (const key of synonyms) {
    const found = sheets.find((s) => matchKey(s.name) === key);
    if (found) return found;
  }
  return undefined;
}
