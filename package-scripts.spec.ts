import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCHMARKS } from './scripts/benchmarks.mjs';
import { newestSource, staleReason } from './scripts/built.mjs';

/**
 * What package.json promises a newcomer: `npm run cli` and `npm run sandbox` build only when a
 * source is newer than the build (scripts/built.mjs), `npm run bench` knows every benchmark,
 * and `dependencies` holds only what runs in production.
 */

interface PackageJson {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const root = __dirname;
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const pkg = readJson<PackageJson>(join(root, 'package.json'));

describe('a build is current until a source is newer (scripts/built.mjs)', () => {
  let dir: string;
  const at = (path: string, seconds: number) => utimesSync(join(dir, path), seconds, seconds);
  const entry = 'dist/apps/billing/src/cli.js';

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'built-'));
    for (const folder of ['apps/billing/src', 'libs/common/src', 'dist/apps/billing/src']) {
      mkdirSync(join(dir, folder), { recursive: true });
    }
    for (const file of [
      'apps/billing/src/cli.ts',
      'libs/common/src/text.ts',
      'libs/common/src/text.spec.ts',
      'nest-cli.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'README.md',
      entry,
    ]) {
      writeFileSync(join(dir, file), '');
    }
    for (const path of [
      'apps',
      'apps/billing',
      'apps/billing/src',
      'apps/billing/src/cli.ts',
      'libs',
      'libs/common',
      'libs/common/src',
      'libs/common/src/text.ts',
      'libs/common/src/text.spec.ts',
      'nest-cli.json',
      'tsconfig.json',
      'tsconfig.build.json',
    ]) {
      at(path, 1_000);
    }
    at(entry, 2_000);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is current when the entry is newer than every source', () => {
    expect(staleReason(dir, entry)).toBeNull();
  });

  it('is stale when the entry is missing', () => {
    rmSync(join(dir, entry));
    expect(staleReason(dir, entry)).toBe(`${entry} is not built yet`);
  });

  it.each([
    ['a source of a lib', 'libs/common/src/text.ts'],
    ['a source of an app', 'apps/billing/src/cli.ts'],
    ['nest-cli.json', 'nest-cli.json'],
    ['a tsconfig', 'tsconfig.build.json'],
    ['a folder whose file was deleted or renamed', 'libs/common/src'],
  ])('is stale when %s is newer, and says which', (_what, path) => {
    at(path, 3_000);
    expect(staleReason(dir, entry)).toBe(`${path} is newer than ${entry}`);
  });

  it('stays current when only a spec or a file outside the build changes', () => {
    at('libs/common/src/text.spec.ts', 3_000);
    at('README.md', 3_000);
    expect(staleReason(dir, entry)).toBeNull();
    at('tsconfig.build.json', 1_500);
    expect(newestSource(dir)).toEqual({ path: join(dir, 'tsconfig.build.json'), mtimeMs: 1.5e6 });
  });
});

describe('npm run bench', () => {
  const benchFiles = readdirSync(join(root, 'bench'))
    .filter((name) => name.endsWith('.bench.ts'))
    .map((name) => name.slice(0, -'.bench.ts'.length))
    .sort();

  it('lists every benchmark of bench/, each with a bench:<name> script', () => {
    expect(BENCHMARKS.map((bench) => bench.name).sort()).toEqual(benchFiles);
    for (const { name, entry } of BENCHMARKS) {
      expect(pkg.scripts[`bench:${name}`]).toBe(`node scripts/bench.mjs ${name}`);
      expect(entry).toBe(`dist/bench/${name}.bench.js`);
    }
    expect(pkg.scripts.bench).toBe('node scripts/bench.mjs');
  });

  it.each(BENCHMARKS.map((bench) => [bench.name, bench.flags]))(
    "lists %s's flags as its own usage line gives them",
    (name, flags) => {
      const source = readFileSync(join(root, 'bench', `${name}.bench.ts`), 'utf8');
      expect(source).toContain(`'bench:${name} ${flags}'`);
    },
  );
});

describe('runtime dependencies', () => {
  /** Every file of a folder, but specs, test fixtures and what a build leaves out. */
  function productionFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : productionFiles(path);
      return /\.ts$/.test(entry.name) && !/\.(spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
    });
  }

  /** The packages production code imports, and the peers those need beside them. */
  function usedInProduction(): Set<string> {
    const used = new Set<string>();
    const files = [...productionFiles(join(root, 'apps')), ...productionFiles(join(root, 'libs'))];
    for (const file of [...files, join(root, 'ormconfig.ts')]) {
      const source = readFileSync(file, 'utf8');
      for (const [, name] of source.matchAll(
        /(?:from|import|require\()\s*'((?:@[^/']+\/)?[^/'.][^/']*)/g,
      )) {
        used.add(name);
      }
    }
    for (const name of [...used]) {
      if (!(name in pkg.dependencies)) continue;
      const manifest = readJson<{ peerDependencies?: Record<string, string> }>(
        join(root, 'node_modules', name, 'package.json'),
      );
      for (const peer of Object.keys(manifest.peerDependencies ?? {})) used.add(peer);
    }
    return used;
  }

  it('are each imported by production code (or needed beside a package that is)', () => {
    const used = usedInProduction();
    expect(Object.keys(pkg.dependencies).filter((name) => !used.has(name))).toEqual([]);
  });

  it('are pinned to exact versions, as are the development ones', () => {
    const ranges = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
      ([, version]) => !/^\d+\.\d+\.\d+$/.test(version),
    );
    expect(ranges).toEqual([]);
  });

  it('leave out what only tests use (decimal.js checks the engine)', () => {
    expect(pkg.dependencies).not.toHaveProperty(['decimal.js']);
    expect(pkg.devDependencies).toHaveProperty(['decimal.js']);
  });
});
