import { Injectable } from '@nestjs/common';
import { XimaError } from '../client';

export type XimaReachability = 'reachable' | 'unreachable' | 'unknown';

export interface XimaContactState {
  /** `unknown` until this process has asked Xima for something. */
  status: XimaReachability;
  /** When the last request to Xima ended (epoch ms). */
  atMs: number | null;
  /** Why the last request failed, token-free (XimaError messages are), else null. */
  message: string | null;
}

/**
 * What the last request to Xima said about Xima's reachability, kept in memory from the syncs
 * that run anyway: /health reads it instead of calling Xima, whose reports are slow and count
 * against the tenant's data-transfer cap.
 */
@Injectable()
export class XimaContact {
  private state: XimaContactState = { status: 'unknown', atMs: null, message: null };

  get current(): XimaContactState {
    return { ...this.state };
  }

  /** Xima answered with a report. */
  answered(atMs: number): void {
    this.state = { status: 'reachable', atMs, message: null };
  }

  /**
   * Xima's request failed. No answer at all (connection, DNS, timeouts) or server errors until
   * the retries ran out make Xima unreachable; any other answer (a refused token, a bad report,
   * the transfer cap) came from a Xima that is there, and is the source's problem.
   */
  failed(atMs: number, error: XimaError): void {
    const unanswered = error.code === 'gave-up' && (error.status === null || error.status >= 500);
    this.state = {
      status: unanswered ? 'unreachable' : 'reachable',
      atMs,
      message: error.message,
    };
  }
}
