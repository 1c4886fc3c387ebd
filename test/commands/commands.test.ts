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

const dialogs: URL[] = [];
const associated = new Map<string, (event: { completed(): void }) => Promise<void>>();
let fake: FakeExcel;

function installOffice(): void {
  const g = globalThis as Record<string, unknown>;
  g.window = { location: { href: "https://addin.example/commands.html" } };
  g.Office = {
    onReady: (callback: () => void) => callback(),
    actions: {
      associate: (name: string, fn: (event: { completed(): void }) => Promise<void>) =>
        associated.set(name, fn),
    },
    context: {
      requirements: { isSetSupported: (_set: string, version: string) => fake.supported.has(version) },
      ui: {
        displayDialogAsync: (
          url: string,
          _options: unknown,
          callback: (r: { status: string; value: unknown }) => void,
        ) => {
          dialogs.push(new URL(url));
          callback({ status: "failed", value: null });
        },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded" },
    EventType: { DialogMessageReceived: "dialogMessageReceived" },
  };
  g.Excel = new Proxy({}, { get: (_t, p) => (fake.api() as Record<string | symbol, unknown>)[p] });
}

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
    expect(dialogs[0].searchParams.get("title")).toBe("Not ready to submit");
    expect(dialogs[0].searchParams.get("message")).toMatch(/^\d+ errors, \d+ warnings, \d+ info\./);
  });

  it("Refresh Rollup rewrites the four sheets and reports the RAG counts", async () => {
    expect(await run("refreshRollup")).toBe(1);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["PMO Rollup", "PMO Projects", "PMO Findings", "PMO History"]),
    );
    expect(dialogs[0].searchParams.get("message")).toMatch(
      /^60 projects: \d+ green, \d+ amber, \d+ red, \d+ grey\./,
    );
  });

  it("report a failure in the dialog, leave no half-written sheet, and still complete", async () => {
    const before = fake.workbook.sheets.map((s) => s.name);
    fake.failNextSync = (_n, record) => record.requestBytes > 100_000; // the first write block
    expect(await run("refreshRollup")).toBe(1);
    expect(dialogs[0].searchParams.get("title")).toBe("Refresh failed");
    expect(dialogs[0].searchParams.get("failed")).toBe("1");
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(before);
  });
});
