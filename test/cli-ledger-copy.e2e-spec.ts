import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLedgerDataSource } from '@app/ledger';
import { seedWholeLedger } from '@app/ledger/testing';
import { runCli } from '../apps/billing/src/cli';
import { LEDGER_MIGRATIONS } from '@app/ledger';

describe('npm run cli -- ledger copy (e2e, ledger files)', () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'billing-cli-ledger-copy-'));
    const source = await openLedgerDataSource({ kind: 'sqlite', path: join(dir, 'source.sqlite') });
    try {
      await seedWholeLedger(source);
    } finally {
      await source.destroy();
    }
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const progress: string[] = [];
    const code = await runCli(
      argv,
      { out: (l) => out.push(l), err: (l) => err.push(l), progress: (l) => progress.push(l) },
      dir,
    );
    return { code, out, err, progress };
  }

  it('copies a ledger file into a new one a page at a time, says how far it is, and prints the check', async () => {
    const copy = await cli(
      'ledger',
      'copy',
      '--from',
      'sqlite:source.sqlite',
      '--to',
      'sqlite:copy.sqlite',
      '--page-size',
      '10',
    );
    expect(copy.err[0]).toBe(
      `Copying sqlite:${join(dir, 'source.sqlite')} into sqlite:${join(dir, 'copy.sqlite')}`,
    );
    expect(copy.code).toBe(0);
    expect(copy.progress.some((l) => /^line_items 20\/41 rows · [\d,]+ rows\/s$/.test(l))).toBe(
      true,
    );
    expect(copy.err).toContainEqual(
      expect.stringMatching(/^line_items +41 rows {2}[\d,]+ rows\/s$/),
    );
    expect(copy.out).toContainEqual(
      expect.stringMatching(
        /^same {4}line_items +rows 41 · GBP rows 1 · GBP rated_amount_minor 1,125,899,906,842,624 · .*USD amount_minor 4,820/,
      ),
    );
    expect(copy.out.filter((l) => l.startsWith('DIFFERS'))).toEqual([]);
    expect(copy.out[copy.out.length - 1]).toMatch(
      /^Copied [\d,]+ rows in [\d.]+ s \([\d,]+ rows\/s\); every table agrees\.$/,
    );

    const copied = await openLedgerDataSource({ kind: 'sqlite', path: join(dir, 'copy.sqlite') });
    try {
      await expect(copied.query(`SELECT count(*) AS n FROM line_items`)).resolves.toEqual([
        { n: 41 },
      ]);
    } finally {
      await copied.destroy();
    }

    const again = await cli(
      'ledger',
      'copy',
      '--from',
      'sqlite:source.sqlite',
      '--to',
      'sqlite:copy.sqlite',
    );
    expect(again.code).toBe(1);
    expect(again.err).toContain(
      'Error: the target ledger is not empty (api_keys has rows): ledger copy writes only into a new, empty ledger',
    );
  });

  it.each([
    [
      'a source file that is not there',
      ['--from', 'sqlite:missing.sqlite', '--to', 'sqlite:new.sqlite'],
      /^Error: there is no ledger file at .*missing\.sqlite$/,
    ],
    [
      'the same ledger on both sides',
      ['--from', 'sqlite:source.sqlite', '--to', 'sqlite:./source.sqlite'],
      /^Error: the source and the target are the same ledger$/,
    ],
    [
      'a target that is no database URL',
      ['--from', 'sqlite:source.sqlite', '--to', 'mysql://db/ledger'],
      /^Error: --to must be sqlite:<path>/,
    ],
    [
      'a page size of nothing',
      ['--from', 'sqlite:source.sqlite', '--to', 'sqlite:new.sqlite', '--page-size', '0'],
      /^Error: --page-size must be a positive integer$/,
    ],
  ])('refuses %s', async (_case, argv, message) => {
    const result = await cli('ledger', 'copy', ...argv);
    expect(result.code).toBe(1);
    expect(result.err[result.err.length - 1]).toMatch(message);
  });

  it('refuses a source of an older version, and leaves it as it was', async () => {
    copyFileSync(join(dir, 'source.sqlite'), join(dir, 'old.sqlite'));
    const old = new Database(join(dir, 'old.sqlite'));
    old.prepare(`DELETE FROM migrations WHERE name = 'LawFirms1796400000000'`).run();
    old.close();
    const result = await cli(
      'ledger',
      'copy',
      '--from',
      'sqlite:old.sqlite',
      '--to',
      'sqlite:new.sqlite',
    );
    expect(result.code).toBe(1);
    expect(result.err[result.err.length - 1]).toBe(
      `Error: the ledger at ${join(dir, 'old.sqlite')} is of an older version than this program: start the service on it once (it brings its ledger up to date), then copy it`,
    );
    const after = new Database(join(dir, 'old.sqlite'), { readonly: true });
    // Every migration but the one taken out: the copy migrated nothing.
    expect(after.prepare(`SELECT count(*) AS n FROM migrations`).get()).toEqual({
      n: LEDGER_MIGRATIONS.length - 1,
    });
    after.close();
  });

  it('names a PostgreSQL server it cannot reach without its password', async () => {
    const result = await cli(
      'ledger',
      'copy',
      '--from',
      'sqlite:source.sqlite',
      '--to',
      'postgres://billing:s3cret-Pa55@127.0.0.1:1/ledger',
    );
    expect(result.code).toBe(1);
    expect(result.err[0]).toBe(
      `Copying sqlite:${join(dir, 'source.sqlite')} into postgres://billing:***@127.0.0.1:1/ledger`,
    );
    expect(result.err[result.err.length - 1]).toMatch(
      /^Error: cannot open the ledger at postgres:\/\/billing:\*\*\*@127\.0\.0\.1:1\/ledger: .*ECONNREFUSED/,
    );
    expect([...result.out, ...result.err].join('\n')).not.toContain('s3cret');
  });
});
