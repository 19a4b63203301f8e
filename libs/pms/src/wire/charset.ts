import iconv from 'iconv-lite';

/**
 * The character set a link's records are written in: a setting of the link, since the PMS's
 * interface is configured for one. ASCII replaces anything else with `?`.
 */
export const FIAS_CHARSETS = ['ascii', 'cp850', 'windows-1252', 'iso-8859-1'] as const;
export type FiasCharset = (typeof FIAS_CHARSETS)[number];

export function isFiasCharset(value: unknown): value is FiasCharset {
  return typeof value === 'string' && (FIAS_CHARSETS as readonly string[]).includes(value);
}

export function encodeText(text: string, charset: FiasCharset): Buffer {
  if (charset === 'ascii') {
    const bytes = Buffer.allocUnsafe(text.length);
    let length = 0;
    for (const char of text) {
      const code = char.codePointAt(0)!;
      bytes[length++] = code < 0x80 ? code : 0x3f;
    }
    return bytes.subarray(0, length);
  }
  return iconv.encode(text, charset);
}

export function decodeText(bytes: Buffer, charset: FiasCharset): string {
  if (charset === 'ascii') {
    let text = '';
    for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : '?';
    return text;
  }
  return iconv.decode(bytes, charset);
}
