/**
 * Reading the open workbook through Office.js: two syncs for what is there (sheets, names, date
 * system, used ranges), then the cells in row blocks, several small sheets per sync, one sync per
 * block for a large one, each request under the payload limits. Only values, valueTypes and
 * numberFormat are loaded.
 */
import { errorCell, type CellValue, type SheetGrid, type WorkbookGrids } from "../core/grid";
import { ownedSheets } from "../core/plan/sheet-names";
import { throwIfAborted, type ReadOptions } from "../host/workbook-host";
import {
  isPayloadLimitError,
  readCellBudget,
  utf8Length,
  yieldToPage,
  type Block,
  type Extent,
} from "./blocks";

/** Bytes one cell is assumed to cost in a read response until one has been measured. */
const FIRST_GUESS_BYTES_PER_CELL = 20;
/**
 * Number formats are read for the first rows of each sheet only: they tell a percent column
 * (0%) from a plain one, and a column keeps its format down the rows. The engine decides a
 * column's scale from its values where no format was read (core/register/read-register.ts).
 */
export const FORMAT_SAMPLE_ROWS = 200;

function toCell(value: unknown, type: string): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return errorCell(String(value));
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    case "Boolean":
      return Boolean(value);
    default:
      return value === "" || value === null || value === undefined ? null : String(value);
  }
}

interface SheetMeta {
  readonly name: string;
  readonly hidden: boolean;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rows: number;
  readonly cols: number;
}

export async function readExcelWorkbook(
  excel: typeof Excel,
  options: ReadOptions = {},
): Promise<WorkbookGrids> {
  return excel.run({ delayForCellEdit: true }, async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    const names = context.workbook.names;
    names.load("items/name,items/formula");
    // DATE(1904,1,1) is 0 in the 1904 date system and 1462 in the 1900 one.
    const epoch = context.workbook.functions.date(1904, 1, 1);
    epoch.load("value");
    await context.sync();

    const used = worksheets.items.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("rowIndex,columnIndex,rowCount,columnCount"); // isNullObject comes with any load
      return { ws, range };
    });
    await context.sync();

    const metas: SheetMeta[] = used.map(({ ws, range }) => ({
      name: ws.name,
      hidden: ws.visibility !== "Visible",
      rowIndex: range.isNullObject ? 0 : range.rowIndex,
      columnIndex: range.isNullObject ? 0 : range.columnIndex,
      rows: range.isNullObject ? 0 : range.rowCount,
      cols: range.isNullObject ? 0 : range.columnCount,
    }));
    const wanted = (m: SheetMeta) => !options.sheets || options.sheets(m.name);
    const extents: Extent[] = metas.map((m, sheet) => ({
      sheet,
      rows: wanted(m) ? m.rows : 0,
      cols: m.cols,
    }));
    const grids = metas.map(() => ({ rows: [] as CellValue[][], formats: [] as (string | null)[][] }));

    let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
    const next = extents.map(() => 0); // next row to read, per sheet
    const total = extents.reduce((sum, e) => sum + e.rows * e.cols, 0);
    let done = 0;
    for (;;) {
      throwIfAborted(options.signal);
      const group = fillRequest(extents, next, readCellBudget(bytesPerCell));
      if (group.length === 0) break;
      const ranges = group.map((b) => {
        const m = metas[b.sheet];
        const ws = used[b.sheet].ws;
        const range = ws.getRangeByIndexes(m.rowIndex + b.rowStart, m.columnIndex, b.rowCount, b.cols);
        range.load("values,valueTypes");
        const sampleRows = Math.min(b.rowCount, FORMAT_SAMPLE_ROWS - b.rowStart);
        const formats =
          sampleRows > 0
            ? ws.getRangeByIndexes(m.rowIndex + b.rowStart, m.columnIndex, sampleRows, b.cols)
            : null;
        formats?.load("numberFormat");
        return { block: b, range, formats };
      });
      try {
        // One sync per request-sized group of rows is the point of blocking: never one per row.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        if (!isPayloadLimitError(e) || bytesPerCell > 1e6) throw e;
        bytesPerCell *= 2; // half the cells per request, and try again
        continue;
      }
      if (ranges.some((r) => r.range.values === null || r.range.valueTypes === null)) {
        // Excel on the web answers null for a read past 5,000,000 cells: read in halves.
        bytesPerCell *= 2;
        continue;
      }
      let bytes = 0;
      let cells = 0;
      for (const { block, range, formats: formatRange } of ranges) {
        const values = range.values;
        const types = range.valueTypes;
        const formats = formatRange ? formatRange.numberFormat : null;
        bytes +=
          utf8Length(JSON.stringify(values)) +
          utf8Length(JSON.stringify(types)) +
          (formats ? utf8Length(JSON.stringify(formats)) : 0);
        cells += block.rowCount * block.cols;
        const grid = grids[block.sheet];
        for (let r = 0; r < block.rowCount; r++) {
          const row: CellValue[] = [];
          const fmt: (string | null)[] = [];
          for (let c = 0; c < block.cols; c++) {
            row.push(toCell(values[r][c], types[r][c]));
            const f = formats?.[r]?.[c];
            fmt.push(typeof f === "string" && f !== "General" ? f : null);
          }
          while (row.length > 0 && row[row.length - 1] === null) row.pop();
          grid.rows[block.rowStart + r] = row;
          if (formats) grid.formats[block.rowStart + r] = fmt;
        }
        next[block.sheet] = block.rowStart + block.rowCount;
      }
      if (cells > 0) bytesPerCell = Math.max(8, (bytes / cells) * 1.05);
      done += cells;
      options.onProgress?.(done, total, "Reading the workbook");
      await yieldToPage(); // turning a block into grids is work on the page's thread: let it breathe
    }

    const owned = ownedSheets(names.items.map((n) => [n.name, String(n.formula).replace(/^=/, "")] as const));
    const sheets: SheetGrid[] = metas.map((m, i) => {
      const role = owned.get(m.name);
      return {
        name: m.name,
        rows: grids[i].rows,
        formats: grids[i].formats,
        origin: { row: m.rowIndex, col: m.columnIndex },
        hidden: m.hidden,
        ...(role ? { ownedRole: role } : {}),
      };
    });
    const workbookNames: Record<string, string> = {};
    for (const n of names.items) workbookNames[n.name] = String(n.formula).replace(/^=/, "");
    return { sheets, date1904: epoch.value === 0, names: workbookNames };
  });
}

/**
 * The next request's blocks: rows from each sheet in turn, filling up to `maxCells`, so small
 * sheets share a request and a large one fills as many as it needs.
 */
export function fillRequest(extents: readonly Extent[], next: readonly number[], maxCells: number): Block[] {
  const group: Block[] = [];
  let room = maxCells;
  for (const e of extents) {
    const left = e.rows - (next[e.sheet] ?? 0);
    if (left <= 0 || e.cols <= 0) continue;
    const rows = Math.min(left, Math.floor(room / e.cols));
    if (rows <= 0) {
      if (group.length === 0)
        group.push({ sheet: e.sheet, rowStart: next[e.sheet] ?? 0, rowCount: 1, cols: e.cols });
      break;
    }
    group.push({ sheet: e.sheet, rowStart: next[e.sheet] ?? 0, rowCount: rows, cols: e.cols });
    room -= rows * e.cols;
    if (room <= 0) break;
  }
  return group;
}
