/**
 * Draws the console's PWA icons (a white "V" on the brand navy) as PNG files with no image
 * library: raw RGBA rows, zlib-deflated, wrapped in PNG chunks. Run once; outputs are committed.
 */
import { writeFileSync } from "node:fs";
import { deflateSync, crc32 } from "node:zlib";

const NAVY = [0x10, 0x24, 0x3e];
const WHITE = [0xff, 0xff, 0xff];

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** `inset` shrinks the glyph so a maskable icon's safe zone (inner 80%) holds all of it. */
function icon(size: number, inset: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const s = (v: number) => size * (inset + (1 - 2 * inset) * v);
  const thick = size * 0.07 * (1 - 2 * inset);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const d = Math.min(distToSegment(x, y, s(0.25), s(0.25), s(0.5), s(0.78)), distToSegment(x, y, s(0.75), s(0.25), s(0.5), s(0.78)));
      const [r, g, b] = d < thick ? WHITE : NAVY;
      raw.set([r!, g!, b!, 255], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

writeFileSync("public/icons/icon-192.png", icon(192, 0));
writeFileSync("public/icons/icon-512.png", icon(512, 0));
writeFileSync("public/icons/icon-maskable-512.png", icon(512, 0.1));
writeFileSync("public/icons/apple-touch-icon.png", icon(180, 0));
console.log("icons written to public/icons/");
