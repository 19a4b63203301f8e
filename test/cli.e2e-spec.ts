import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../apps/billing/src/cli';
import { fixturePath, samplePlan, samplePlanPath } from './support/fixtures';

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

  describe('rate-plans', () => {
    const hotelFile = samplePlanPath('grand-hotel');

    it('imports a plan file, and importing it again changes nothing', async () => {
      const first = await cli('rate-plans', 'import', hotelFile);
      expect(first).toMatchObject({
        code: 0,
        err: [expect.stringMatching(/^Created rate plan \d+ "Grand Hotel guest calls"$/)],
      });
      const again = await cli('rate-plans', 'import', hotelFile);
      expect(again).toMatchObject({ code: 0, err: [expect.stringContaining('nothing changed')] });
      const listed = await cli('rate-plans', 'list');
      expect(listed.out.filter((l) => l.endsWith('\tGrand Hotel guest calls'))).toHaveLength(1);
    });

    it('exports what it imported, ready to import again', async () => {
      const id = (await cli('rate-plans', 'list')).out
        .find((l) => l.endsWith('\tGrand Hotel guest calls'))!
        .split('\t')[0];
      const exported = await cli('rate-plans', 'export', id);
      expect(exported.code).toBe(0);
      const document = JSON.parse(exported.out.join('\n'));
      expect(document).toEqual({
        effectiveFrom: '1970-01-01T00:00:00.000Z',
        ...samplePlan('grand-hotel'),
      });
      const file = join(dir, 'exported.json');
      writeFileSync(file, exported.out.join('\n'));
      await expect(cli('rate-plans', 'import', file)).resolves.toMatchObject({
        code: 0,
        err: [expect.stringContaining('nothing changed')],
      });
    });

    it('adds a version when the file changed', async () => {
      const changed = {
        ...samplePlan('grand-hotel'),
        effectiveFrom: '2027-01-01T00:00:00-07:00',
        gracePeriodSeconds: 20,
      };
      const file = join(dir, 'changed.json');
      writeFileSync(file, JSON.stringify(changed));
      const result = await cli('rate-plans', 'import', file);
      expect(result).toMatchObject({
        code: 0,
        err: [expect.stringMatching(/^Added version 2 to rate plan/)],
      });
    });

    it("imports a carrier's CSV rate table as a new version", async () => {
      const id = (await cli('rate-plans', 'list')).out
        .find((l) => l.endsWith('\tGrand Hotel guest calls'))!
        .split('\t')[0];
      const result = await cli(
        'rate-plans',
        'import-rates',
        id,
        fixturePath('rate-plans/carrier-rates.csv'),
        '--effective-from',
        '2027-06-01T00:00:00-06:00',
      );
      expect(result).toMatchObject({
        code: 0,
        err: [expect.stringMatching(/^Added version 3 to rate plan/)],
      });
      const plan = JSON.parse((await cli('rate-plans', 'export', id)).out.join('\n'));
      expect(plan.effectiveFrom).toBe('2027-06-01T06:00:00.000Z');
      expect(plan.destinations).toContainEqual({ prefix: '49', class: 'europe' });
      expect(plan.rates.europe).toEqual({
        connectFee: '2.00',
        perMinute: '1.40',
        firstIncrementSeconds: 60,
        incrementSeconds: 60,
      });
      // Kept from the plan: the free flag and the weekend band.
      expect(plan.rates.emergency).toEqual({ free: true });
      expect(plan.rates['long-distance'].timeBands).toHaveLength(1);
      expect(plan.rates['long-distance'].perMinute).toBe('0.39');
      expect(plan.gracePeriodSeconds).toBe(20);
    });

    it('refuses a bad rate table with line numbers, and stores nothing', async () => {
      const id = (await cli('rate-plans', 'list')).out
        .find((l) => l.endsWith('\tGrand Hotel guest calls'))!
        .split('\t')[0];
      const before = await cli('rate-plans', 'export', id);
      const file = join(dir, 'bad-rates.csv');
      writeFileSync(
        file,
        [
          'prefix,class,connectFee,perMinute,firstIncrementSeconds,incrementSeconds,minimumCharge,maximumCharge',
          '1,long-distance,1.00,0.45,60,6,,',
          '1x,local,0.75,0,0,60,,',
          '44,uk,2.00,1.2.0,60,60,,',
          '1,dup,1.00,0.45,60,6,,',
          '33,long-distance,1.00,0.50,60,6,,',
          '',
        ].join('\n'),
      );
      const result = await cli('rate-plans', 'import-rates', id, file);
      expect(result.code).toBe(1);
      expect(result.err.slice(1)).toEqual([
        '  line 3: prefix must be digits',
        '  line 4: perMinute must be a decimal string such as "12.50"',
        '  line 5: prefix "1" is already on line 2',
        '  line 6: class "long-distance" has other rates on line 2',
      ]);
      await expect(cli('rate-plans', 'export', id)).resolves.toEqual(before);
    });

    it('names the CSV line of an error found by plan validation, and takes odd class names', async () => {
      const id = (await cli('rate-plans', 'list')).out
        .find((l) => l.endsWith('\tGrand Hotel guest calls'))!
        .split('\t')[0];
      const header =
        'prefix,class,connectFee,perMinute,firstIncrementSeconds,incrementSeconds,minimumCharge,maximumCharge';
      const file = join(dir, 'precise-rates.csv');
      writeFileSync(
        file,
        [header, '1,long-distance,1.00,0.45,60,6,,', '44,uk,1.005,1.20,60,0,,', ''].join('\n'),
      );
      const result = await cli('rate-plans', 'import-rates', id, file);
      expect(result.code).toBe(1);
      expect(result.err.slice(1)).toEqual([
        '  line 3: connectFee has more than 2 decimals (USD) (class uk)',
        '  line 3: incrementSeconds must be an integer from 1 to 86400 (class uk)',
      ]);
      writeFileSync(
        file,
        [header, '1,constructor,1.00,0.45,60,6,,', ',toString,2.00,2.50,60,60,,', ''].join('\n'),
      );
      await expect(
        cli('rate-plans', 'import-rates', id, file, '--effective-from', '2028-01-01T00:00:00Z'),
      ).resolves.toMatchObject({ code: 0 });
      const plan = JSON.parse((await cli('rate-plans', 'export', id)).out.join('\n'));
      expect(Object.keys(plan.rates)).toEqual(['constructor', 'toString']);
      expect(Object.getPrototypeOf(plan.rates)).toBe(Object.prototype);
    });

    it('imports a file without effectiveFrom as a version from now, then finds it unchanged, whatever the key order', async () => {
      const plan = { ...samplePlan('porter-lane-calls') };
      const file = join(dir, 'firm.json');
      writeFileSync(file, JSON.stringify(plan));
      await expect(cli('rate-plans', 'import', file)).resolves.toMatchObject({
        code: 0,
        err: [expect.stringMatching(/^Created/)],
      });
      writeFileSync(file, JSON.stringify({ ...plan, markupPercent: '20' }));
      await expect(cli('rate-plans', 'import', file)).resolves.toMatchObject({
        code: 0,
        err: [expect.stringMatching(/^Added version 2 to rate plan/)],
      });
      const reordered = Object.fromEntries(
        Object.entries({ ...plan, markupPercent: '20' }).reverse(),
      );
      writeFileSync(file, JSON.stringify(reordered));
      await expect(cli('rate-plans', 'import', file)).resolves.toMatchObject({
        code: 0,
        err: [expect.stringContaining('nothing changed')],
      });
    });

    it('refuses an invalid plan file, naming each field', async () => {
      const file = join(dir, 'invalid.json');
      writeFileSync(
        file,
        JSON.stringify({
          ...samplePlan('grand-hotel'),
          name: 'Other',
          currency: 'usd',
        }),
      );
      const result = await cli('rate-plans', 'import', file);
      expect(result.code).toBe(1);
      expect(result.err.join('\n')).toContain('currency');
      expect((await cli('rate-plans', 'list')).out.join('\n')).not.toContain('Other');
      writeFileSync(file, '{ not json');
      await expect(cli('rate-plans', 'import', file)).resolves.toMatchObject({
        code: 1,
        err: [expect.stringContaining('is not valid JSON')],
      });
    });
  });
});
