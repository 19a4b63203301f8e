import { IncomingMessage, ServerResponse, STATUS_CODES } from 'node:http';
import { SandboxHttpError } from './sandbox-error';

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** The small JSON body of every non-200 answer; Xima documents no error shape. */
function errorBody(status: number, message: string): string {
  return JSON.stringify({ status, error: STATUS_CODES[status] ?? 'Error', message });
}

export function sendError(res: ServerResponse, error: SandboxHttpError): void {
  const body = errorBody(error.status, error.message);
  res.writeHead(error.status, {
    ...error.headers,
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Resolves when the response can take more data, or is gone. */
export function waitForDrain(res: ServerResponse): Promise<void> {
  if (res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The body as UTF-8; a 413 as soon as it is declared or grows larger than limit bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = new SandboxHttpError(413, `The request body is larger than ${limit} bytes`, {
    Connection: 'close',
  });
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(tooLarge);
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
