/**
 * A strict in-memory fake of the parts of the Excel JavaScript API that src/excel uses.
 *
 * Strict like Excel: a property read before load() + sync() throws PropertyNotLoaded; every
 * sync() is counted; each request's and response's bytes are measured and one over 5 MB is
 * rejected as Excel on the web does; a values read over 5,000,000 cells comes back null;
 * strings that look like formulas or numbers are interpreted as Excel interprets them (so a host
 * that forgets to protect text is caught); an apostrophe keeps text as text.
 */
import { a1, columnIndex } from "../../src/core/a1";
import { FakeChartCollection, type FakeChartState } from "./fake-charts";

export type FakeValueType = "String" | "Double" | "Boolean" | "Error" | "Empty";

export interface FakeCell {
  value: string | number | boolean;
  type: FakeValueType;
  formula?: string;
  /** For a HYPERLINK("#...") formula: where it points. */
  link?: string;
}

export interface FakeConditionalFormat {
  range: string;
  formula1: string;
  operator: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export class FakeSheet {
  /** Cells by row then column (arrays: a million-row sheet must stay fast). */
  rows: (FakeCell | undefined)[][] = [];
  formatRows: (string | undefined)[][] = [];
  /** Formatting as applied: one entry per range and property (per-cell maps would be too slow). */
  styleOps: { r: number; c: number; rows: number; cols: number; key: string; value: unknown }[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  merges: string[] = [];
  hyperlinks = new Map<string, { documentReference?: string; address?: string; textToDisplay?: string }>();
  columnWidths = new Map<number, number>();
  tabColor = "";
  freeze: { rows: number; cols: number } | null = null;
  autoFilter: string | null = null;
  orientation = "Portrait";
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Data validation as applied (ExcelApi 1.8): one entry per range and property set. */
  validations: { address: string; key: "rule" | "prompt" | "errorAlert"; value: unknown }[] = [];
  tables: { name: string; address: string; hasHeaders: boolean; style: string }[] = [];
  charts: FakeChartState[] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  key(r: number, c: number): string {
    return `${r},${c}`;
  }

  put(r: number, c: number, cell: FakeCell | null): void {
    if (cell === null) {
      if (this.rows[r]) this.rows[r][c] = undefined;
      return;
    }
    (this.rows[r] ??= [])[c] = cell;
  }

  /** Put a value as a user (or a test) would: no interpretation. */
  set(r: number, c: number, value: string | number | boolean | null, format?: string): void {
    this.put(
      r,
      c,
      value === null || value === ""
        ? null
        : {
            value,
            type: typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String",
          },
    );
    if (format) this.setFormat(r, c, format);
  }

  setFormat(r: number, c: number, format: string): void {
    (this.formatRows[r] ??= [])[c] = format;
  }

  format(r: number, c: number): string | undefined {
    return this.formatRows[r]?.[c];
  }

  setError(r: number, c: number, code: string): void {
    this.put(r, c, { value: code, type: "Error" });
  }

  get(r: number, c: number): FakeCell | undefined {
    return this.rows[r]?.[c];
  }

  *allCells(): Iterable<FakeCell> {
    for (const row of this.rows) if (row) for (const cell of row) if (cell) yield cell;
  }

  used(): { r: number; c: number; rows: number; cols: number } | null {
    let r0 = -1;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      let any = false;
      for (let c = 0; c < row.length; c++) {
        if (!row[c]) continue;
        any = true;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
      if (any) {
        if (r0 < 0) r0 = r;
        r1 = r;
      }
    }
    return r0 < 0 ? null : { r: r0, c: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** The grid of values from A1 to the last used cell, as a test reads it back. */
  grid(): (string | number | boolean | null)[][] {
    const u = this.used();
    if (!u) return [];
    const out: (string | number | boolean | null)[][] = [];
    for (let r = 0; r < u.r + u.rows; r++) {
      const row: (string | number | boolean | null)[] = [];
      for (let c = 0; c < u.c + u.cols; c++) row.push(this.get(r, c)?.value ?? null);
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      out.push(row);
    }
    return out;
  }
}

export interface FakeName {
  /** A reference to a cell of a sheet follows the sheet's renames, as in Excel. */
  sheet: FakeSheet | null;
  cell: string;
  constant?: string;
  visible: boolean;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names = new Map<string, FakeName>();
  date1904 = false;
  private nextId = 1;
  protectedStructure = false;

  addSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw richError("ItemAlreadyExists", `A sheet named ${name} exists`);
    const sheet = new FakeSheet(`{sheet-${this.nextId++}}`, name);
    this.sheets.push(sheet);
    return sheet;
  }

  formulaOf(n: FakeName): string {
    if (n.constant !== undefined) return n.constant;
    if (!n.sheet || !this.sheets.includes(n.sheet)) return "=#REF!";
    return `='${n.sheet.name.replace(/'/g, "''")}'!${n.cell}`;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
}

export class FakeRichApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

function richError(code: string, message: string): FakeRichApiError {
  return new FakeRichApiError(code, message);
}

export const LIMITS = { requestBytes: 5 * 1024 * 1024, responseBytes: 5 * 1024 * 1024, cells: 5_000_000 };

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
  suspendedCalculation: number;
  suspendedScreen: number;
  /** Application.calculate calls in this sync. */
  calculations: number;
  /** Labelled actions applied, in order (the last one is the one that failed, when one did). */
  actions: string[];
}

interface Op {
  bytes: number;
  apply(record: SyncRecord): number | void;
  /** What the action is ("sheet.name", "sheet.delete", "names.add", "freezePanes"...), for fault injection. */
  label?: string;
}

/** A value's size in a request as Excel counts it: the UTF-8 bytes of its JSON (non-Latin text is 2-3 bytes a character). */
const bytesOf = (v: unknown) => Buffer.byteLength(JSON.stringify(v ?? null), "utf8");

/** How Excel interprets a string written to a cell through Range.values. */
function interpret(value: unknown): FakeCell | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return { value, type: "Double" };
  if (typeof value === "boolean") return { value, type: "Boolean" };
  const text = String(value);
  if (text.startsWith("'")) return { value: text.slice(1), type: "String" };
  const link = /^=HYPERLINK\("#((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(text);
  if (link)
    return {
      value: link[2].replace(/""/g, '"'),
      type: "String",
      formula: text,
      link: link[1].replace(/""/g, '"'),
    };
  if (/^[=+@]/.test(text) || (text.startsWith("-") && !/^-\d/.test(text)))
    return { value: "#NAME?", type: "Error", formula: text };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(text.trim()))
    return { value: Number(text.replace("%", "")), type: "Double" };
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text.trim()) || /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(text.trim()))
    return { value: 45000, type: "Double" };
  if (/^(true|false)$/i.test(text)) return { value: /^true$/i.test(text), type: "Boolean" };
  return { value: text, type: "String" };
}

