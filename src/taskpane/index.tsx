/** The task pane's entry: find out where we run, then mount the app on the right host. */
import { createRoot } from "react-dom/client";
import { takePaneRequest } from "../commands/handover";
import { createExcelHost } from "../excel/create-host";
import type { WorkbookHost } from "../host/workbook-host";
import { App } from "./App";
import { createEngine } from "./engine/create-worker";
import { detectEnvironment } from "./environment";

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function openFile(file: File): Promise<WorkbookHost> {
  // The .xlsx host loads only outside Excel: Excel users never download it.
  const { FileWorkbookHost, fileHostFromCsv } = await import(
    /* webpackChunkName: "xlsx-host" */ "../xlsx/file-host"
  );
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A CSV opens as a new workbook whose Projects sheet is the CSV.
  const host = /\.(csv|tsv|txt)$/i.test(file.name)
    ? fileHostFromCsv(file.name, bytes)
    : new FileWorkbookHost(file.name, bytes);
  host.check(); // refuse a non-workbook now, with its one-line reason (its cells are read by the engine's worker)
  return host;
}

function download(host: WorkbookHost, fileName: string): void {
  const bytes = (host as { bytes?: Uint8Array }).bytes;
  if (!bytes) return;
  saveBlob(
    new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
    fileName.replace(/(\.xlsx)?$/i, ".xlsx"),
  );
}

async function main(): Promise<void> {
  const environment = await detectEnvironment();
  const engine = createEngine(); // the engine's Web Worker: the pane never freezes on a large workbook
  const root = createRoot(document.getElementById("root")!);
  const downloadJson = (json: string, name: string) =>
    saveBlob(new Blob([json], { type: "application/json" }), name);
  if (environment.kind === "excel") {
    const host = createExcelHost();
    root.render(
      <App
        mode="excel"
        excelHost={host}
        engine={engine}
        downloadJson={downloadJson}
        takeHandover={() => takePaneRequest(window.localStorage)}
      />,
    );
  } else {
    root.render(
      <App
        mode="browser"
        engine={engine}
        openFile={openFile}
        download={download}
        downloadJson={downloadJson}
      />,
    );
  }
}

void main();
