/**
 * The engine in a Web Worker, as webpack 5 bundles it (`new Worker(new URL(...,
 * import.meta.url))` makes a chunk of its own, served from the pane's origin: the pages' CSP
 * allows workers from 'self' only). Falls back to the engine on the page where Worker is missing.
 */
import { EngineClient, inlineEngine, WORKER_FAILED, type Engine } from "./engine-client";
import type { EngineEvent } from "./protocol";

export function createEngine(): Engine {
  if (typeof Worker === "undefined") return inlineEngine();
  return new EngineClient((onEvent) => {
    const worker = new Worker(new URL("./engine.worker.ts", import.meta.url), { name: "pmo-engine" });
    worker.onmessage = (event: MessageEvent<EngineEvent>) => onEvent(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      onEvent({ id: WORKER_FAILED, type: "error", message: event.message || "the worker failed" });
    };
    return {
      post: (request, transfer) => worker.postMessage(request, transfer ?? []),
      terminate: () => worker.terminate(),
    };
  });
}
