/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { summariseRollup } from "../../src/taskpane/engine/pane-rollup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { App } from "../../src/taskpane/App";
import { WindowedList } from "../../src/taskpane/components/WindowedList";
import { StandardView, withThresholds } from "../../src/taskpane/views/StandardView";
import { ValidateView } from "../../src/taskpane/views/ValidateView";
import { RollupView } from "../../src/taskpane/views/RollupView";
import { listRows, ALL_SEVERITIES } from "../../src/taskpane/views/findings-model";
import type { Session } from "../../src/taskpane/session/use-session";
import { defaultStandard } from "../../src/core/standard/load";
import { rollupWorkbooks } from "../../src/core/rollup/portfolio-rollup";
import { samplePortfolio } from "../../src/sample/sample-portfolio";
import { FileWorkbookHost } from "../../src/xlsx/file-host";
import { writeSimpleWorkbook } from "../../src/xlsx/write-simple-workbook";
import type { Finding } from "../../src/core/validate/finding";
import { day } from "../helpers/grids";
import { expectValidXlsx } from "../helpers/validate-xlsx";

const wrap = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

const sampleRollup = rollupWorkbooks(
  [
    {
      file: "sample.xlsx",
      grids: { sheets: samplePortfolio().map((s) => ({ name: s.name, rows: s.rows })), date1904: false },
    },
  ],
  { today: day("2026-11-30"), refreshed: 46356.5 },
);
const findings = sampleRollup.input.findings.map((f) => f.finding);

function session(over: Partial<Session> = {}): Session {
  return {
    host: {} as Session["host"],
    fileName: "x",
    rollup: null,
    working: null,
    progress: null,
    error: null,
    notice: null,
    importedStandard: null,
    watching: false,
    validate: jest.fn(async () => undefined),
    refresh: jest.fn(async () => undefined),
    cancel: jest.fn(),
    setImportedStandard: jest.fn(),
    setWatching: jest.fn(),
    dismiss: jest.fn(),
    ...over,
  };
}

function finding(over: Partial<Finding>): Finding {
  return {
    code: "type-error",
    severity: "error",
    sheet: "Projects",
    cell: "B2",
    row: 2,
    column: "Budget",
    value: "TBD",
    message: "Budget: TBD is not money",
    ...over,
  };
}

describe("ValidateView", () => {
  it("shows the counts first and the findings grouped by register and severity", () => {
    wrap(
      <ValidateView
        session={session()}
        findings={findings}
        sheetOrder={["Projects", "Risks"]}
        canWatch={false}
        onSelect={() => undefined}
      />,
    );
    expect(screen.getByRole("status").textContent).toMatch(/^\d+ errors, \d+ warnings, \d+ info$/);
    expect(screen.getByText("Not ready to submit")).toBeTruthy();
    const list = screen.getByRole("list", { name: "Findings" });
    expect(within(list).getAllByText("Projects").length).toBeGreaterThan(0);
    expect(within(list).getAllByRole("listitem").length).toBeGreaterThan(3);
  });

  it("says Ready to submit when there are no errors", () => {
    wrap(
      <ValidateView
        session={session()}
        findings={[finding({ severity: "warning", code: "stale-update" })]}
        sheetOrder={[]}
        canWatch={false}
        onSelect={() => undefined}
      />,
    );
    expect(screen.getByText("Ready to submit")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch("0 errors, 1 warning, 0 info");
  });

  it("filters by text and by severity, and jumps to a finding's cell", () => {
    const onSelect = jest.fn();
    const list = [
      finding({ cell: "B2", message: "first problem" }),
      finding({ cell: "C9", severity: "warning", message: "second problem" }),
    ];
    wrap(
      <ValidateView
        session={session()}
        findings={list}
        sheetOrder={[]}
        canWatch={false}
        onSelect={onSelect}
      />,
    );
    fireEvent.change(screen.getByRole("searchbox", { name: "Search findings" }), {
      target: { value: "second" },
    });
    expect(screen.queryByText("first problem")).toBeNull();
    fireEvent.click(screen.getByText("second problem"));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ cell: "C9" }));
    fireEvent.change(screen.getByRole("searchbox", { name: "Search findings" }), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Warnings" }));
    expect(screen.queryByText("second problem")).toBeNull();
    expect(screen.getByText("first problem")).toBeTruthy();
  });

  it("runs Validate, and offers validate-as-you-edit only in Excel", () => {
    const s = session();
    const { rerender } = wrap(
      <ValidateView
        session={s}
        findings={null}
        sheetOrder={[]}
        canWatch={false}
        onSelect={() => undefined}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    expect(s.validate).toHaveBeenCalled();
    expect(screen.queryByRole("switch")).toBeNull();
    rerender(
      <FluentProvider theme={webLightTheme}>
        <ValidateView session={s} findings={null} sheetOrder={[]} canWatch onSelect={() => undefined} />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole("switch", { name: "Validate as I edit" }));
    expect(s.setWatching).toHaveBeenCalledWith(true);
  });
});

