#!/usr/bin/env node
// Draws the extension's icons (public/icon/{16,32,48,128}.png) from shapes, in pure Node (zlib PNG
// writer, 8×8 supersampling). Our own design — a child under a sheltering arc on teal — not the
// Image Gently Alliance's logo. Run: `node scripts/make-icons.mjs` (output is committed).
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OUT = resolve(import.meta.dirname, '..', 'public', 'icon');
const SIZES = [16, 32, 48, 128];
const SS = 8; // samples per pixel per axis

const TEAL_TOP = [16, 132, 140];
const TEAL_BOTTOM = [10, 96, 110];
const WHITE = [255, 255, 255];
const WARM = [255, 200, 87];

// Shapes in unit coordinates (0..1, y down). Each returns true when the point is inside.
const roundedSquare = (x, y, r = 0.22) => {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
};
const head = (x, y) => (x - 0.5) ** 2 + (y - 0.5) ** 2 <= 0.125 ** 2;
const body = (x, y) => y >= 0.66 && y <= 0.86 && ((x - 0.5) / 0.24) ** 2 + ((y - 0.88) / 0.23) ** 2 <= 1;
// A sheltering arc over the child: a ring segment across the top.
const arc = (x, y, thickness) => {
  const d = Math.hypot(x - 0.5, y - 0.6);
  if (Math.abs(d - 0.33) > thickness / 2) return false;
  const angle = Math.atan2(y - 0.6, x - 0.5); // −π..π, up is −π/2
  return angle <= -0.35 && angle >= -Math.PI + 0.35;
};

function pixelColour(px, py, size) {
  // Thicker strokes at small sizes so they stay visible.
  const thickness = size <= 16 ? 0.13 : size <= 32 ? 0.1 : 0.08;
  const acc = [0, 0, 0, 0];
  for (let sy = 0; sy < SS; sy++) {
    for (let sx = 0; sx < SS; sx++) {
      const x = (px + (sx + 0.5) / SS) / size;
      const y = (py + (sy + 0.5) / SS) / size;
      if (!roundedSquare(x, y)) continue;
      let c = TEAL_TOP.map((t, i) => t + (TEAL_BOTTOM[i] - t) * y);
      if (arc(x, y, thickness)) c = WARM;
      if (head(x, y) || body(x, y)) c = WHITE;
      acc[0] += c[0];
      acc[1] += c[1];
      acc[2] += c[2];
      acc[3] += 1;
    }
  }
  const n = SS * SS;
  if (acc[3] === 0) return [0, 0, 0, 0];
  // Premultiplied average → straight alpha.
  return [acc[0] / acc[3], acc[1] / acc[3], acc[2] / acc[3], (255 * acc[3]) / n].map(Math.round);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixelColour(x, y, size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    const file = join(OUT, `${size}.png`);
    const data = png(size);
    writeFileSync(file, data);
    console.log(`${file} (${data.length} bytes)`);
  }
}
