// jsdom (for the pane's component tests) lacks some globals every browser and Node have.
const v8 = require("node:v8");
const util = require("node:util");
if (typeof globalThis.structuredClone === "undefined")
  globalThis.structuredClone = (v) => v8.deserialize(v8.serialize(v));
if (typeof globalThis.TextDecoder === "undefined") globalThis.TextDecoder = util.TextDecoder;
if (typeof globalThis.TextEncoder === "undefined") globalThis.TextEncoder = util.TextEncoder;
// Fluent's overflow and positioning code observes sizes; jsdom does no layout, so nothing changes.
if (typeof globalThis.window !== "undefined" && typeof globalThis.window.ResizeObserver === "undefined") {
  globalThis.window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// jsdom has no matchMedia; Fluent and the pane's theme code ask for it.
if (typeof globalThis.window !== "undefined" && typeof globalThis.window.matchMedia === "undefined") {
  globalThis.window.matchMedia = (query) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    dispatchEvent: () => false,
  });
}