export class FakeContext {
  private queue: Op[] = [];
  /** Objects created by this batch: a failed sync makes them unusable, as in Excel. */
  private createdInBatch: (() => void)[] = [];
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;

  constructor(
    readonly excel: FakeExcel,
    readonly options: { delayForCellEdit?: boolean } = {},
  ) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this);
  }

  enqueue(bytes: number, apply: (record: SyncRecord) => number | void, label?: string): void {
    // Office.js sends each action with its object path and ids: about 100 bytes before arguments.
    this.queue.push({ bytes: bytes + 100, apply, label });
  }

  /** Register an object created by the current batch; `invalidate` runs if the batch's sync fails. */
  created(invalidate: () => void): void {
    this.createdInBatch.push(invalidate);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const created = this.createdInBatch;
    this.queue = [];
    this.createdInBatch = [];
    try {
      await this.send(ops);
    } catch (e) {
      // Excel keeps the actions before the failing one, but the objects this batch created are
      // unusable afterwards (their paths were never confirmed): a retry must get them anew.
      for (const invalidate of created) invalidate();
      throw e;
    }
  }

  private async send(ops: Op[]): Promise<void> {
    const excel = this.excel;
    excel.syncs++;
    const record: SyncRecord = {
      requestBytes: ops.reduce((s, o) => s + o.bytes, 0),
      responseBytes: 0,
      ops: ops.length,
      suspendedCalculation: 0,
      suspendedScreen: 0,
      calculations: 0,
      actions: [],
    };
    excel.records.push(record);
    const injected = excel.failNextSync?.(excel.syncs, record);
    if (injected) {
      excel.failNextSync = null; // one failure, then Excel behaves again
      if (injected === "RequestPayloadSizeLimitExceeded")
        throw richError(injected, "The request payload size has exceeded the limit (injected)");
      throw richError("GeneralException", "Injected failure");
    }
    if (record.requestBytes > LIMITS.requestBytes)
      throw richError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${record.requestBytes} bytes)`,
      );
    // Excel applies a batch in order; responses are gathered as it goes.
    const loads: (() => void)[] = [];
    for (const op of ops) {
      if (op.label) {
        record.actions.push(op.label);
        if (excel.failAction?.(op.label)) {
          excel.failAction = null;
          throw richError("GeneralException", `Injected failure at ${op.label}`);
        }
      }
      const size = op.apply(record);
      if (typeof size === "number") record.responseBytes += size;
    }
    if (record.responseBytes > LIMITS.responseBytes)
      throw richError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${record.responseBytes} bytes)`,
      );
    for (const l of loads) l();
  }

  /** Throws unless the property was loaded and synced. */
  static notLoaded(prop: string): never {
    throw richError(
      "PropertyNotLoaded",
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
  }
}

