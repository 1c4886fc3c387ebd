/**
 * Raw deflate and inflate for the zip container, as a port: fflate (pure JavaScript) everywhere
 * by default, and the Node host passes its native zlib, several times faster on large parts.
 */
import { Deflate, inflateSync } from "fflate";

export interface ZipCodec {
  /** A raw deflate stream inflated; `size` (from the zip directory) bounds the output. */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  /** A raw deflate stream at a level: pieces in, compressed pieces out; the final push ends it. */
  deflater(level: 1 | 6): (piece: Uint8Array, final: boolean) => Uint8Array[];
  /**
   * When the codec can: `piece` deflated as an independent run that ends on a byte boundary and
   * is not final (a sync flush), so runs made apart can be joined in any order they belong.
   */
  deflateRun?(piece: Uint8Array, level: 1 | 6): Uint8Array;
}

export const FFLATE_CODEC: ZipCodec = {
  // With an output buffer of the declared size, fflate stops there: a lying directory cannot
  // make it allocate more (the zip-bomb limits are checked against the declared sizes).
  inflateRaw: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  deflater(level) {
    const out: Uint8Array[] = [];
    const deflate = new Deflate({ level }, (chunk) => out.push(chunk));
    return (piece, final) => {
      deflate.push(piece, final);
      return out.splice(0);
    };
  },
};
