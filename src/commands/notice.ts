/** The small dialog a ribbon command opens to say what it did (or what went wrong). */
const params = new URLSearchParams(window.location.search);
const title = document.getElementById("title")!;
const message = document.getElementById("message")!;
title.textContent = params.get("title") ?? "PMO Rollup";
message.textContent = params.get("message") ?? "";
if (params.get("failed") === "1") document.body.classList.add("failed");
document.getElementById("close")!.addEventListener("click", () => {
  if (typeof Office !== "undefined" && Office.context?.ui) Office.context.ui.messageParent("close");
  else window.close();
});
