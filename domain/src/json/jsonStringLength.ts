/** Printable ASCII other than `"` and `\`: JSON.stringify writes it as it is, one byte a character. */
const plainJsonText = /^[\x20\x21\x23-\x5b\x5d-\x7f]*$/;

/**
 * UTF-8 size of `JSON.stringify(text)`, quotes included, without building it:
 * escapes (\" \\ \n …, \u00XX for other control characters and for unpaired
 * surrogates) counted as JSON.stringify writes them.
 */
export function quotedJsonByteLength(text: string): number {
  if (plainJsonText.test(text)) return text.length + 2;
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    else if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code < 0xd800 || code > 0xdfff) bytes += 3;
    else if (code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      bytes += 4;
      i++;
    } else bytes += 6;
  }
  return bytes;
}
