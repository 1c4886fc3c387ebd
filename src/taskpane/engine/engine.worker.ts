/**
 * The engine's Web Worker: a thin host, so that reading a large file, checking the registers,
 * computing the rollup and building the sheets never freeze the pane. The work is in
 * engine-core.ts (the same on the page where there is no worker); the engine itself is src/core.
 */
import { EngineCore } from "./engine-core";
import type { EngineEvent, EngineRequest } from "./protocol";

const scope = self as unknown as {
  postMessage(message: EngineEvent, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
};
const core = new EngineCore((event, transfer) => scope.postMessage(event, transfer ?? []));
scope.onmessage = (event) => void core.handle(event.data);
