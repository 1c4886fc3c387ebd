/**
 * CSV registers as they are exported: UTF-8 (with or without BOM) or Windows-1252, comma,
 * semicolon or tab separated, quoted fields with embedded newlines and doubled quotes. Every
 * record becomes one grid row: none is merged, split or dropped (`records` counts them).
 */
import type { CellValue, SheetGrid } from "./grid";

export interface CsvText {
  readonly text: string;
  readonly encoding: "utf-8" | "windows-1252";
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252, as Excel exports. */
export function decodeCsv(bytes: Uint8Array): CsvText {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}

const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The delimiter that splits the first lines (outside quotes) most consistently. */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = firstRecordsFieldCounts(sample, d, 20);
    if (counts.length === 0) continue;
    const first = counts[0];
    const consistent = counts.filter((c) => c === first).length;
    const score = first > 1 ? consistent * 1000 + first : 0;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function firstRecordsFieldCounts(text: string, delimiter: string, records: number): number[] {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  for (let i = 0; i < text.length && counts.length < records; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) fields++;
    else if (ch === "\n") {
      counts.push(fields);
      fields = 1;
    }
  }
  return counts;
}

export interface ParsedCsv {
  readonly rows: string[][];
  readonly delimiter: Delimiter;
  readonly encoding: CsvText["encoding"];
  /** Records read (a record's quoted newlines do not start a new one). */
  readonly records: number;
}

/** RFC 4180 parsing, tolerant of CR LF, LF and a missing final newline. */
export function parseCsvText(text: string, delimiter: Delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function parseCsv(bytes: Uint8Array): ParsedCsv {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  const rows = parseCsvText(text, delimiter);
  return { rows, delimiter, encoding, records: rows.length };
}

/** A CSV as the grid of a register sheet (cells stay text: the standard's types read them). */
export function csvGrid(name: string, csv: ParsedCsv): SheetGrid {
  return { name, rows: csv.rows.map((r) => r.map((v): CellValue => (v === "" ? null : v))) };
}
