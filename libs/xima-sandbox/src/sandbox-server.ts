import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { isKnownAgent } from './directory';
import { JSON_CONTENT_TYPE, readBody, sendError, waitForDrain } from './http-io';
import { FaultConfig, FaultInjector, FaultSpecError, parseFaultSpec } from './faults';
import { seededRandom } from './random';
import { renderReport, renderReportToString, ReportRun } from './report-builder';
import { findReport, SandboxReport } from './reports';
import { parseReportRequest, ReportRequest } from './request-body';
import { SandboxHttpError } from './sandbox-error';
import {
  resolveSandboxOptions,
  ResolvedSandboxOptions,
  SandboxOptions,
  toFaultList,
} from './sandbox-options';

export const HISTORIC_DATA_PATH = '/rest/api/v1/historic-data/';
export const FAULT_HEADER = 'X-Sandbox-Fault';

const MAX_PREPARED_REPORTS = 10_000;
const STILL_RUNNING = 'The report is still running; repeat the identical request later';
const TRANSFER_CAP_REACHED = "The tenant's 5-day data-transfer limit has been reached";

export interface RunningSandbox {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** HTTP requests received so far, whatever their outcome. */
  readonly requests: number;
  /** Replaces the configured faults and restarts their `times` counts. */
  setFaults(faults: FaultConfig | readonly FaultConfig[] | undefined): void;
  close(): Promise<void>;
}

/** Starts the sandbox on a real socket; resolves once it listens. */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const sandbox = new SandboxServer(resolveSandboxOptions(options));
  await sandbox.listen();
  return sandbox;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

class SandboxServer implements RunningSandbox {
  private readonly server: Server;
  private readonly tokenDigest: Buffer;
  private readonly faults: FaultInjector;
  /** Bodies answered 202 by the 202-then-200 fault: Xima serves the identical request later. */
  private readonly prepared = new Set<string>();
  /** Rendered reports by request, oldest first (options.reportCache of them at most). */
  private readonly rendered = new Map<string, Buffer>();
  private readonly closing = new AbortController();
  private requestCount = 0;
  private boundPort = 0;
  private closed: Promise<void> | undefined;

  constructor(private readonly options: ResolvedSandboxOptions) {
    this.tokenDigest = digest(options.token);
    this.faults = new FaultInjector(seededRandom(options.generator.seed, 'faults'));
    this.faults.configure(options.faults);
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    return `http://${host}:${this.port}`;
  }

  get requests(): number {
    return this.requestCount;
  }

