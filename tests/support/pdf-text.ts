// The text a PDF made by pdfkit shows on its pages (uncompressed), one text operator a line.

// WinAnsi is Latin-1 but for a few code points Node's decoders do not map.
const WIN_ANSI: Record<string, string> = { "\x80": "€", "\x85": "…", "\x92": "’", "\x96": "–", "\x97": "—", "\x9c": "œ" };
const decode = (bytes: Buffer) => bytes.toString("latin1").replace(/[\x80-\x9f]/g, (code) => WIN_ANSI[code] ?? code);

/** pdfkit writes text as hex strings (Tj), or in TJ arrays split at kerning. */
export function pdfText(pdf: string): string {
  return [...pdf.matchAll(/\[([^\]]*)\] TJ|(<[0-9a-f]*>) Tj/g)]
    .map((operator) =>
      [...(operator[1] ?? operator[2]).matchAll(/<([0-9a-f]*)>/g)].map((hex) => decode(Buffer.from(hex[1], "hex"))).join(""),
    )
    .join("\n");
}
