// Draws PMO Rollup's icons (assets/icon-*.png): a navy tile with a traffic light (red, amber,
// green lamps) beside three rising bars. Run `node scripts/draw-icons.mjs`; the PNGs are committed.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const NAVY = [31, 56, 100];
const LAMPS = [
  [178, 24, 43],
  [253, 184, 99],
  [90, 174, 97],
];
const BAR = [214, 226, 240];

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Coverage of a pixel by a shape, by 4x4 supersampling, for smooth edges at 16 px. */
function cover(inside, x, y) {
  let n = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside(x - 0.5 + (i + 0.5) / 4, y - 0.5 + (j + 0.5) / 4)) n++;
  return n / 16;
}

function icon(size) {
  const s = size;
  const radius = s * 0.18;
  const tile = (x, y) => {
    const dx = Math.max(radius - x, 0, x - (s - radius));
    const dy = Math.max(radius - y, 0, y - (s - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
  const lampR = s * 0.11;
  const lampX = s * 0.3;
  const lampYs = [s * 0.26, s * 0.5, s * 0.74];
  const bars = [
    [0.5, 0.62],
    [0.64, 0.45],
    [0.78, 0.28],
  ].map(([x, top]) => [x * s, top * s, s * 0.1]);
  return png(size, (x, y) => {
    const t = cover(tile, x, y);
    if (t === 0) return [0, 0, 0, 0];
    let color = NAVY;
    let weight = 0;
    lampYs.forEach((ly, i) => {
      const c = cover((px, py) => (px - lampX) ** 2 + (py - ly) ** 2 <= lampR * lampR, x, y);
      if (c > weight) {
        weight = c;
        color = LAMPS[i];
      }
    });
    for (const [bx, top, w] of bars) {
      const c = cover((px, py) => px >= bx && px <= bx + w && py >= top && py <= s * 0.84, x, y);
      if (c > weight) {
        weight = c;
        color = BAR;
      }
    }
    const mix = (k) => Math.round(NAVY[k] * (1 - weight) + color[k] * weight);
    return [mix(0), mix(1), mix(2), Math.round(255 * t)];
  });
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(`assets/icon-${size}.png`, icon(size));
writeFileSync("assets/logo-filled.png", icon(300));
console.log("wrote assets/icon-{16,32,64,80,128}.png and assets/logo-filled.png");
