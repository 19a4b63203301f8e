import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

/**
 * The Node versions this project supports (package.json `engines.node`) must be supported by
 * every package it installs: one whose own `engines.node` leaves a supported version out makes
 * `npm ci` print an EBADENGINE warning on that version, and may not run there at all. See
 * docs/decisions/0014-supported-node-versions.md.
 */

interface LockedPackage {
  version?: string;
  engines?: { node?: unknown } | unknown[];
}

interface Lockfile {
  packages: Record<string, LockedPackage>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as T;
}

/** Each locked package whose `engines.node` does not accept every version of `supported`. */
function packagesLeavingOut(supported: string, lockfile: Lockfile): string[] {
  return Object.entries(lockfile.packages).flatMap(([path, pkg]) => {
    const engines = pkg.engines;
    // Some old packages give `engines` as an array of strings, which npm ignores.
    const node = engines && !Array.isArray(engines) ? engines.node : undefined;
    if (path === '' || typeof node !== 'string') return [];
    if (semver.subset(supported, node)) return [];
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    return [`${name}@${pkg.version} wants node ${node}`];
  });
}

/** The lowest version of each range in `supported`, e.g. 20.19.0, 22.13.0 and 24.11.0. */
function lowestVersions(supported: string): string[] {
  return new semver.Range(supported).set.map((comparators) =>
    String(semver.minVersion(comparators.map((c) => c.value).join(' '))),
  );
}

describe('supported Node versions', () => {
  const supported = readJson<{ engines: { node: string } }>('package.json').engines.node;
  const lockfile = readJson<Lockfile>('package-lock.json');

  it('are a valid range that starts at Node 20.19, where require(esm) loads Nest 12', () => {
    expect(semver.validRange(supported)).not.toBeNull();
    expect(lowestVersions(supported)[0]).toBe('20.19.0');
  });

  it('include the Node running the tests', () => {
    expect(semver.satisfies(process.version, supported)).toBe(true);
  });

  it('are supported by every package in package-lock.json', () => {
    expect(packagesLeavingOut(supported, lockfile)).toEqual([]);
  });

  it('are checked on every version, not only the lowest of each line', () => {
    const planted: Lockfile = {
      packages: {
        '': { version: '0.1.0', engines: { node: supported } },
        'node_modules/nestjs-pino': { version: '5.2.1', engines: { node: '>=22.12.0' } },
        'node_modules/typeorm': {
          version: '1.1.1',
          engines: { node: '^20.19.0 || ^22.13.0 || >=24.11.0' },
        },
        'node_modules/a/node_modules/b': { version: '1.0.0', engines: { node: '^20.19.0' } },
        'node_modules/old': { version: '0.0.1', engines: ['node >= 0.4'] },
        'node_modules/none': { version: '1.0.0' },
      },
    };
    expect(packagesLeavingOut('^20.19.0 || ^22.13.0', planted)).toEqual([
      'nestjs-pino@5.2.1 wants node >=22.12.0',
      'b@1.0.0 wants node ^20.19.0',
    ]);
    expect(packagesLeavingOut('^20.19.0 || ^22.12.0', planted)).toContain(
      'typeorm@1.1.1 wants node ^20.19.0 || ^22.13.0 || >=24.11.0',
    );
    expect(lowestVersions('^20.19.0 || ^22.13.0 || ^24.11.0')).toEqual([
      '20.19.0',
      '22.13.0',
      '24.11.0',
    ]);
  });
});