abstract class ClientObject {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) FakeContext.notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  protected abstract snapshot(prop: string): unknown;

  /** True for objects from a ...OrNullObject call. */
  protected nullable(): boolean {
    return false;
  }

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    if (list.length === 0)
      throw new Error("fake: load() with no properties (a navigational load); name the properties");
    this.ctx.enqueue(bytesOf(list), () => {
      let size = 0;
      // Like Office.js, any load of an ...OrNullObject makes isNullObject readable.
      if (this.nullable()) {
        this.loaded.set("isNullObject", this.snapshot("isNullObject"));
        if (this.loaded.get("isNullObject")) return 4;
      }
      for (const p of list) {
        const v = this.snapshot(p);
        this.loaded.set(p, v);
        size += bytesOf(v) + p.length;
      }
      return size;
    });
    return this;
  }
}

class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(10, (r) => void r.suspendedCalculation++);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue(10, (r) => void r.suspendedScreen++);
  }
  calculate(_type: string): void {
    this.ctx.enqueue(20, (r) => void r.calculations++, "calculate");
  }
}

class FakeFunctionResult extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly compute: () => number,
  ) {
    super(ctx);
  }
  protected snapshot(prop: string): unknown {
    if (prop !== "value") throw new Error(`fake: FunctionResult.${prop}`);
    return this.compute();
  }
  get value(): number {
    return this.read("value");
  }
}

class FakeWorkbookNamedItem extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected snapshot(prop: string): unknown {
    const n = this.ctx.excel.workbook.names.get(this.key);
    if (!n) throw richError("ItemNotFound", `No name ${this.key}`);
    if (prop === "name") return this.key;
    if (prop === "formula") return this.ctx.excel.workbook.formulaOf(n);
    if (prop === "visible") return n.visible;
    throw new Error(`fake: NamedItem.${prop}`);
  }
  preload(prop: string): void {
    this.loaded.set(prop, this.snapshot(prop));
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  set visible(v: boolean) {
    this.ctx.enqueue(10, () => {
      const n = this.ctx.excel.workbook.names.get(this.key);
      if (!n) throw richError("ItemNotFound", `No name ${this.key}`);
      n.visible = v;
    });
  }
  delete(): void {
    this.ctx.enqueue(
      20,
      () => {
        if (!this.ctx.excel.workbook.names.delete(this.key))
          throw richError("ItemNotFound", `No name ${this.key}`);
      },
      "names.delete",
    );
  }
}

