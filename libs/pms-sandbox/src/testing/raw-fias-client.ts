import net from 'node:net';
import { encodeRecord, FiasCharset, FiasFramer, FiasRecord, parseRecord } from '@app/pms';

/**
 * A bare FIAS client for the sandbox's specs: writes records, frames and parses what comes
 * back, and lets a spec await a record by type. No link logic of its own.
 */
export class RawFiasClient {
  readonly records: FiasRecord[] = [];
  /** 'data' events seen: how many reads the sandbox's writes arrived in. */
  chunks = 0;
  noiseBytes = 0;
  readonly closed: Promise<void>;
  private readonly framer = new FiasFramer();
  private readonly taken = new Set<number>();
  private waiters: Array<() => void> = [];
  private isClosed = false;

  private constructor(
    private readonly socket: net.Socket,
    private readonly charset: FiasCharset,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.chunks++;
      const frames = this.framer.push(chunk);
      this.noiseBytes += frames.noiseBytes;
      for (const data of frames.records) {
        const parsed = parseRecord(data, charset);
        if (parsed.ok) this.records.push(parsed.record);
      }
      this.wake();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.isClosed = true;
        this.wake();
        resolve();
      }),
    );
  }

  static connect(port: number, charset: FiasCharset = 'ascii'): Promise<RawFiasClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.off('error', reject);
        resolve(new RawFiasClient(socket, charset));
      });
      socket.once('error', reject);
    });
  }

  get isOpen(): boolean {
    return !this.isClosed;
  }

  /** Writes the records in one write. */
  send(...records: FiasRecord[]): void {
    this.socket.write(Buffer.concat(records.map((r) => encodeRecord(r, this.charset))));
  }

  sendBytes(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** The first record of this type not yet taken, waiting for it if need be. */
  async next(type: string, timeoutMs = 5000): Promise<FiasRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.records.findIndex((r, i) => r.type === type && !this.taken.has(i));
      if (index >= 0) {
        this.taken.add(index);
        return this.records[index];
      }
      if (this.isClosed) throw new Error(`connection closed before a ${type}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for a record of any type; resolves with every record received so far. */
  async until(predicate: (records: FiasRecord[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.records)) {
      const left = deadline - Date.now();
      if (left <= 0 || this.isClosed) throw new Error('records never matched');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Our side of the link start: LD, LR for PS, LA; then the sandbox's LA. */
  async linkStart(): Promise<void> {
    this.send(
      { type: 'LD', fields: { DA: '261207', TI: '120000', 'V#': '1.0', IF: 'CA' } },
      { type: 'LR', fields: { RI: 'PS', FL: 'RNPTTADDDUDATIP#' } },
      { type: 'LA', fields: { DA: '261207', TI: '120000' } },
    );
    await this.next('LA');
  }

  close(): Promise<void> {
    this.socket.destroy();
    return this.closed;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** A well-formed PS; override any field. */
export function ps(fields: Record<string, string> = {}): FiasRecord {
  return {
    type: 'PS',
    fields: {
      RN: '1012',
      PT: 'C',
      TA: '250',
      DD: '13035550100',
      DU: '000130',
      DA: '261207',
      TI: '120000',
      'P#': '1',
      ...fields,
    },
  };
}
