import { ETX, STX } from './fias-record';

/** The longest record data we accept; a PMS that sends more is sending garbage. */
export const MAX_RECORD_BYTES = 64 * 1024;

/** What one read of the socket held, once framed. */
export interface Frames {
  /** Each complete record's data (between STX and ETX), in order. */
  readonly records: Buffer[];
  /** Bytes outside STX…ETX that were skipped. */
  readonly noiseBytes: number;
  /** Records dropped for being longer than MAX_RECORD_BYTES (skipped to their ETX). */
  readonly oversized: number;
}

/**
 * Cuts a TCP byte stream into records: a read may hold half a record, several records, or bytes
 * outside STX…ETX (noise to skip). Keeps the unfinished record between reads. A new STX inside a
 * record starts the record again (the sender began over); a record over `maxBytes` is dropped up
 * to its ETX rather than buffered without end.
 */
export class FiasFramer {
  private parts: Buffer[] = [];
  private partBytes = 0;
  private inRecord = false;
  private dropping = false;

  constructor(private readonly maxBytes = MAX_RECORD_BYTES) {}

  push(chunk: Buffer): Frames {
    const records: Buffer[] = [];
    let noiseBytes = 0;
    let oversized = 0;
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === STX) {
        if (this.inRecord && !this.dropping) noiseBytes += this.partBytes + (i - start);
        this.reset();
        this.inRecord = true;
        start = i + 1;
      } else if (byte === ETX && this.inRecord) {
        if (this.dropping) {
          oversized++;
        } else if (this.partBytes + (i - start) > this.maxBytes) {
          oversized++;
        } else {
          this.parts.push(chunk.subarray(start, i));
          records.push(
            this.parts.length === 1 ? Buffer.from(this.parts[0]) : Buffer.concat(this.parts),
          );
        }
        this.reset();
        start = i + 1;
      } else if (!this.inRecord) {
        noiseBytes++;
        start = i + 1;
      }
    }
    if (this.inRecord && !this.dropping && start < chunk.length) {
      this.parts.push(Buffer.from(chunk.subarray(start)));
      this.partBytes += chunk.length - start;
      if (this.partBytes > this.maxBytes) {
        this.parts = [];
        this.partBytes = 0;
        this.dropping = true;
      }
    }
    return { records, noiseBytes, oversized };
  }

  /** Bytes held of a record not yet ended. */
  get pendingBytes(): number {
    return this.partBytes;
  }

  private reset(): void {
    this.parts = [];
    this.partBytes = 0;
    this.inRecord = false;
    this.dropping = false;
  }
}
