/** The small dialog a ribbon command opens to say what it did (or what went wrong). */
const params = new URLSearchParams(window.location.search);
const title = document.getElementById("title")!;
const message = document.getElementById("message")!;
title.textContent = params.get("title") ?? "PMO Rollup";
message.textContent = params.get("message") ?? "";
if (params.get("failed") === "1") document.body.classList.add("failed");

// Office.context.ui.messageParent works only once Office.js has initialised this page.
const ready: Promise<boolean> =
  typeof Office !== "undefined" && typeof Office.onReady === "function"
    ? Office.onReady().then(() => Boolean(Office.context?.ui))
    : Promise.resolve(false);

document.getElementById("close")!.addEventListener("click", () => {
  void ready.then((inOffice) => {
    if (inOffice) Office.context.ui.messageParent("close");
    else window.close();
  });
});
export {}; // a module: its only work is at load