class FakeWorkbookNames extends ClientObject {
  private itemsValue: FakeWorkbookNamedItem[] | null = null;
  protected snapshot(prop: string): unknown {
    const fields = prop
      .replace(/^items\/?/, "")
      .split("/")
      .filter(Boolean);
    const wb = this.ctx.excel.workbook;
    this.itemsValue = [...wb.names.keys()].map((k) => {
      const item = new FakeWorkbookNamedItem(this.ctx, k);
      for (const f of fields) item.preload(f);
      return item;
    });
    return [...wb.names.entries()].map(([k, n]) => [k, wb.formulaOf(n)]);
  }
  override load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim());
    return super.load(`items/${list.map((p) => p.replace(/^items\//, "")).join("/")}`);
  }
  get items(): FakeWorkbookNamedItem[] {
    if (this.itemsValue === null) FakeContext.notLoaded("items");
    return this.itemsValue;
  }
  getItem(name: string): FakeWorkbookNamedItem {
    return new FakeWorkbookNamedItem(this.ctx, name);
  }
  add(name: string, reference: FakeRange | string): FakeWorkbookNamedItem {
    this.ctx.enqueue(
      bytesOf(name) + 40,
      () => {
        const wb = this.ctx.excel.workbook;
        if (wb.names.has(name)) throw richError("ItemAlreadyExists", `The name ${name} exists`);
        if (typeof reference === "string")
          wb.names.set(name, { sheet: null, cell: "", constant: reference, visible: true });
        else {
          const b = reference.bounds();
          wb.names.set(name, {
            sheet: reference.sheet(),
            cell: `$${a1(b.r, b.c).replace(/(\d+)$/, "$$$1")}`,
            visible: true,
          });
        }
      },
      "names.add",
    );
    return new FakeWorkbookNamedItem(this.ctx, name);
  }
}

class FakeTableCollection extends ClientObject {
  private itemsValue: { name: string }[] | null = null;
  protected snapshot(prop: string): unknown {
    if (prop !== "items/name") throw new Error(`fake: TableCollection.${prop}`);
    this.itemsValue = this.ctx.excel.workbook.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name })));
    return this.itemsValue.length;
  }
  get items(): { name: string }[] {
    if (this.itemsValue === null) FakeContext.notLoaded("items");
    return this.itemsValue;
  }
}

class FakeWorkbookProxy {
  readonly tables: FakeTableCollection;
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeWorkbookNames;
  readonly functions: { date(y: number, m: number, d: number): FakeFunctionResult };
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
    this.names = new FakeWorkbookNames(ctx);
    this.functions = {
      date: (y, m, d) =>
        new FakeFunctionResult(ctx, () => {
          const serial = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
          return ctx.excel.workbook.date1904 ? serial - 1462 : serial;
        }),
    };
  }
}

