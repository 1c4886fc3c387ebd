/**
 * Node's native zlib as the zip codec (the CLI and the benchmark). Pieces are deflated as
 * independent runs joined by sync flushes (as pigz does), so no part is ever one buffer.
 */
import { constants, deflateRawSync, inflateRawSync } from "node:zlib";
import type { ZipCodec } from "../xlsx/codec";

const view = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.length);

export const NODE_ZIP_CODEC: ZipCodec = {
  inflateRaw: (data, size) => view(inflateRawSync(data, { maxOutputLength: Math.max(1, size) })),
  deflateRun: (piece, level) => view(deflateRawSync(piece, { level, finishFlush: constants.Z_SYNC_FLUSH })),
  deflater(level) {
    return (piece, final) => [
      view(
        deflateRawSync(piece, {
          level,
          finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
        }),
      ),
    ];
  },
};