  setFaults(faults: FaultConfig | readonly FaultConfig[] | undefined): void {
    this.faults.configure(toFaultList(faults));
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        this.boundPort = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  close(): Promise<void> {
    this.closed ??= new Promise((resolve) => {
      this.closing.abort();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closed;
  }

  private log(line: string): void {
    this.options.logger?.(line);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requestCount++;
    const started = performance.now();
    const path = (req.url ?? '/').split('?')[0];
    let outcome: string;
    try {
      outcome = await this.answer(req, res, path);
    } catch (error) {
      outcome = this.answerError(res, error);
    }
    const ms = Math.round(performance.now() - started);
    this.log(`${req.method ?? '?'} ${path} -> ${outcome} in ${ms} ms`);
  }

  private answerError(res: ServerResponse, error: unknown): string {
    if (res.destroyed) return 'aborted';
    if (res.headersSent) {
      res.destroy();
      return `aborted mid-answer: ${(error as Error).message}`;
    }
    if (error instanceof SandboxHttpError) {
      sendError(res, error);
      return `${error.status} (${error.message})`;
    }
    sendError(res, new SandboxHttpError(500, 'Unexpected sandbox error'));
    return `500 (unexpected: ${(error as Error).message})`;
  }

  private async answer(req: IncomingMessage, res: ServerResponse, path: string): Promise<string> {
    const report = this.route(req, path);
    const requestFaults = this.requestFaults(req);
    const { body, request } = await this.readRequest(req);
    const decision = this.faults.decide(requestFaults);
    if (decision.latencyMs > 0) {
      await sleep(decision.latencyMs, undefined, { signal: this.closing.signal });
    }
    const run: ReportRun = {
      report,
      request,
      generator: this.options.generator,
      executionId: randomUUID(),
    };
    const retryAfter = { 'Retry-After': `${decision.retryAfterSeconds}` };
    switch (decision.fault) {
      case undefined:
        return this.options.reportCache > 0
          ? this.cachedReport(res, run)
          : this.streamReport(res, run, false);
      case '202-then-200':
        return this.prepare(`${report.key}\u0000${digest(body).toString('hex')}`)
          ? this.injectError(res, 202, STILL_RUNNING)
          : this.streamReport(res, run, false);
      case '202':
        return this.injectError(res, 202, STILL_RUNNING);
      case '429':
        return this.injectError(res, 429, 'Too many requests', retryAfter);
      case '503':
        return this.injectError(res, 503, 'Service temporarily unavailable', retryAfter);
      case '500':
        return this.injectError(res, 500, 'Internal server error');
      case '403':
        return this.injectError(res, 403, 'The service user may not view data for this report');
      case '509':
        return this.injectError(res, 509, TRANSFER_CAP_REACHED);
      case 'malformed-json':
        return this.streamReport(res, run, true);
      case 'truncated':
        return this.truncated(res, run);
      case 'reset':
        req.socket.resetAndDestroy();
        return 'connection reset (fault)';
    }
  }

  /** 404 for another path, 405 for another method, 401 before telling whether a key exists. */
  private route(req: IncomingMessage, path: string): SandboxReport {
    const key = path.startsWith(HISTORIC_DATA_PATH) ? path.slice(HISTORIC_DATA_PATH.length) : '';
    if (key === '' || key.includes('/')) {
      throw new SandboxHttpError(
        404,
        `No such endpoint; the API is POST ${HISTORIC_DATA_PATH}{key}`,
      );
    }
    if (req.method !== 'POST') {
      throw new SandboxHttpError(405, `${req.method ?? '?'} is not allowed; use POST`, {
        Allow: 'POST',
      });
    }
    this.authorize(req);
    const report = findReport(key);
    if (report === undefined) {
      throw new SandboxHttpError(404, `No API-enabled report with key "${key}"`);
    }
    return report;
  }

  private async readRequest(
    req: IncomingMessage,
  ): Promise<{ body: string; request: ReportRequest }> {
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      throw new SandboxHttpError(415, 'Content-Type must be application/json');
    }
    const body = await readBody(req, this.options.maxBodyBytes);
    const request = parseReportRequest(body);
    const hidden = (request.agents ?? []).filter((agent) => !isKnownAgent(agent));
    if (hidden.length > 0) {
      const names = hidden.map((agent) => JSON.stringify(agent)).join(', ');
      throw new SandboxHttpError(403, `The service user may not view data for: ${names}`);
    }
    return { body, request };
  }

  private injectError(
    res: ServerResponse,
    status: number,
    message: string,
    headers: Record<string, string> = {},
  ): string {
    sendError(res, new SandboxHttpError(status, message, headers));
    return `${status} (fault)`;
  }

  private authorize(req: IncomingMessage): void {
    const header = req.headers.authorization;
    const challenge = { 'WWW-Authenticate': 'Bearer' };
    if (header === undefined) {
      throw new SandboxHttpError(401, 'Missing Authorization: Bearer <token> header', challenge);
    }
    const match = /^Bearer +(\S+) *$/i.exec(header);
    if (match === null || !timingSafeEqual(digest(match[1]), this.tokenDigest)) {
      throw new SandboxHttpError(
        401,
        'The bearer token is not valid (refreshing a service user token invalidates the old one)',
        challenge,
      );
    }
  }

  private requestFaults(req: IncomingMessage): FaultConfig[] {
    const header = req.headers[FAULT_HEADER.toLowerCase()];
    if (header === undefined) return [];
    try {
      return parseFaultSpec(Array.isArray(header) ? header.join(';') : header, {
        allowTimes: false,
      });
    } catch (error) {
      if (error instanceof FaultSpecError) {
        throw new SandboxHttpError(400, `Invalid ${FAULT_HEADER} header: ${error.message}`);
      }
      throw error;
    }
  }

  /** True when the body is new to the 202-then-200 fault (so it is answered 202 this time). */
  private prepare(cacheKey: string): boolean {
    if (this.prepared.has(cacheKey)) return false;
    if (this.prepared.size >= MAX_PREPARED_REPORTS) this.prepared.clear();
    this.prepared.add(cacheKey);
    return true;
  }

  /** Streams the report; `malformed` leaves out the closing brace, as a broken upstream might. */
  private async streamReport(
    res: ServerResponse,
    run: ReportRun,
    malformed: boolean,
  ): Promise<string> {
    res.writeHead(200, { 'Content-Type': JSON_CONTENT_TYPE });
    let bytes = 0;
    let held: string | undefined;
    const write = async (chunk: string) => {
      bytes += Buffer.byteLength(chunk);
      if (!res.write(chunk)) await waitForDrain(res);
    };
    for (const chunk of renderReport(run)) {
      if (res.destroyed) return 'aborted by client';
      if (chunk === '') {
        await nextTurn();
        continue;
      }
      if (held !== undefined) await write(held);
      held = chunk;
    }
    if (held !== undefined) await write(malformed ? held.slice(0, -1) : held);
    res.end();
    return malformed ? `200 malformed JSON, ${bytes} bytes (fault)` : `200, ${bytes} bytes`;
  }

  /** Answers from the cache of rendered reports, rendering (and keeping) a new one. */
  private cachedReport(res: ServerResponse, run: ReportRun): string {
    const key = `${run.report.key}\u0000${JSON.stringify(run.request)}`;
    let body = this.rendered.get(key);
    const hit = body !== undefined;
    if (body === undefined) {
      body = Buffer.from(renderReportToString(run));
      if (this.rendered.size >= this.options.reportCache) {
        this.rendered.delete(this.rendered.keys().next().value!);
      }
      this.rendered.set(key, body);
    }
    res.writeHead(200, { 'Content-Type': JSON_CONTENT_TYPE, 'Content-Length': body.length });
    res.end(body);
    return `200, ${body.length} bytes${hit ? ' (cached)' : ''}`;
  }

  /** Promises the whole body in Content-Length, sends half of it, then drops the connection. */
  private truncated(res: ServerResponse, run: ReportRun): string {
    const body = Buffer.from(renderReportToString(run));
    res.writeHead(200, { 'Content-Type': JSON_CONTENT_TYPE, 'Content-Length': body.length });
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
    return `200 truncated at ${Math.floor(body.length / 2)} of ${body.length} bytes (fault)`;
  }
}
