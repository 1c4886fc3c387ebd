/**
 * @jest-environment jsdom
 */
/**
 * The notice dialog's page: its Close button asks the command to close it through
 * messageParent, which works only once Office.js has initialised the page (Office.onReady).
 */
describe("the notice dialog", () => {
  it("waits for Office.onReady before its Close button messages the command", async () => {
    for (const [tag, id] of [
      ["h1", "title"],
      ["p", "message"],
      ["button", "close"],
    ]) {
      const node = document.createElement(tag);
      node.id = id;
      document.body.appendChild(node);
    }
    window.history.replaceState(null, "", "/notice.html?title=Rollup%20refreshed&message=60%20projects");
    const sent: string[] = [];
    let initialise: () => void = () => undefined;
    const office: Record<string, unknown> = {
      // Like Office.js: Office.context is there only once the page is initialised.
      onReady: () =>
        new Promise<void>((resolve) => {
          initialise = () => {
            office.context = { ui: { messageParent: (m: string) => sent.push(m) } };
            resolve();
          };
        }),
    };
    (globalThis as Record<string, unknown>).Office = office;
    const closed = jest.spyOn(window, "close").mockImplementation(() => undefined);
    await import("../../src/commands/notice");
    expect(document.getElementById("title")!.textContent).toBe("Rollup refreshed");
    document.getElementById("close")!.click(); // before Office.js is ready
    initialise();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual(["close"]);
    expect(closed).not.toHaveBeenCalled();
  });
});
