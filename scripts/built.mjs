// What `npm run cli`, `npm run sandbox` and `npm run bench` share: build dist/ only when a
// source is newer than the build, then run a built entry with node. Plain Node (no build
// step of its own), so that it can decide whether one is needed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { join, relative } from 'node:path';

/** What `nest build` compiles (tsconfig.build.json's `include`) and the files that steer it. */
const SOURCE_DIRS = ['apps', 'libs', 'bench'];
const SOURCE_FILES = ['ormconfig.ts', 'nest-cli.json'];

/** Files the build leaves out (tsconfig.build.json's `exclude`): editing one needs no build. */
const NOT_BUILT = /\.(spec|e2e-spec)\.ts$/;

/** The console is Vite's to build (`npm run build:console`), not `nest build`'s. */
const NOT_BUILT_DIRS = new Set([join('apps', 'console')]);

/**
 * The newest thing a build reads, by modification time: a file of apps/, libs/ or bench/ (a
 * directory counts too, so that a deleted or renamed file makes the build stale), ormconfig.ts,
 * nest-cli.json or a tsconfig*.json. Null when there is none.
 */
export function newestSource(root) {
  let newest = null;
  const consider = (path, mtimeMs) => {
    if (newest === null || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  };
  const walk = (dir) => {
    if (NOT_BUILT_DIRS.has(relative(root, dir))) return;
    consider(dir, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !NOT_BUILT.test(entry.name))
        consider(path, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  const configs = readdirSync(root).filter((name) => /^tsconfig.*\.json$/.test(name));
  for (const name of [...SOURCE_FILES, ...configs]) {
    const path = join(root, name);
    if (existsSync(path)) consider(path, statSync(path).mtimeMs);
  }
  return newest;
}

/** Why `entry` (a path under root) must be built again, or null when it is current. */
export function staleReason(root, entry) {
  const built = join(root, entry);
  if (!existsSync(built)) return `${entry} is not built yet`;
  const newest = newestSource(root);
  if (newest === null || newest.mtimeMs <= statSync(built).mtimeMs) return null;
  return `${relative(root, newest.path)} is newer than ${entry}`;
}

/** How long to wait for another process's build before giving up. */
const LOCK_WAIT_MS = 10 * 60_000;

/**
 * Builds `project` with `nest build` when `entry` is stale, saying why in one line on stderr;
 * nest's own output goes to stderr too, so that stdout holds only what the entry writes. One
 * build at a time per checkout: nest-cli.json's `deleteOutDir` empties dist/ first, and two
 * overlapping builds (two test workers running the CLI) would delete each other's output.
 * Returns the build's exit code (0 when nothing was to be done).
 */
export function buildIfStale(root, project, entry, log = (line) => process.stderr.write(line)) {
  if (staleReason(root, entry) === null) return 0;
  const release = lock(root);
  try {
    const reason = staleReason(root, entry); // another process may have built it meanwhile
    if (reason === null) return 0;
    log(`${reason}: nest build ${project}\n`);
    const nest = join(root, 'node_modules/@nestjs/cli/bin/nest.js');
    const build = spawnSync(process.execPath, [nest, 'build', project], {
      cwd: root,
      stdio: ['ignore', 2, 2],
    });
    if (build.error) throw build.error;
    // A failed build may still have written the entry: remove it, so that the next run builds.
    if (build.status !== 0) rmSync(join(root, entry), { force: true });
    return build.status ?? 1;
  } finally {
    release();
  }
}

/** Where Vite writes the console (served by the billing service at `/`). */
export const CONSOLE_DIST = join('apps', 'console', 'dist');

/** The newest file of the console's sources (apps/console less its dist/), or null. */
function newestConsoleSource(root) {
  let newest = 0;
  const walk = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (relative(root, path) !== CONSOLE_DIST) walk(path);
      } else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'apps', 'console'));
  for (const name of ['package-lock.json'])
    newest = Math.max(newest, statSync(join(root, name)).mtimeMs);
  return newest;
}

/**
 * Builds the console with Vite when apps/console/dist/index.html is missing or older than a
 * source, under the same lock as `nest build`. Returns Vite's exit code (0 when current).
 */
export function buildConsoleIfStale(root, log = (line) => process.stderr.write(line)) {
  const index = join(root, CONSOLE_DIST, 'index.html');
  const current = () => existsSync(index) && statSync(index).mtimeMs >= newestConsoleSource(root);
  if (current()) return 0;
  const release = lock(root);
  try {
    if (current()) return 0;
    log(`the console is not built or older than its sources: vite build\n`);
    const vite = join(root, 'node_modules/vite/bin/vite.js');
    const build = spawnSync(
      process.execPath,
      [vite, 'build', '--config', join('apps', 'console', 'vite.config.mts'), '--logLevel', 'warn'],
      // A production build whatever NODE_ENV the caller has (Jest sets `test`, and Vite would
      // then bundle React's development build: twice the size, far slower).
      { cwd: root, stdio: ['ignore', 2, 2], env: { ...process.env, NODE_ENV: 'production' } },
    );
    if (build.error) throw build.error;
    if (build.status !== 0) rmSync(index, { force: true });
    return build.status ?? 1;
  } finally {
    release();
  }
}

/** A lock directory for builds of this checkout, holding its owner's pid; returns its release. */
function lock(root) {
  const id = createHash('sha256').update(root).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `xima-billing-build-${id}.lock`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (ownerGone(dir)) rmSync(dir, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`another build still holds ${dir}`);
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
}

/** The lock's owner has exited (or never wrote its pid, a while ago). */
function ownerGone(dir) {
  let pid;
  try {
    pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
  } catch {
    try {
      return Date.now() - statSync(dir).mtimeMs > 10_000;
    } catch {
      return false; // released meanwhile: try again
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

/** How long a signal has to reach the entry on its own before it is passed on. */
const SIGNAL_GRACE_MS = 1000;

/**
 * Runs `node [nodeFlags] entry args` in the foreground and exits as it exits. A signal may reach
 * the entry twice: a terminal's Ctrl-C (or a hang-up, or a kill of the process group) reaches
 * every process of the group, the entry included, while npm passes on to this process what it
 * receives itself. So a signal is passed on once, and only when the entry is still running a
 * moment later: an entry stopping gracefully is not interrupted by a second one.
 */
export function runEntry(root, entry, args, nodeFlags = []) {
  const child = spawn(process.execPath, [...nodeFlags, join(root, entry), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  const pending = new Map();
  const running = () => child.exitCode === null && child.signalCode === null;
  const passOn = (signal) => {
    if (pending.has(signal)) return;
    const timer = setTimeout(() => {
      pending.delete(signal);
      if (running()) child.kill(signal);
    }, SIGNAL_GRACE_MS);
    pending.set(signal, timer);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, passOn);
  child.on('error', (error) => {
    process.stderr.write(`cannot run ${entry}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const timer of pending.values()) clearTimeout(timer);
    for (const name of signals) process.off(name, passOn);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
