import { decodeText, encodeText, FiasCharset } from './charset';

/** Framing bytes: a record is STX + data + ETX, on TCP as on a serial line. */
export const STX = 0x02;
export const ETX = 0x03;

/**
 * One FIAS record: a two-letter record id (`PS`, `PA`, `GI`, ...) and its fields by two-character
 * field id (`RN`, `TA`, `P#`, ...). Field order carries no meaning on the wire; a field that comes
 * twice keeps its last value.
 */
export interface FiasRecord {
  readonly type: string;
  readonly fields: Readonly<Record<string, string>>;
}

const RECORD_TYPE = /^[A-Z0-9]{2}$/;
const FIELD_ID = /^[A-Z0-9#]{2}$/;

export class FiasRecordError extends Error {}

/** Why `value` cannot go into a field as it is, or null when it can. */
function valueProblem(value: string): string | null {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return `a control character (0x${code.toString(16)})`;
    if (code === 0x7c) return 'a "|"';
  }
  return null;
}

/** A record's data (what goes between STX and ETX) as text: `PS|RN1012|TA250|`. */
export function recordText(record: FiasRecord): string {
  if (!RECORD_TYPE.test(record.type)) {
    throw new FiasRecordError(`record id "${record.type}" is not two letters or digits`);
  }
  let text = `${record.type}|`;
  for (const [id, value] of Object.entries(record.fields)) {
    if (!FIELD_ID.test(id)) {
      throw new FiasRecordError(`${record.type}: field id "${id}" is not two letters, digits or #`);
    }
    const problem = valueProblem(value);
    if (problem) throw new FiasRecordError(`${record.type}: field ${id} holds ${problem}`);
    text += `${id}${value}|`;
  }
  return text;
}

/** A record framed for the wire: STX, its data in the link's charset, ETX. */
export function encodeRecord(record: FiasRecord, charset: FiasCharset = 'ascii'): Buffer {
  const data = encodeText(recordText(record), charset);
  const framed = Buffer.allocUnsafe(data.length + 2);
  framed[0] = STX;
  data.copy(framed, 1);
  framed[framed.length - 1] = ETX;
  return framed;
}

export type ParsedRecord =
  | { readonly ok: true; readonly record: FiasRecord }
  | { readonly ok: false; readonly error: string; readonly text: string };

/**
 * A record's data as the PMS sent it (the bytes between STX and ETX). Lenient where FIAS
 * implementations differ (a missing last `|`, empty fields); an entry shorter than a field id is
 * skipped. Refused: data without a two-character record id followed by `|` (or nothing).
 */
export function parseRecord(data: Buffer, charset: FiasCharset = 'ascii'): ParsedRecord {
  const text = decodeText(data, charset);
  const parts = text.split('|');
  const type = parts[0];
  if (!RECORD_TYPE.test(type)) {
    return { ok: false, error: `no record id at the start of "${preview(text)}"`, text };
  }
  const fields: Record<string, string> = {};
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    if (part.length < 2) continue;
    fields[part.slice(0, 2)] = part.slice(2);
  }
  return { ok: true, record: { type, fields } };
}

/** At most 60 characters of `text`, control characters shown as `.`, for a log line. */
export function preview(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  // eslint-disable-next-line no-control-regex
  return shown.replace(/[\x00-\x1f\x7f]/g, '.');
}