class FakeWorksheetCollection extends ClientObject {
  private itemsValue: FakeWorksheet[] | null = null;
  protected snapshot(prop: string): unknown {
    if (!prop.startsWith("items")) throw new Error(`fake: WorksheetCollection.${prop}`);
    const fields = prop.replace(/^items\/?/, "");
    this.itemsValue = this.ctx.excel.workbook.sheets.map((s) => {
      const ws = new FakeWorksheet(this.ctx, () => s);
      if (fields) for (const f of fields.split("/")) ws.preload(f);
      return ws;
    });
    return this.ctx.excel.workbook.sheets.length;
  }
  override load(props?: string | string[]): this {
    // "items/name,items/visibility" style: one items snapshot with the named fields.
    const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim());
    const fields = list.map((p) => p.replace(/^items\//, "")).join("/");
    return super.load(`items/${fields}`);
  }
  get items(): FakeWorksheet[] {
    if (this.itemsValue === null) FakeContext.notLoaded("items");
    return this.itemsValue;
  }
  getItem(name: string): FakeWorksheet {
    // Like Excel, the proxy refers to the sheet found when it is first used, whatever it is renamed to after.
    let found: FakeSheet | null = null;
    return new FakeWorksheet(this.ctx, () => {
      if (found) return found;
      const s = this.ctx.excel.workbook.sheets.find(
        (x) => x.name.toLowerCase() === name.toLowerCase() || x.id === name,
      );
      if (!s) throw richError("ItemNotFound", `The requested resource doesn't exist (sheet ${name}).`);
      return (found = s);
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    // A name or an id, like getItem; the sheet found when it is first used.
    const find = () =>
      this.ctx.excel.workbook.sheets.find((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key);
    let found: FakeSheet | undefined;
    return new FakeWorksheet(
      this.ctx,
      () => {
        found ??= find();
        if (!found) throw richError("ItemNotFound", `no sheet ${key}`);
        return found;
      },
      () => (found ??= find()) === undefined,
      true,
    );
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    let invalid = false;
    this.ctx.enqueue(
      bytesOf(name),
      () => {
        if (this.ctx.excel.workbook.protectedStructure)
          throw richError("AccessDenied", "The workbook's structure is protected.");
        created = this.ctx.excel.workbook.addSheet(name);
      },
      "sheets.add",
    );
    this.ctx.created(() => (invalid = true));
    return new FakeWorksheet(this.ctx, () => {
      if (invalid)
        throw richError(
          "InvalidObjectPath",
          "The object path isn't working for what you're trying to do (created in a sync that failed).",
        );
      if (!created) throw new Error("fake: sheet used before it was added");
      return created;
    });
  }
}

type ChangeHandler = (args: {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
}) => Promise<unknown> | void;

export class FakeWorksheet extends ClientObject {
  readonly freezePanes: { freezeRows(n: number): void; freezeAt(range: FakeRange): void };
  readonly autoFilter: { apply(range: FakeRange): void };
  readonly tables: { add(address: string, hasHeaders: boolean): { name: string; style: string } };
  readonly pageLayout: { orientation: string };
  readonly onChanged: { add(handler: ChangeHandler): { context: FakeContext; remove(): void } };
  readonly charts: FakeChartCollection;

  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet,
    private readonly isNull: () => boolean = () => false,
    private readonly nullableSheet = false,
  ) {
    super(ctx);
    // Some builds refuse to freeze panes or filter on a hidden sheet: a test can ask for that.
    const shown = () => {
      const s = resolve();
      if (ctx.excel.refuseCosmeticsOnHidden && s.visibility !== "Visible")
        throw richError("InvalidOperation", "This operation is not allowed on a hidden sheet.");
      return s;
    };
    this.charts = new FakeChartCollection(ctx, () => resolve().charts);
    this.freezePanes = {
      freezeRows: (n) => ctx.enqueue(10, () => void (shown().freeze = { rows: n, cols: 0 }), "freezePanes"),
      freezeAt: (range) =>
        ctx.enqueue(
          20,
          () => void (shown().freeze = { rows: range.rowsSpan(), cols: range.colsSpan() }),
          "freezePanes",
        ),
    };
    this.autoFilter = {
      apply: (range) => ctx.enqueue(30, () => void (shown().autoFilter = range.addressText()), "autoFilter"),
    };
    this.tables = {
      add: (address, hasHeaders) => {
        const table = { name: "", address, hasHeaders, style: "TableStyleMedium2" };
        ctx.enqueue(bytesOf(address), () => {
          const all = ctx.excel.workbook.sheets.flatMap((x) => x.tables);
          table.name = `Table${all.length + 1}`;
          resolve().tables.push(table);
        });
        const setter = (key: "name" | "style") => (value: string) =>
          ctx.enqueue(bytesOf(value), () => {
            if (
              key === "name" &&
              ctx.excel.workbook.sheets.some((x) =>
                x.tables.some((t) => t !== table && t.name.toLowerCase() === value.toLowerCase()),
              )
            )
              throw richError("InvalidArgument", `A table named ${value} already exists.`);
            table[key] = value;
          });
        return {
          set name(v: string) {
            setter("name")(v);
          },
          get name(): string {
            throw new Error("fake: table.name read without load");
          },
          set style(v: string) {
            setter("style")(v);
          },
          get style(): string {
            throw new Error("fake: table.style read without load");
          },
        };
      },
    };
    const pageLayout = { orientation: "Portrait" };
    this.pageLayout = new Proxy(pageLayout, {
      set: (_t, p, v) => {
        ctx.enqueue(bytesOf(v), () => void (resolve().orientation = String(v)));
        return p === "orientation";
      },
    });
    // As in Office.js, a handler's removal is queued on the context that added it
    // (EventHandlerResult keeps that context): only a sync of that context removes it.
    this.onChanged = {
      add: (handler) => {
        const entry = { sheet: resolve, handler };
        ctx.enqueue(20, () => void ctx.excel.handlers.add(entry));
        return {
          context: ctx,
          remove: () => ctx.enqueue(20, () => void ctx.excel.handlers.delete(entry)),
        };
      },
    };
  }

  preload(prop: string): void {
    this.loaded.set(prop, this.snapshot(prop));
  }

  protected override nullable(): boolean {
    return this.nullableSheet;
  }

  protected snapshot(prop: string): unknown {
    if (prop === "isNullObject") return this.isNull();
    const s = this.resolve();
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "visibility":
        return s.visibility;
      case "position":
        return this.ctx.excel.workbook.sheets.indexOf(s);
      default:
        throw new Error(`fake: Worksheet.${prop}`);
    }
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.ctx.enqueue(
      bytesOf(value),
      () => {
        const s = this.resolve();
        if (
          this.ctx.excel.workbook.sheets.some((x) => x !== s && x.name.toLowerCase() === value.toLowerCase())
        )
          throw richError("ItemAlreadyExists", `A sheet named ${value} exists`);
        s.name = value;
      },
      "sheet.name",
    );
  }
  get id(): string {
    return this.read("id");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: string) {
    this.ctx.enqueue(
      bytesOf(value),
      () => void (this.resolve().visibility = value as FakeSheet["visibility"]),
      "sheet.visibility",
    );
  }
  get position(): number {
    return this.read("position");
  }
  set position(value: number) {
    this.ctx.enqueue(
      10,
      () => {
        const list = this.ctx.excel.workbook.sheets;
        const s = this.resolve();
        list.splice(list.indexOf(s), 1);
        list.splice(Math.min(value, list.length), 0, s);
      },
      "sheet.position",
    );
  }
  set tabColor(value: string) {
    this.ctx.enqueue(bytesOf(value), () => void (this.resolve().tabColor = value));
  }
  getRange(address: string): FakeRange {
    const [from, to] = address.split(":");
    const parse = (ref: string) => {
      const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref)!;
      return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
    };
    const a = parse(from);
    const b = to ? parse(to) : a;
    return new FakeRange(this.ctx, this.resolve, a.r, a.c, b.r - a.r + 1, b.c - a.c + 1);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1 || r + rows > 1_048_576 || c + cols > 16_384)
      throw richError("InvalidArgument", "bad range");
    return new FakeRange(this.ctx, this.resolve, r, c, rows, cols);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.resolve, -1, -1, 0, 0, true);
  }
  activate(): void {
    this.ctx.enqueue(
      10,
      () =>
        void (this.ctx.excel.active = {
          sheet: this.resolve().name,
          cell: this.ctx.excel.active?.cell ?? "A1",
        }),
    );
  }
  delete(): void {
    this.ctx.enqueue(
      10,
      () => {
        const list = this.ctx.excel.workbook.sheets;
        list.splice(list.indexOf(this.resolve()), 1);
      },
      "sheet.delete",
    );
  }
}

