import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../apps/billing/src/cli';

describe('npm run cli -- api-keys (e2e, real ledger file)', () => {
  let dir: string;
  const saved = { ...process.env };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'billing-cli-'));
    process.env.DATABASE_URL = `sqlite:${join(dir, 'ledger.sqlite')}`;
    delete process.env.XIMA_BASE_URL;
    delete process.env.XIMA_API_KEY;
  });

  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  }

  it('creates a key and prints it once; list shows its prefix, never the key', async () => {
    const created = await cli(
      'api-keys',
      'create',
      '--name',
      'Front office',
      '--role',
      'accountant',
    );
    expect(created.code).toBe(0);
    expect(created.out).toHaveLength(1);
    const key = created.out[0];
    expect(key).toMatch(/^xbk_[A-Za-z0-9_-]{43}$/);
    expect(created.err.join('\n')).toContain('Front office');

    const listed = await cli('api-keys', 'list');
    expect(listed.code).toBe(0);
    expect(listed.out.join('\n')).toContain(
      `${key.slice(0, 10)}…\taccountant\tactive\tFront office`,
    );
    expect(listed.out.join('\n')).not.toContain(key);
  });

  it('revokes a key', async () => {
    const created = await cli('api-keys', 'create', '--name', 'Temp', '--role', 'viewer');
    const id = (await cli('api-keys', 'list')).out
      .find((l) => l.endsWith('\tTemp'))!
      .split('\t')[0];
    await expect(cli('api-keys', 'revoke', id)).resolves.toMatchObject({ code: 0 });
    const listed = await cli('api-keys', 'list');
    expect(listed.out.find((l) => l.endsWith('\tTemp'))).toContain('revoked');
    expect(created.code).toBe(0);
  });

  it.each([
    [
      ['api-keys', 'create', '--name', 'X', '--role', 'owner'],
      /Allowed choices are viewer, accountant, admin/,
    ],
    [['api-keys', 'create', '--role', 'viewer'], /--name/],
    [['api-keys', 'revoke', '999'], /API key 999 does not exist/],
    [['api-keys', 'revoke', 'abc'], /positive integer/],
  ])('refuses %j with a clear message and a non-zero exit', async (argv, message) => {
    const before = (await cli('api-keys', 'list')).out.length;
    const result = await cli(...argv);
    expect(result.code).not.toBe(0);
    expect(result.err.join('\n')).toMatch(message);
    expect((await cli('api-keys', 'list')).out).toHaveLength(before);
  });

  it('refuses a bad configuration in one line', async () => {
    process.env.PORT = 'abc';
    try {
      const result = await cli('api-keys', 'list');
      expect(result).toEqual({
        code: 1,
        out: [],
        err: ['Configuration error: PORT must be an integer between 1 and 65535 (got "abc")'],
      });
    } finally {
      delete process.env.PORT;
    }
  });
});
