/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** The pane inside Excel: it follows Office's theme, and takes over work a ribbon command handed it. */
import { act, render, screen, waitFor } from "@testing-library/react";
import { nowSerial, today } from "../../src/host/clock";
import { refreshRollup } from "../../src/host/refresh";
import { App } from "../../src/taskpane/App";
import { fakeFromGrids, hostOf } from "../helpers/fake-workbook";
import { PROJECT_HEADER, projectRow } from "../helpers/grids";

const g = globalThis as Record<string, unknown>;

afterEach(() => {
  delete g.Office;
});

describe("the pane in Excel", () => {
  it("follows Office's theme when it changes", async () => {
    const officeTheme = { bodyBackgroundColor: "#ffffff" };
    g.Office = { context: { officeTheme }, EventType: {} };
    render(<App mode="excel" />);
    expect(screen.getByRole("combobox", { name: "Theme" }).textContent).toBe("Light");
    officeTheme.bodyBackgroundColor = "#1f1f1f"; // the user switches Office to Dark
    await act(async () => {
      window.dispatchEvent(new Event("focus"));
    });
    expect(screen.getByRole("combobox", { name: "Theme" }).textContent).toBe("Dark");
  });

  it("refreshes at once when a ribbon command handed a large workbook over", async () => {
    const fake = fakeFromGrids({
      sheets: [{ name: "Projects", rows: [PROJECT_HEADER, projectRow("P1"), projectRow("P2")] }],
      date1904: false,
    });
    const requests: ("refresh" | null)[] = ["refresh", null];
    render(
      <App
        mode="excel"
        excelHost={hostOf(fake)}
        theme="light"
        takeHandover={() => requests.shift() ?? null}
      />,
    );
    await waitFor(() => expect(screen.getByText(/^Rollup refreshed/)).toBeTruthy(), { timeout: 20_000 });
    // The sheets the engine prepared (as the worker does) are the ones the host writes from a plan.
    const direct = fakeFromGrids({
      sheets: [{ name: "Projects", rows: [PROJECT_HEADER, projectRow("P1"), projectRow("P2")] }],
      date1904: false,
    });
    await refreshRollup(hostOf(direct), { file: "this workbook", today: today(), now: nowSerial() });
    for (const name of ["PMO Projects", "PMO Findings"])
      expect(fake.workbook.sheet(name).grid()).toEqual(direct.workbook.sheet(name).grid());
    expect(fake.workbook.sheet("PMO Projects").freeze).toEqual(direct.workbook.sheet("PMO Projects").freeze);
  });
});
