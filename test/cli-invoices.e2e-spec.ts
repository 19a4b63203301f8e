import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Ledger } from '@app/ledger';
import { runCli, userDirectory } from '../apps/billing/src/cli';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { seedItems, seedSource } from './support/line-items';
import { samplePlan } from './support/fixtures';

const T0 = Date.parse('2026-03-02T07:00:00Z');
/** The formats of a law firm's invoice (pms is a hotel's). */
const FORMATS = ['csv', 'json', 'ledes1998b', 'pdf'] as const;
const root = resolve(__dirname, '..');

describe('npm run cli -- invoices export (e2e, real ledger file)', () => {
  let dir: string;
  let number: string;
  let voided: string;
  /** What the API serves for the finalised invoice, format by format. */
  const served = new Map<string, Buffer>();
  const saved = { ...process.env };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'billing-cli-invoices-'));
    const ledger = `sqlite:${join(dir, 'ledger.sqlite')}`;
    const t: TestApp = await createTestApp({ DATABASE_URL: ledger });
    try {
      const http = () => request(t.app.getHttpServer());
      await http()
        .patch('/api/v1/businesses/1')
        .set(...bearer(t.adminKey))
        .send({ name: 'Porter & Lane LLP', kind: 'law-firm' })
        .expect(200);
      const seeded = await seedSource(t, 'Porter Lane', samplePlan('porter-lane-calls'));
      await seedItems(t.app.get(DataSource), seeded, [
        { startTimeMs: T0, billingAccount: '10234-001', status: 'approved', amountMinor: 150 },
        {
          startTimeMs: T0 + 3_600_000,
          billingAccount: '10234-001',
          status: 'approved',
          amountMinor: 1700,
          dialedNumber: '=cmd|calc',
        },
        { startTimeMs: T0, billingAccount: '10234-002', status: 'approved', amountMinor: 90 },
      ]);
      const period = {
        periodStart: '2026-03-01T00:00:00-07:00',
        periodEnd: '2026-04-01T00:00:00-06:00',
      };
      const draft = async (billingAccount: string): Promise<number> =>
        (
          await http()
            .post('/api/v1/invoices')
            .set(...bearer(t.adminKey))
            .send({ billingAccount, ...period })
            .expect(201)
        ).body.id;
      const finalize = async (id: number): Promise<string> =>
        (
          await http()
            .post(`/api/v1/invoices/${id}/finalize`)
            .set(...bearer(t.adminKey))
            .expect(200)
        ).body.number;
      const id = await draft('10234-001');
      number = await finalize(id);
      const other = await draft('10234-002');
      voided = await finalize(other);
      await http()
        .post(`/api/v1/invoices/${other}/void`)
        .set(...bearer(t.adminKey))
        .send({ reason: 'Billed to the wrong room' })
        .expect(200);
      for (const format of FORMATS) {
        const response = await http()
          .get(`/api/v1/invoices/${id}/export?format=${format}`)
          .set(...bearer(t.adminKey))
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        served.set(format, response.body as Buffer);
      }
      const disbursements = await http()
        .get(`/api/v1/invoices/${id}/export?format=disbursements&template=clio-activities`)
        .set(...bearer(t.adminKey))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      served.set('disbursements', disbursements.body as Buffer);
    } finally {
      await t.close();
    }
    process.env.DATABASE_URL = ledger;
    delete process.env.XIMA_BASE_URL;
    delete process.env.XIMA_API_KEY;
  });

  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  const inDir = (name: string) => join(dir, name);
  /** The files in the directory but the ledger's own. */
  const written = () =>
    readdirSync(dir)
      .filter((name) => !name.startsWith('ledger.sqlite'))
      .sort();

  async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  }

  it.each(FORMATS)(
    'writes the finalised invoice as %s, byte for byte what the API serves',
    async (format) => {
      const out = join(dir, `invoice.${format}`);
      const result = await cli('invoices', 'export', number, '--format', format, '--out', out);
      expect(result).toMatchObject({ code: 0, out: [] });
      const written = readFileSync(out);
      expect(written.length).toBeGreaterThan(100);
      expect(written.equals(served.get(format)!)).toBe(true);
      expect(result.err.join('\n')).toBe(
        `Wrote ${number} (finalized) as ${format} to ${out}: ${written.length.toLocaleString('en-US')} bytes`,
      );
    },
  );

  it('writes a disbursement file in the template asked for', async () => {
    const before = written();
    const file = inDir('clio.csv');
    const result = await cli(
      'invoices',
      'export',
      number,
      '--format',
      'disbursements',
      '--template',
      'clio-activities',
      '--out',
      file,
    );
    expect(result.code).toBe(0);
    expect(written()).toEqual([...before, 'clio.csv'].sort());
    expect(readFileSync(file).equals(served.get('disbursements')!)).toBe(true);
    rmSync(file);
  });

  it('writes the LEDES file the issue names, over a stale one, and nothing else', async () => {
    const out = join(dir, 'invoice.txt');
    writeFileSync(out, 'stale');
    const before = written();
    const again = await cli('invoices', 'export', number, '--format', 'ledes1998b', '--out', out);
    expect(again.code).toBe(0);
    expect(written()).toEqual(before);
    expect(readFileSync(out, 'latin1')).toMatch(/^LEDES1998B\[\]\r?\n/);
    expect(readFileSync(out).equals(served.get('ledes1998b')!)).toBe(true);
  });

  it.each([
    [
      () => ['invoices', 'export', 'INV-2026-999999', '--format', 'csv', '--out', inDir('a.csv')],
      /^Error: Invoice INV-2026-999999 does not exist$/,
    ],
    [
      () => ['invoices', 'export', '42', '--format', 'csv', '--out', inDir('a.csv')],
      /^Error: Invoice 42 does not exist \(an invoice number reads INV-2026-000001\)$/,
    ],
    [
      () => ['invoices', 'export', number, '--format', 'xlsx', '--out', inDir('a.xlsx')],
      /Allowed choices are csv, json/,
    ],
    [() => ['invoices', 'export', number, '--out', inDir('a.csv')], /--format/],
    [
      () => ['invoices', 'export', number, '--format', 'disbursements', '--out', inDir('a.csv')],
      /^Error: Invalid export: template: format=disbursements needs a template: one of generic, clio-activities$/,
    ],
    [
      () => ['invoices', 'export', number, '--format', 'csv', '--template', 'elite'],
      /Allowed choices are generic, clio-activities/,
    ],
    [
      () => ['invoices', 'export', number, '--format', 'csv', '--out', inDir('no/such/dir.csv')],
      /^Error: cannot write .*no\/such\/dir\.csv: ENOENT$/,
    ],
    [
      () => ['invoices', 'export', number, '--format', 'pms', '--out', inDir('a.fias')],
      /^Error: Invoice INV-2026-\d{6} is billed by Porter & Lane LLP, a law firm: pms \(FIAS postings to a guest's folio\) fits only a hotel's invoices; export it as ledes1998b, disbursements, csv, json or pdf$/,
    ],
  ])(
    'refuses a bad request with a clear message and writes nothing (%#)',
    async (argv, message) => {
      const before = written();
      const result = await cli(...argv());
      expect(result.code).not.toBe(0);
      expect(result.err.join('\n')).toMatch(message);
      expect(written()).toEqual(before);
    },
  );

  it('leaves the old file and no other when the export fails half way', async () => {
    const out = join(dir, 'failing.csv');
    writeFileSync(out, 'the file from before');
    const before = written();
    // The first page's read fails: the file to write is open by then.
    jest.spyOn(Ledger.prototype, 'rows').mockImplementationOnce(() => {
      throw new Error('disk I/O error');
    });
    try {
      await expect(
        cli('invoices', 'export', number, '--format', 'csv', '--out', out),
      ).rejects.toThrow('disk I/O error');
    } finally {
      jest.restoreAllMocks();
    }
    expect(written()).toEqual(before);
    expect(readFileSync(out, 'utf8')).toBe('the file from before');
  });

  it("leaves a running service's deliveries alone (the command line delivers nothing)", async () => {
    const ledgerFile = join(dir, 'ledger.sqlite');
    const db = new Database(ledgerFile);
    db.prepare(
      `INSERT INTO invoice_deliveries (invoice_id, url, idempotency_key, attempt, status,
         attempted_at_ms) SELECT id, 'https://pms.example/in', number, 1, 'pending', 1
       FROM invoices WHERE number = ?`,
    ).run(number);
    db.close();
    const out = join(dir, 'delivered.json');
    expect((await cli('invoices', 'export', number, '--format', 'json', '--out', out)).code).toBe(
      0,
    );
    const check = new Database(ledgerFile, { readonly: true });
    const statuses = check.prepare('SELECT status FROM invoice_deliveries').pluck().all();
    check.close();
    expect(statuses).toEqual(['pending']);
  });

  it('refuses a voided invoice as a billing file, and writes it as json (which shows any)', async () => {
    const before = written();
    const refused = await cli('invoices', 'export', voided, '--format', 'ledes1998b');
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toMatch(
      /^Error: Invoice \d+ is void: only a finalized invoice exports as ledes1998b/,
    );
    expect(written()).toEqual(before);

    const out = join(dir, 'voided.json');
    expect((await cli('invoices', 'export', voided, '--format', 'json', '--out', out)).code).toBe(
      0,
    );
    const document = JSON.parse(readFileSync(out, 'utf8')) as { number: string; status: string };
    expect(document).toMatchObject({ number: voided, status: 'void' });
  });

  describe('relative file names are where the command runs', () => {
    it('--out and the default name are relative to the directory the command was run from', async () => {
      const here = join(dir, 'here');
      mkdirSync(join(here, 'sub'), { recursive: true });
      const run = async (...argv: string[]) => {
        const err: string[] = [];
        const code = await runCli(argv, { out: () => undefined, err: (l) => err.push(l) }, here);
        return { code, err };
      };
      const named = await run(
        'invoices',
        'export',
        number,
        '--format',
        'csv',
        '--out',
        'sub/a.csv',
      );
      expect(named.code).toBe(0);
      expect(readFileSync(join(here, 'sub/a.csv')).equals(served.get('csv')!)).toBe(true);
      // The message names the file as written: no guessing which directory was meant.
      expect(named.err[0]).toMatch(new RegExp(`to ${join(here, 'sub/a.csv')}: `));
      expect((await run('invoices', 'export', number, '--format', 'json')).code).toBe(0);
      expect(readFileSync(join(here, `${number}.json`)).equals(served.get('json')!)).toBe(true);
      expect(existsSync(join(process.cwd(), `${number}.json`))).toBe(false);
    });

    it("the user's directory is npm's INIT_CWD only while running in the package root npm moved to", () => {
      const npm = {
        INIT_CWD: '/home/clerk/invoices',
        npm_package_json: join(root, 'package.json'),
      };
      expect(userDirectory(npm, root)).toBe('/home/clerk/invoices');
      // A program an npm script started elsewhere inherits INIT_CWD: its own directory counts.
      expect(userDirectory(npm, dir)).toBe(dir);
      expect(userDirectory({}, root)).toBe(root);
      expect(userDirectory({ INIT_CWD: '/home/clerk' }, root)).toBe(root);
      // The root through a link is the same root.
      const link = join(dir, 'link-to-root');
      symlinkSync(root, link);
      expect(userDirectory({ ...npm, npm_package_json: join(link, 'package.json') }, root)).toBe(
        '/home/clerk/invoices',
      );
    });

    it('`npm run -s cli -- invoices export` run from another directory writes --out there (spawned)', async () => {
      const elsewhere = realpathSync(mkdtempSync(join(tmpdir(), 'billing-cli-elsewhere-')));
      try {
        mkdirSync(join(elsewhere, 'out'));
        const { code, stdout, stderr } = await spawned(
          ['--prefix', root, 'run', '-s', 'cli', '--'].concat([
            'invoices',
            'export',
            number,
            '--format',
            'csv',
            '--out',
            'out/invoice.csv',
          ]),
          elsewhere,
        );
        expect({ code, stderr }).toEqual({
          code: 0,
          stderr: expect.stringContaining(
            `Wrote ${number} (finalized) as csv to ${join(elsewhere, 'out/invoice.csv')}: `,
          ),
        });
        expect(stdout).toBe(''); // -s: no npm banner in what a shell would redirect
        expect(readFileSync(join(elsewhere, 'out/invoice.csv')).equals(served.get('csv')!)).toBe(
          true,
        );
        expect(existsSync(join(root, 'out/invoice.csv'))).toBe(false);
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    }, 240_000);
  });

  /** `npm <args>` in `cwd`, with only what a shell would give it and the test ledger. */
  function spawned(
    args: string[],
    cwd: string,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((done, fail) => {
      const child = spawn('npm', args, {
        cwd,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? tmpdir(),
          DATABASE_URL: process.env.DATABASE_URL ?? '',
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', fail);
      child.once('close', (code) => done({ code, stdout, stderr }));
    });
  }
});
