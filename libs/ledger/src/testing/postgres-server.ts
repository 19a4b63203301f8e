import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A PostgreSQL server of the test run's own, in a temporary folder, on loopback. */
export interface PostgresServer {
  readonly port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>`: trust authentication, no password. */
  url(database: string): string;
  /** Stops the server at once and removes its folder. */
  stop(): void;
}

/** Debian installs each major version's programs in its own folder, off the PATH. */
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The folder holding initdb and pg_ctl: on the PATH first, then Debian's newest version. */
export function findPostgresBin(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(DEBIAN_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(DEBIAN_ROOT, versions[0], 'bin') : undefined;
}

/** A port nobody listens on now (the server takes it a moment later). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * initdb refuses to run as root, and the server refuses a data folder that another user owns:
 * as root, the folder is handed to the `postgres` user and every program runs as that user.
 */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      'running as root, PostgreSQL needs the unprivileged user "postgres" (apt-get install postgresql makes it)',
    );
  }
}

function run(bin: string, program: string, args: string[], user: boolean): void {
  const command = user ? 'runuser' : join(bin, program);
  const fullArgs = user ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${program} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr || result.stdout}`,
    );
  }
}

/**
 * initdb into a temporary folder, then `pg_ctl start` on a free loopback port with durability
 * off (fsync, synchronous commit, full-page writes: a test server's data is thrown away), and
 * the Unix socket inside the folder. Resolves once the server accepts connections.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL is not installed: no initdb on the PATH or in /usr/lib/postgresql/*/bin (apt-get install postgresql)',
    );
  }
  const owner = runAs();
  const folder = mkdtempSync(join(tmpdir(), 'ledger-postgres-'));
  const data = join(folder, 'data');
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    if (owner) chownSync(folder, owner.uid, owner.gid);
    // C collation: text sorts by bytes, as SQLite sorts it.
    run(
      bin,
      'initdb',
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
      !!owner,
    );
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${folder}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    run(
      bin,
      'pg_ctl',
      ['start', '-D', data, '-l', join(folder, 'server.log'), '-w', '-t', '60', '-o', settings],
      !!owner,
    );
    const reaper = startReaper(bin, data, folder, !!owner);
    let stopped = false;
    return {
      port,
      url: (database) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`,
      stop: () => {
        if (stopped) return;
        stopped = true;
        try {
          reaper.kill();
          run(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w'], !!owner);
        } finally {
          remove();
        }
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * A test run killed before its teardown (Ctrl-C, a crash) would leave its server running and
 * its folder behind: a detached shell waits for this process to end, then stops the server and
 * removes the folder. `stop()` ends it first.
 */
function startReaper(bin: string, data: string, folder: string, asPostgres: boolean) {
  const pgCtl = `${asPostgres ? 'runuser -u postgres -- ' : ''}"$1/pg_ctl" stop -D "$2" -m immediate`;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; ${pgCtl} >/dev/null 2>&1; rm -rf "$3"`;
  const reaper = spawn('sh', ['-c', script, 'reaper', bin, data, folder], {
    detached: true,
    stdio: 'ignore',
  });
  reaper.unref();
  return reaper;
}
