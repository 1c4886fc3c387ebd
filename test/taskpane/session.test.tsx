/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import {
  HostAbortedError,
  throwIfAborted,
  type HostOptions,
  type WorkbookHost,
} from "../../src/host/workbook-host";
import { samplePortfolio } from "../../src/sample/sample-portfolio";
import type { WorkbookGrids } from "../../src/core/grid";
import { fakeFromGrids, hostOf } from "../helpers/fake-workbook";
import { PROJECT_HEADER, projectRow } from "../helpers/grids";

describe("the pane in Excel", () => {
  it("validates as the user edits, re-reading only the sheet that changed", async () => {
    jest.useFakeTimers();
    const fake = fakeFromGrids({
      sheets: [{ name: "Projects", rows: [PROJECT_HEADER, projectRow("P1"), projectRow("P2")] }],
      date1904: false,
    });
    const host = hostOf(fake);
    const read = jest.spyOn(host, "readWorkbook");
    render(<App mode="excel" excelHost={host} theme="light" />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    });
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^0 errors/));
    await act(async () => {
      fireEvent.click(screen.getByRole("switch", { name: "Validate as I edit" }));
    });
    read.mockClear();
    await act(async () => {
      await fake.edit("Projects", "G3", "Exectue"); // a typo in P2's stage
      await fake.edit("Projects", "G3", "Exectue!"); // and another keystroke before the pause
    });
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    jest.useRealTimers();
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^1 error,/));
    expect(read).toHaveBeenCalledTimes(1); // one debounced run
    const filter = read.mock.calls[0][0]?.sheets;
    expect(filter?.("Projects")).toBe(true);
    expect(filter?.("Risks")).toBe(false);
  });
});

/** A host whose reads take until released, to show progress and cancel. */
class SlowHost implements WorkbookHost {
  readonly kind = "file";
  release: () => void = () => undefined;
  constructor(private readonly grids: WorkbookGrids) {}
  async readWorkbook(options?: HostOptions): Promise<WorkbookGrids> {
    options?.onProgress?.(1, 4, "Reading the workbook");
    await new Promise<void>((resolve) => {
      this.release = resolve;
      options?.signal?.addEventListener("abort", () => resolve());
    });
    throwIfAborted(options?.signal);
    return this.grids;
  }
  async applyPlan(): Promise<void> {}
  async addSheet(name: string): Promise<string> {
    return name;
  }
  async addTemplateSheets(): Promise<string[]> {
    return [];
  }
  async selectCell(): Promise<void> {}
  async watchChanges(): Promise<() => Promise<void>> {
    return async () => undefined;
  }
}

describe("long work", () => {
  it("shows progress, and Cancel stops it without changing anything", async () => {
    const grids = {
      sheets: samplePortfolio({ projects: 8 }).map((s) => ({ name: s.name, rows: s.rows })),
      date1904: false,
    };
    const host = new SlowHost(grids);
    render(<App mode="excel" excelHost={host} theme="light" />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    });
    expect(screen.getByRole("progressbar", { name: "Reading the workbook" })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    });
    await waitFor(() => expect(screen.getByText(new HostAbortedError().message)).toBeTruthy());
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("shows a failure in a message bar that says what happened", async () => {
    const host = new SlowHost({ sheets: [], date1904: false });
    host.readWorkbook = async () => {
      throw new Error("The workbook is busy: finish editing the cell, then try again.");
    };
    render(<App mode="excel" excelHost={host} theme="light" />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    });
    await waitFor(() => expect(screen.getByText(/finish editing the cell/)).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByText(/finish editing the cell/)).toBeNull();
  });
});
