import { deflateSync } from "node:zlib";

/**
 * Small specimen files for the demo organisations' verification documents: a one-page PDF and a PNG
 * "photo" of a stamped certificate, made here so the demo needs no binary files in the repository.
 * Both are real files (the upload checks look at the bytes) and say plainly that they are specimens.
 */

export type SpecimenLines = { title: string; lines: string[] };

// PDF strings: only printable ASCII, with the three special characters escaped (the built-in
// Helvetica has no Chinese glyphs, so the specimen speaks English).
function pdfText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1");
}

/** A one-page A5 PDF with a title, a few lines and a red frame, with a correct cross-reference table. */
export function specimenPdf({ title, lines }: SpecimenLines): Uint8Array {
  const text = [
    "BT /F1 16 Tf 40 520 Td", `(${pdfText(title)}) Tj`, "/F1 10 Tf",
    ...lines.flatMap((line) => ["0 -22 Td", `(${pdfText(line)}) Tj`]),
    "ET", "0.8 0.1 0.1 RG 3 w 20 20 380 555 re S",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A 320×220 PNG: a cream sheet with a red frame, grey "text" bars and a red round seal (公章) in the
 * corner, like a phone photo of a certificate. `shade` varies the bars so two specimens differ.
 */
export function specimenPng(shade = 0): Uint8Array {
  const width = 320;
  const height = 220;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      let rgb = [250, 246, 235];
      const frame = x < 8 || y < 8 || x >= width - 8 || y >= height - 8;
      const line = Math.floor((y - 40) / 22);
      const bar = x > 30 && x < 130 + ((line * 37 + shade * 23) % 70) && y > 40 && y < 170 && (y - 40) % 22 < 8;
      const dx = x - 250;
      const dy = y - 150;
      const ring = dx * dx + dy * dy;
      if (frame) rgb = [190, 30, 30];
      else if (ring <= 40 * 40 && ring >= 34 * 34) rgb = [200, 20, 20];
      else if (ring < 10 * 10) rgb = [200, 20, 20];
      else if (bar) rgb = [120 + shade * 10, 120, 125];
      raw.set(rgb, row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", new Uint8Array())]));
}