class FakeRangeFormat {
  readonly fill: Record<string, unknown>;
  readonly font: Record<string, unknown>;
  readonly borders: { getItem(index: string): Record<string, unknown> };
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    this.fill = this.styleProxy("fill");
    this.font = this.styleProxy("font");
    this.borders = { getItem: (index) => this.styleProxy(`border.${index}`) };
  }
  private styleProxy(prefix: string): Record<string, unknown> {
    return new Proxy({} as Record<string, unknown>, {
      get: (_t, p) => FakeContext.notLoaded(`${prefix}.${String(p)}`),
      set: (_t, p, v) => {
        this.range.setStyle(`${prefix}.${String(p)}`, v);
        return true;
      },
    });
  }
  set horizontalAlignment(v: string) {
    this.range.setStyle("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.range.setStyle("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.range.setStyle("wrapText", v);
  }
  set columnWidth(v: number) {
    this.ctx.enqueue(10, () => {
      const { c, cols } = this.range.bounds();
      for (let i = c; i < c + cols; i++) this.range.sheet().columnWidths.set(i, v);
    });
  }
}

class FakeConditionalFormatProxy {
  readonly cellValue: {
    format: { fill: Record<string, unknown>; font: Record<string, unknown> };
    rule: unknown;
  };
  constructor(ctx: FakeContext, cf: FakeConditionalFormat) {
    const set = (key: "fill" | "fontColor" | "bold") => (v: unknown) =>
      ctx.enqueue(bytesOf(v), () => void ((cf as unknown as Record<string, unknown>)[key] = v));
    const fill = new Proxy({} as Record<string, unknown>, {
      set: (_t, p, v) => (p === "color" ? (set("fill")(v), true) : false),
    });
    const font = new Proxy({} as Record<string, unknown>, {
      set: (_t, p, v) =>
        p === "color" ? (set("fontColor")(v), true) : p === "bold" ? (set("bold")(v), true) : false,
    });
    const target = { format: { fill, font }, rule: null as unknown };
    this.cellValue = new Proxy(target, {
      set: (t, p, v) => {
        if (p !== "rule") return false;
        ctx.enqueue(bytesOf(v), () => {
          cf.formula1 = (v as { formula1: string }).formula1;
          cf.operator = (v as { operator: string }).operator;
        });
        return true;
      },
    });
  }
}

