/** Just enough PNG reading to check an export: size from IHDR, pixels inflated from IDAT. */
import { inflateSync } from 'node:zlib';

export interface PngInfo {
  width: number;
  height: number;
  colorType: number;
  /** Inflated scanlines (filter byte + pixels per row). */
  raw: Buffer;
}

export function readPng(bytes: Buffer): PngInfo {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9]!;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  return { width, height, colorType, raw: inflateSync(Buffer.concat(idat)) };
}