describe("the findings list", () => {
  it("renders only the rows in view of 5,000 findings", () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      finding({ cell: `A${i + 2}`, row: i + 2, message: `problem ${i}` }),
    );
    const rows = listRows(many, { severities: ALL_SEVERITIES, code: null, text: "" }, ["Projects"]);
    expect(rows).toHaveLength(5001);
    wrap(
      <WindowedList
        items={rows}
        rowHeight={50}
        height={500}
        label="Findings"
        itemKey={(r) => r.key}
        renderItem={(r) => (r.kind === "finding" ? r.finding.message : r.sheet)}
      />,
    );
    const items = within(screen.getByRole("list", { name: "Findings" })).getAllByRole("listitem");
    expect(items.length).toBeLessThan(40);
    expect(items[0].getAttribute("aria-setsize")).toBe("5001");
  });
});

describe("RollupView", () => {
  it("shows the KPIs, the RAG chart and the watermelons first", () => {
    wrap(<RollupView session={session()} summary={summariseRollup(sampleRollup)} />);
    expect(
      screen.getByRole("img", { name: /Projects by overall RAG: \d+ red, \d+ amber, \d+ green, \d+ grey/ }),
    ).toBeTruthy();
    expect(screen.getByLabelText(/^Projects 60$/)).toBeTruthy();
    // The sample has projects without % complete: SPI says on how many projects it rests.
    expect(
      screen.getByText(
        /^SPI \d\.\d\d over 58 of 60 projects, the ones with both EV and PV: EV [\d,]+ \/ PV [\d,]+ on those$/,
      ),
    ).toBeTruthy();
    const watermelons = screen.getByRole("list", { name: "Watermelons" });
    expect(within(watermelons).getAllByRole("listitem").length).toBeGreaterThan(0);
  });

  it("refreshes on the button", () => {
    const s = session();
    wrap(<RollupView session={s} summary={null} />);
    fireEvent.click(screen.getByRole("button", { name: "Refresh rollup" }));
    expect(s.refresh).toHaveBeenCalled();
  });
});

describe("StandardView", () => {
  it("edits a threshold and applies it, refusing an inconsistent one", () => {
    const onApply = jest.fn();
    wrap(
      <StandardView
        standard={defaultStandard()}
        source="built-in"
        canSave
        onApply={onApply}
        onSave={async () => undefined}
        onExport={() => undefined}
      />,
    );
    expect(screen.getByText(/The built-in standard/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Cost green: CPI at least"), { target: { value: "0.97" } });
    fireEvent.click(screen.getByRole("button", { name: "Use for this session" }));
    expect(onApply.mock.calls[0][0].thresholds.cost.green.cpi).toBe(0.97);
    fireEvent.change(screen.getByLabelText("Cost green: CPI at least"), { target: { value: "0.5" } });
    fireEvent.click(screen.getByRole("button", { name: "Use for this session" }));
    expect(screen.getByText(/green must be at least as strict as amber/)).toBeTruthy();
    expect(onApply).toHaveBeenCalledTimes(1);
  });

  it("checks the thresholds like any standard", () => {
    expect(() => withThresholds(defaultStandard(), { "risk.greenMaxScore": "" })).toThrow(/greenMaxScore/);
  });
});

describe("the App on an .xlsx file", () => {
  it("opens a workbook, validates it and refreshes the rollup into it", async () => {
    const bytes = await writeSimpleWorkbook(samplePortfolio({ projects: 12 }));
    let host: FileWorkbookHost | null = null;
    const openFile = async (file: File) =>
      (host = new FileWorkbookHost(file.name, new Uint8Array(await file.arrayBuffer())));
    wrap(<App mode="browser" openFile={openFile} theme="light" />);
    const file = new File([bytes as BlobPart], "small.xlsx");
    Object.defineProperty(file, "arrayBuffer", {
      value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    });
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Open workbook"), { target: { files: [file] } });
    });
    await waitFor(() => expect(screen.getAllByText("small.xlsx").length).toBeGreaterThan(0));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    });
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/errors/));
    fireEvent.click(screen.getByRole("tab", { name: "Rollup" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Refresh rollup" }));
    });
    await waitFor(() => expect(screen.getByText(/^Rollup refreshed/)).toBeTruthy());
    const { readWorkbook } = await import("../../src/xlsx/read-workbook");
    expect(
      readWorkbook(host!.bytes)
        .grids.sheets.map((s) => s.ownedRole)
        .filter(Boolean),
    ).toEqual(["rollup", "projects", "findings", "history"]);
    expectValidXlsx(host!.bytes, bytes);
  }, 30_000);
});
