// A report file's bytes → its text, decoded the same way wherever a file is opened (the
// checker, the batch), so a batch row opens to the very text its row was checked on.

/** UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030 (many official files are GBK). */
export function decodeText(buf) {
  const b = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('gb18030').decode(b);
  }
}

/** A NUL byte (outside UTF-16) is never in a text report: a PDF, a Word file or an image. */
export function looksBinary(buf) {
  const b = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return false;
  return b.subarray(0, 65536).includes(0);
}
