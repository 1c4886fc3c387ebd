/**
 * The part of Excel's charts API the add-in uses, as strict as the rest of the fake: a chart's
 * properties are read only after load + sync, every call is queued and applied at sync, ranges
 * are recorded as "Sheet!A1:B2", and an unknown name, a point past the series' end or a second
 * chart of the same name on a sheet is an error, as in Excel.
 */
import { FakeContext } from "./fake-excel";

export interface FakeSeriesState {
  name: string;
  values: string;
  xValues: string | null;
  chartType: string | null;
  fill: string | null;
  line: string | null;
  lineStyle: string | null;
  markerStyle: string | null;
  markerColor: string | null;
  pointFills: Map<number, string>;
  hasDataLabels: boolean;
}

export interface FakeChartState {
  name: string;
  type: string;
  title: string;
  titleSize: number | null;
  titleBold: boolean;
  /** Top-left and bottom-right cells. */
  position: [string, string] | null;
  legendVisible: boolean;
  legendPosition: string | null;
  categoryType: string | null;
  series: FakeSeriesState[];
}

/** What a range proxy gives the charts: where it is, once the request runs. */
export interface RangeRef {
  sheet(): { name: string };
  addressText(): string;
  colsSpan(): number;
  bounds(): { r: number; c: number; rows: number; cols: number };
}

const bytesOf = (v: unknown) => JSON.stringify(v ?? null).length;

function fail(code: string, message: string): never {
  const e = new Error(message) as Error & { code: string };
  e.code = code;
  throw e;
}

function refOf(range: RangeRef): string {
  return `${range.sheet().name}!${range.addressText()}`;
}

/** One series per column of the range (seriesBy "Columns"). */
function seriesFromColumns(range: RangeRef): FakeSeriesState[] {
  const b = range.bounds();
  const sheet = range.sheet().name;
  const out: FakeSeriesState[] = [];
  for (let c = 0; c < b.cols; c++) {
    const col = (n: number) => {
      let s = "";
      for (let x = n + 1; x > 0; x = Math.floor((x - 1) / 26))
        s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
      return s;
    };
    out.push(
      newSeries(`Series${c + 1}`, `${sheet}!${col(b.c + c)}${b.r + 1}:${col(b.c + c)}${b.r + b.rows}`),
    );
  }
  return out;
}

function newSeries(name: string, values: string): FakeSeriesState {
  return {
    name,
    values,
    xValues: null,
    chartType: null,
    fill: null,
    line: null,
    lineStyle: null,
    markerStyle: null,
    markerColor: null,
    pointFills: new Map(),
    hasDataLabels: false,
  };
}

/** An object whose listed properties may only be set: each set is queued and applied at sync. */
function setters<T extends object>(
  ctx: FakeContext,
  keys: readonly string[],
  apply: (key: string, value: unknown) => void,
): T {
  const out = {} as T;
  for (const key of keys)
    Object.defineProperty(out, key, {
      set: (value: unknown) => ctx.enqueue(bytesOf(value), () => apply(key, value)),
      get: () => fail("PropertyNotLoaded", `fake: ${key} is write-only here; load it first`),
    });
  return out;
}

class FakeChartSeries {
  readonly format: {
    fill: { setSolidColor(color: string): void };
    line: { color: string; lineStyle: string };
  };
  readonly points: {
    getItemAt(i: number): { format: { fill: { setSolidColor(color: string): void } } };
  };

  constructor(
    private readonly ctx: FakeContext,
    private readonly state: () => FakeSeriesState,
  ) {
    this.format = {
      fill: { setSolidColor: (color) => ctx.enqueue(bytesOf(color), () => void (state().fill = color)) },
      line: setters(ctx, ["color", "lineStyle"], (k, v) => {
        if (k === "color") state().line = String(v);
        else state().lineStyle = String(v);
      }),
    };
    this.points = {
      getItemAt: (i) => ({
        format: {
          fill: {
            setSolidColor: (color) =>
              ctx.enqueue(bytesOf(color), () => {
                const s = state();
                const [, from, to] = /!([A-Z]+\d+):([A-Z]+\d+)$/.exec(s.values) ?? [];
                const rows = Number(/\d+$/.exec(to ?? "")) - Number(/\d+$/.exec(from ?? "")) + 1;
                if (!(i >= 0 && i < rows)) fail("ItemNotFound", `fake: no point ${i} in ${s.values}`);
                s.pointFills.set(i, color);
              }),
          },
        },
      }),
    };
    for (const key of [
      "name",
      "chartType",
      "markerStyle",
      "markerBackgroundColor",
      "markerForegroundColor",
      "hasDataLabels",
    ])
      Object.defineProperty(this, key, {
        set: (value: unknown) =>
          ctx.enqueue(bytesOf(value), () => {
            const s = state();
            if (key === "name") s.name = String(value);
            else if (key === "chartType") s.chartType = String(value);
            else if (key === "markerStyle") s.markerStyle = String(value);
            else if (key === "hasDataLabels") s.hasDataLabels = Boolean(value);
            else s.markerColor = String(value);
          }),
        get: () => fail("PropertyNotLoaded", `fake: series.${key} is not loaded`),
      });
  }