export class FakeRange extends ClientObject {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: { add(type: string): FakeConditionalFormatProxy };
  readonly dataValidation: { rule: unknown; prompt: unknown; errorAlert: unknown };
  private readonly usedLookup: boolean;

  constructor(
    ctx: FakeContext,
    readonly sheet: () => FakeSheet,
    private r: number,
    private c: number,
    private rows: number,
    private cols: number,
    used = false,
  ) {
    super(ctx);
    this.usedLookup = used;
    this.format = new FakeRangeFormat(ctx, this);
    const validate = (key: "rule" | "prompt" | "errorAlert") => (value: unknown) => {
      if (!ctx.excel.supported.has("1.8")) throw new Error("fake: dataValidation needs ExcelApi 1.8");
      ctx.enqueue(
        bytesOf(value),
        () => void this.sheet().validations.push({ address: this.addressText(), key, value }),
      );
    };
    const notLoaded = () => FakeContext.notLoaded("dataValidation");
    this.dataValidation = {
      set rule(v: unknown) {
        validate("rule")(v);
      },
      get rule(): unknown {
        return notLoaded();
      },
      set prompt(v: unknown) {
        validate("prompt")(v);
      },
      get prompt(): unknown {
        return notLoaded();
      },
      set errorAlert(v: unknown) {
        validate("errorAlert")(v);
      },
      get errorAlert(): unknown {
        return notLoaded();
      },
    };
    this.conditionalFormats = {
      add: (type) => {
        if (type !== "CellValue") throw new Error(`fake: conditional format ${type}`);
        const cf: FakeConditionalFormat = { range: "", formula1: "", operator: "" };
        ctx.enqueue(20, () => {
          cf.range = this.addressText();
          this.sheet().conditionalFormats.push(cf);
        });
        return new FakeConditionalFormatProxy(ctx, cf);
      },
    };
  }

  protected override nullable(): boolean {
    return this.usedLookup;
  }

  bounds(): { r: number; c: number; rows: number; cols: number } {
    if (!this.usedLookup) return { r: this.r, c: this.c, rows: this.rows, cols: this.cols };
    const u = this.sheet().used();
    return u ?? { r: 0, c: 0, rows: 0, cols: 0 };
  }
  rowsSpan(): number {
    const b = this.bounds();
    return b.r + b.rows;
  }
  colsSpan(): number {
    const b = this.bounds();
    return b.c + b.cols;
  }
  addressText(): string {
    const b = this.bounds();
    return `${a1(b.r, b.c)}:${a1(b.r + b.rows - 1, b.c + b.cols - 1)}`;
  }

  setStyle(key: string, value: unknown): void {
    this.ctx.enqueue(bytesOf([key, value]), () => {
      const b = this.bounds();
      this.sheet().styleOps.push({ ...b, key, value });
    });
  }

  protected snapshot(prop: string): unknown {
    const s = this.sheet();
    if (this.usedLookup && prop === "isNullObject") return s.used() === null;
    const b = this.bounds();
    const grid = <T>(f: (r: number, c: number) => T): T[][] | null => {
      if (b.rows * b.cols > LIMITS.cells) return null; // Excel on the web returns null past 5,000,000 cells
      return Array.from({ length: b.rows }, (_, i) =>
        Array.from({ length: b.cols }, (_, j) => f(b.r + i, b.c + j)),
      );
    };
    switch (prop) {
      case "rowIndex":
        return b.r;
      case "columnIndex":
        return b.c;
      case "rowCount":
        return b.rows;
      case "columnCount":
        return b.cols;
      case "address":
        return `${s.name}!${this.addressText()}`;
      case "values":
        return grid((r, c) => s.get(r, c)?.value ?? "");
      case "valueTypes":
        return grid((r, c) => s.get(r, c)?.type ?? "Empty");
      case "numberFormat":
        return grid((r, c) => s.format(r, c) ?? "General");
      default:
        throw new Error(`fake: Range.${prop}`);
    }
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }

  private setGrid(
    prop: string,
    value: unknown,
    put: (sheet: FakeSheet, r: number, c: number, v: unknown) => void,
  ): void {
    this.ctx.enqueue(bytesOf(value), () => {
      const b = this.bounds();
      const s = this.sheet();
      const scalar = !Array.isArray(value);
      if (!scalar) {
        const arr = value as unknown[][];
        if (arr.length !== b.rows || arr.some((row) => !Array.isArray(row) || row.length !== b.cols))
          throw richError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`,
          );
      }
      for (let i = 0; i < b.rows; i++)
        for (let j = 0; j < b.cols; j++)
          put(s, b.r + i, b.c + j, scalar ? value : (value as unknown[][])[i][j]);
    });
  }

  set values(value: unknown[][]) {
    this.setGrid("values", value, (s, r, c, v) => s.put(r, c, interpret(v)));
  }
  set numberFormat(value: unknown[][]) {
    this.setGrid("numberFormat", value, (s, r, c, v) => s.setFormat(r, c, String(v)));
  }
  set hyperlink(value: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.ctx.enqueue(bytesOf(value), () => {
      const b = this.bounds();
      this.sheet().hyperlinks.set(a1(b.r, b.c), value);
    });
  }
  merge(_across?: boolean): void {
    this.ctx.enqueue(20, () => void this.sheet().merges.push(this.addressText()));
  }
  select(): void {
    this.ctx.enqueue(
      10,
      () =>
        void (this.ctx.excel.active = {
          sheet: this.sheet().name,
          cell: a1(this.bounds().r, this.bounds().c),
        }),
    );
  }
  clear(): void {
    this.ctx.enqueue(10, () => {
      const b = this.bounds();
      const s = this.sheet();
      for (let r = b.r; r < b.r + b.rows; r++) for (let c = b.c; c < b.c + b.cols; c++) s.put(r, c, null);
    });
  }
}

export class FakeExcel {
  readonly workbook = new FakeWorkbook();
  syncs = 0;
  runs: { delayForCellEdit?: boolean }[] = [];
  records: SyncRecord[] = [];
  active: { sheet: string; cell: string } | null = null;
  handlers = new Set<{ sheet: () => FakeSheet; handler: ChangeHandler }>();
  /**
   * Fault injection: asked at every sync; the first one it returns true for fails before anything
   * is applied ("RequestPayloadSizeLimitExceeded" to fail it as too large).
   */
  failNextSync:
    ((syncNumber: number, record: SyncRecord) => boolean | "RequestPayloadSizeLimitExceeded") | null = null;
  /**
   * Fault injection inside a batch: asked at each labelled action as Excel reaches it; the first
   * it returns true for fails, and the actions before it in the batch stay applied.
   */
  failAction: ((label: string) => boolean) | null = null;
  /** Refuse freeze panes and autofilter on a hidden sheet, as some Excel builds do. */
  refuseCosmeticsOnHidden = false;
  /** Requirement sets this fake claims to support. */
  supported = new Set(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9"]);

  reset(): void {
    this.syncs = 0;
    this.records = [];
    this.runs = [];
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.records.map((r) => r.requestBytes));
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.records.map((r) => r.responseBytes));
  }

  /** A user edits a cell: change handlers fire. */
  async edit(sheetName: string, address: string, value: string | number): Promise<void> {
    const sheet = this.workbook.sheet(sheetName);
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    sheet.set(Number(m[2]) - 1, columnIndex(m[1]), value);
    for (const h of this.handlers)
      if (h.sheet() === sheet)
        await h.handler({ worksheetId: sheet.id, address, changeType: "RangeEdited", source: "Local" });
  }

  /** The parts of the `Excel` namespace the host uses. */
  api() {
    const run = async <T>(a: unknown, b?: (ctx: FakeContext) => Promise<T>): Promise<T> => {
      const batch = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<T>;
      // Excel.run(context, batch) goes on with an earlier context (how an event handler is removed).
      const ctx =
        a instanceof FakeContext
          ? a
          : new FakeContext(this, (typeof a === "function" ? {} : a) as { delayForCellEdit?: boolean });
      this.runs.push(ctx.options);
      const result = await batch(ctx);
      if (ctx.pending > 0) await ctx.sync(); // Excel.run syncs what is left
      return result;
    };
    return {
      run,
      ConditionalFormatType: { cellValue: "CellValue" },
      ConditionalCellValueOperator: { equalTo: "EqualTo" },
      SheetVisibility: { visible: "Visible", hidden: "Hidden" },
      CalculationType: { recalculate: "Recalculate", full: "Full" },
      PageOrientation: { landscape: "Landscape" },
    };
  }
}
