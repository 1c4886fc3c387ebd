/**
 * Row blocks: how a large read or write is cut so that each request stays under Excel on the
 * web's limits (5 MB per request or response, 5,000,000 cells per read), one sync per group.
 */

/** What one request may carry: we keep below Excel's 5 MB, with room for the envelope. */
export const REQUEST_BUDGET_BYTES = 3_800_000;
export const MAX_CELLS_PER_READ = 5_000_000;

export interface Extent {
  /** Which sheet (an index into the caller's list). */
  readonly sheet: number;
  readonly rows: number;
  readonly cols: number;
}

export interface Block {
  readonly sheet: number;
  readonly rowStart: number;
  readonly rowCount: number;
  readonly cols: number;
}

/** Cells a read may cover in one sync, given the bytes one cell is seen to cost. */
export function readCellBudget(bytesPerCell: number): number {
  return Math.max(
    1,
    Math.min(MAX_CELLS_PER_READ, Math.floor(REQUEST_BUDGET_BYTES / Math.max(1, bytesPerCell))),
  );
}

/** Errors that mean "too much in one request": the block is retried at half the size. */
export function isPayloadLimitError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  return (
    [
      "RequestPayloadSizeLimitExceeded",
      "ResponsePayloadSizeLimitExceeded",
      "RangeExceedsLimit",
      "OperationCellsExceedLimit",
    ].includes(code) || /payload/i.test((e as Error)?.message ?? "")
  );
}

/**
 * The UTF-8 bytes of a string: what it costs in a request (Excel's limits are in bytes, and
 * non-Latin text takes 2 to 3 bytes a character; a surrogate pair, 4).
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    bytes += c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2;
  }
  return bytes;
}

/**
 * Let the page paint and answer input between two syncs (Office.js runs on the page's thread):
 * a task of its own through a MessageChannel (no 4 ms timer clamp). Every browser has one; where
 * there is none (a test's DOM), this only lets pending promises run.
 */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === "undefined") return Promise.resolve();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
