import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@app/common';

/**
 * The stream written to a temporary file beside `path`, flushed to disk, then renamed over it:
 * a reader (or a billing system's import folder) never sees half a file, and an error leaves
 * `path` as it was and no temporary file behind. Returns the bytes written.
 */
export async function writeWhole(body: Readable, path: string): Promise<number> {
  const partial = join(
    dirname(path),
    `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`,
  );
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      bytes += Buffer.byteLength(chunk);
      done(null, chunk);
    },
  });
  const file = createWriteStream(partial, { flags: 'wx', flush: true });
  try {
    await pipeline(body, count, file);
    renameSync(partial, path);
    syncDirectory(dirname(path));
    return bytes;
  } catch (error) {
    const { code, syscall, path: failed } = error as NodeJS.ErrnoException;
    if (!file.closed) await new Promise<void>((closed) => file.once('close', () => closed()));
    // Ours unless the name was taken (a random one: all but impossible), which 'wx' refused.
    if (!(code === 'EEXIST' && failed === partial)) rmSync(partial, { force: true });
    // The file system's refusals name the path; the export's own errors speak for themselves.
    if (code && syscall) throw new DomainError('bad-request', `cannot write ${path}: ${code}`);
    throw error;
  }
}

/** A rename is on disk once its directory is (where the platform can say so). */
function syncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, 'r');
    fsyncSync(fd);
  } catch {
    // Not every platform opens or syncs a directory (Windows); the file itself is flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