  setValues(range: RangeRef): void {
    this.ctx.enqueue(40, () => {
      if (range.colsSpan() - range.bounds().c !== 1)
        fail("InvalidArgument", "fake: series values must be one column");
      this.state().values = refOf(range);
    });
  }

  setXAxisValues(range: RangeRef): void {
    this.ctx.enqueue(40, () => void (this.state().xValues = refOf(range)));
  }
}

class FakeChartSeriesCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: () => FakeChartState,
  ) {}

  getItemAt(i: number): FakeChartSeries {
    let cached: FakeSeriesState | undefined;
    return new FakeChartSeries(this.ctx, () => {
      cached ??= this.chart().series[i] ?? fail("ItemNotFound", `fake: no series ${i}`);
      return cached;
    });
  }

  add(name?: string): FakeChartSeries {
    const state = newSeries(name ?? "", "");
    this.ctx.enqueue(bytesOf(name), () => void this.chart().series.push(state));
    return new FakeChartSeries(this.ctx, () => state);
  }
}

/** A chart proxy: `name` and `isNullObject` readable after load + sync; the rest write-only. */
export class FakeChart {
  private loaded = new Map<string, unknown>();
  private cached: FakeChartState | undefined;
  readonly series: FakeChartSeriesCollection;
  readonly title: { text: string; format: { font: { size: number; bold: boolean } } };
  readonly legend: { visible: boolean; position: string };
  readonly axes: { categoryAxis: { categoryType: string } };

  constructor(
    private readonly ctx: FakeContext,
    private readonly find: () => FakeChartState | undefined,
    private readonly nullable: boolean,
  ) {
    const state = () => this.state();
    this.series = new FakeChartSeriesCollection(ctx, state);
    const title = setters<{ text: string }>(ctx, ["text"], (_k, v) => void (state().title = String(v)));
    this.title = Object.assign(title, {
      format: {
        font: setters<{ size: number; bold: boolean }>(ctx, ["size", "bold"], (k, v) => {
          if (k === "size") state().titleSize = Number(v);
          else state().titleBold = Boolean(v);
        }),
      },
    });
    this.legend = setters(ctx, ["visible", "position"], (k, v) => {
      if (k === "visible") state().legendVisible = Boolean(v);
      else state().legendPosition = String(v);
    });
    this.axes = {
      categoryAxis: setters(ctx, ["categoryType"], (_k, v) => void (state().categoryType = String(v))),
    };
  }

  private state(): FakeChartState {
    this.cached ??= this.find() ?? fail("ItemNotFound", "fake: the chart does not exist");
    return this.cached;
  }

  load(props: string): this {
    if (props.split(",").some((p) => p.trim() !== "name")) throw new Error(`fake: Chart.load(${props})`);
    this.ctx.enqueue(20, () => {
      const found = this.find();
      if (!found && !this.nullable) fail("ItemNotFound", "fake: the chart does not exist");
      this.loaded.set("isNullObject", !found);
      if (found) {
        this.cached = found;
        this.loaded.set("name", found.name);
      }
      return 20;
    });
    return this;
  }

  get isNullObject(): boolean {
    if (!this.loaded.has("isNullObject")) FakeContext.notLoaded("isNullObject");
    return this.loaded.get("isNullObject") as boolean;
  }

  get name(): string {
    if (!this.loaded.has("name")) FakeContext.notLoaded("name");
    return this.loaded.get("name") as string;
  }
  set name(value: string) {
    this.ctx.enqueue(bytesOf(value), () => void (this.state().name = value));
  }

  set chartType(value: string) {
    this.ctx.enqueue(bytesOf(value), () => void (this.state().type = value));
  }

  setData(range: RangeRef, seriesBy: string): void {
    if (seriesBy !== "Columns") throw new Error(`fake: setData by ${seriesBy}`);
    this.ctx.enqueue(40, () => void (this.state().series = seriesFromColumns(range)));
  }

  setPosition(start: string, end: string): void {
    this.ctx.enqueue(20, () => {
      if (!/^[A-Z]+\d+$/.test(start) || !/^[A-Z]+\d+$/.test(end))
        fail("InvalidArgument", "fake: bad position");
      this.state().position = [start, end];
    });
  }
}

/** worksheet.charts: add, getItemOrNullObject (by name). */
export class FakeChartCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly charts: () => FakeChartState[],
  ) {}

  add(type: string, range: RangeRef, seriesBy: string): FakeChart {
    if (seriesBy !== "Columns") throw new Error(`fake: charts.add by ${seriesBy}`);
    let state: FakeChartState | undefined;
    this.ctx.enqueue(60, () => {
      const list = this.charts();
      state = {
        name: `Chart ${list.length + 1}`,
        type,
        title: "",
        titleSize: null,
        titleBold: false,
        position: null,
        legendVisible: true,
        legendPosition: null,
        categoryType: null,
        series: seriesFromColumns(range),
      };
      list.push(state);
    });
    return new FakeChart(this.ctx, () => state, false);
  }

  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(this.ctx, () => this.charts().find((c) => c.name === name), true);
  }
}
