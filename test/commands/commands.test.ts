/**
 * The ribbon commands on the strict fake of Excel, with a stand-in for the parts of `Office` they
 * use: they write their sheets, say what they found in a dialog, and always complete the event.
 */
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { cli } from "../helpers/cli";
import { fakeFromGrids } from "../helpers/fake-workbook";
import type { FakeExcel } from "../fake-excel/fake-excel";

interface FakeDialog {
  readonly url: URL;
  readonly handlers: Map<string, (arg: unknown) => void>;
  closed: boolean;
  close(): void;
  addEventHandler(type: string, handler: (arg: unknown) => void): void;
}

const dialogs: FakeDialog[] = [];
const associated = new Map<string, (event: { completed(): void }) => Promise<void>>();
const storage = new Map<string, string>();
let fake: FakeExcel;
/** "close": the user presses Close at once; "stay": the dialog stays open until the test closes it. */
let user: "close" | "stay" = "close";
/** Errors the next dialogs fail with (12007: one already open). */
let dialogErrors: number[] = [];
let shownPanes = 0;

function installOffice(): void {
  const g = globalThis as Record<string, unknown>;
  g.window = {
    location: { href: "https://addin.example/commands.html" },
    localStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    },
  };
  g.Office = {
    onReady: (callback: () => void) => callback(),
    actions: {
      associate: (name: string, fn: (event: { completed(): void }) => Promise<void>) =>
        associated.set(name, fn),
    },
    addin: { showAsTaskpane: async () => void shownPanes++ },
    context: {
      requirements: {
        isSetSupported: (set: string, version: string) =>
          set === "SharedRuntime" ? true : fake.supported.has(version),
      },
      ui: {
        displayDialogAsync: (
          url: string,
          _options: unknown,
          callback: (r: { status: string; value?: unknown; error?: { code: number } }) => void,
        ) => {
          const code = dialogErrors.shift();
          if (code) return callback({ status: "failed", error: { code } });
          const dialog: FakeDialog = {
            url: new URL(url),
            handlers: new Map(),
            closed: false,
            close() {
              this.closed = true;
            },
            addEventHandler(type, handler) {
              this.handlers.set(type, handler);
            },
          };
          dialogs.push(dialog);
          callback({ status: "succeeded", value: dialog });
          if (user === "close") setTimeout(() => pressClose(dialog), 0);
        },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  };
  g.Excel = new Proxy({}, { get: (_t, p) => (fake.api() as Record<string | symbol, unknown>)[p] });
}

function pressClose(dialog: FakeDialog): void {
  dialog.handlers.get("dialogMessageReceived")?.({ message: "close" });
}

const until = async (test: () => boolean) => {
  while (!test()) await new Promise((r) => setTimeout(r, 5));
};

async function run(name: string): Promise<number> {
  let completed = 0;
  await associated.get(name)!({ completed: () => completed++ });
  return completed;
}

describe("the ribbon commands", () => {
  let grids: ReturnType<typeof readWorkbook>["grids"];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "pmo-commands-"));
    await cli(["sample", "-o", join(dir, "sample.xlsx")]);
    grids = readWorkbook(new Uint8Array(readFileSync(join(dir, "sample.xlsx")))).grids;
    installOffice();
    await import("../../src/commands/commands");
  });

  beforeEach(() => {
    fake = fakeFromGrids(grids);
    dialogs.length = 0;
    user = "close";
    dialogErrors = [];
    storage.clear();
    shownPanes = 0;
  });

  it("are registered under the manifest's function names", () => {
    expect([...associated.keys()].sort()).toEqual(["refreshRollup", "validateRegisters"]);
  });

  it("Validate writes PMO Findings, shows it, and says how many errors", async () => {
    expect(await run("validateRegisters")).toBe(1);
    expect(
      fake.workbook.sheets
        .filter((s) => s.name.startsWith("PMO ") && s.name !== "PMO Standard")
        .map((s) => s.name),
    ).toEqual(["PMO Findings"]);
    expect(fake.active).toEqual({ sheet: "PMO Findings", cell: "A1" });
    expect(dialogs[0].url.searchParams.get("title")).toBe("Not ready to submit");
    expect(dialogs[0].url.searchParams.get("message")).toMatch(/^\d+ errors, \d+ warnings, \d+ info\./);
  });

  it("Refresh Rollup rewrites the four sheets and reports the RAG counts", async () => {
    expect(await run("refreshRollup")).toBe(1);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["PMO Rollup", "PMO Projects", "PMO Findings", "PMO History"]),
    );
    expect(dialogs[0].url.searchParams.get("message")).toMatch(
      /^60 projects: \d+ green, \d+ amber, \d+ red, \d+ grey\./,
    );
  });

  it("report a failure in the dialog, leave no half-written sheet, and still complete", async () => {
    const before = fake.workbook.sheets.map((s) => s.name);
    fake.failNextSync = (_n, record) => record.requestBytes > 100_000; // the first write block
    expect(await run("refreshRollup")).toBe(1);
    expect(dialogs[0].url.searchParams.get("title")).toBe("Refresh failed");
    expect(dialogs[0].url.searchParams.get("failed")).toBe("1");
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(before);
  });

  it("complete the event only when the user closes the dialog", async () => {
    user = "stay";
    let completed = 0;
    const running = associated.get("validateRegisters")!({ completed: () => completed++ });
    await until(() => dialogs.length === 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(completed).toBe(0); // the dialog is open: Office must not unload the command yet
    pressClose(dialogs[0]);
    await running;
    expect(completed).toBe(1);
    expect(dialogs[0].closed).toBe(true);
  });

  it("close the notice still open when another command runs, and retry a dialog refused with 12007", async () => {
    user = "stay";
    let first = 0;
    const firstRun = associated.get("validateRegisters")!({ completed: () => first++ });
    await until(() => dialogs.length === 1);
    dialogErrors = [12007]; // Office still counts a dialog as open for a moment
    let second = 0;
    const secondRun = associated.get("refreshRollup")!({ completed: () => second++ });
    await firstRun;
    expect(first).toBe(1);
    expect(dialogs[0].closed).toBe(true);
    await until(() => dialogs.length === 2);
    expect(dialogs[1].url.searchParams.get("title")).toBe("Rollup refreshed");
    pressClose(dialogs[1]);
    await secondRun;
    expect(second).toBe(1);
  });

  it("hand a very large workbook over to the pane instead of running past the time limit", async () => {
    const big = fake.workbook.addSheet("Archive");
    big.set(0, 0, "From 2009");
    big.set(39_999, 25, "last"); // 40,000 x 26 used cells
    expect(await run("refreshRollup")).toBe(1);
    expect(
      fake.workbook.sheets.filter((s) => /^PMO (Rollup|Projects|Findings|History)$/.test(s.name)),
    ).toEqual([]);
    expect(shownPanes).toBe(1);
    expect(JSON.parse(storage.get("pmo-rollup.handover")!).action).toBe("refresh");
    expect(dialogs[0].url.searchParams.get("title")).toBe("Continue in the PMO Rollup pane");
    expect(dialogs[0].url.searchParams.get("message")).toMatch(/1,04\d,\d{3} used cells/);
  });
});
