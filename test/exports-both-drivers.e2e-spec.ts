import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { XIMA_GATEWAY, XimaClient } from '@app/xima';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { DISBURSEMENT_TEMPLATE_NAMES, EXPORT_FORMATS } from '@app/invoice-export';
import { samplePlan } from './support/fixtures';
import { TestApp, bearer, createTestApp } from './support/test-app';

/**
 * The same inputs, through the API only, to two services: one on SQLite, one on the driver
 * under test (PostgreSQL under `npm run test:postgres`; SQLite again under `npm test`, where
 * the test shows that the flow is deterministic). Each syncs the same sandbox calls for a hotel
 * rated per call and a law firm rated by account code, takes the same review actions, batches,
 * finalises and voids the same invoices; then every file either service gives (each invoice in
 * every format and template, the ZIPs of them all, the line item CSV, the overview) must be
 * the same bytes.
 */

const TOKEN = 'sandbox-token-for-exports-both-drivers';
const ZONE = 'America/Denver';
const SYNC = { from: '2026-03-01', to: '2026-03-04' };
const PERIOD = { periodStart: '2026-03-02T00:00:00-07:00', periodEnd: '2026-03-04T00:00:00-07:00' };
const IN_PERIOD = { from: PERIOD.periodStart, to: PERIOD.periodEnd };
/** Every instant the services take ("now") is this one, so that times in files agree. */
const NOW = Date.parse('2026-03-10T09:30:00Z');

/** What one request answered: enough to compare two services' answers byte for byte. */
interface Answer {
  status: number;
  type: string;
  disposition: string;
  body: Buffer;
}

interface ItemView {
  id: number;
  callId: string;
  billingAccount: string | null;
  status: string;
  amount: string;
}

interface InvoiceView {
  id: number;
  number: string | null;
  billingAccount: string;
}

/** One service and the API calls the test makes of it. */
class Service {
  constructor(
    readonly name: string,
    readonly t: TestApp,
  ) {}

  call(method: 'get' | 'post', path: string): request.Test {
    return request(this.t.app.getHttpServer())
      [method](`/api/v1${path}`)
      .set(...bearer(this.t.adminKey));
  }

  /** The answer as bytes, whatever its content type. */
  async fetch(path: string, query: Record<string, string | number> = {}): Promise<Answer> {
    const res = await this.call('get', path)
      .query(query)
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return {
      status: res.status,
      type: String(res.headers['content-type'] ?? ''),
      disposition: String(res.headers['content-disposition'] ?? ''),
      body: res.body as Buffer,
    };
  }

  /** Every item GET /line-items matches, page after page. */
  async items(filter: Record<string, string | number>): Promise<ItemView[]> {
    const all: ItemView[] = [];
    let cursor: string | undefined;
    do {
      const res = await this.call('get', '/line-items')
        .query({ ...filter, limit: 1000, ...(cursor ? { cursor } : {}) })
        .expect(200);
      all.push(...(res.body.items as ItemView[]));
      cursor = (res.body.nextCursor as string | null) ?? undefined;
    } while (cursor);
    return all;
  }
}

/** "12.34" as minor units, digit by digit. */
function minor(text: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`not an amount with two decimals: ${JSON.stringify(text)}`);
  const units = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -units : units;
}

const decimal = (units: number) =>
  `${Math.trunc(units / 100)}.${String(units % 100).padStart(2, '0')}`;

/** Items in an order that does not depend on the ledger: by call id. */
const byCall = (items: ItemView[]) =>
  [...items].sort((a, b) => (a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0));

/**
 * The user's whole flow on one service, through the API only. Every choice (which item to
 * adjust, reject, assign, which invoice to void) is made from what the API shows, ordered by
 * call id or invoice number, so that both services are given the very same actions.
 */
async function drive(service: Service): Promise<{ invoices: InvoiceView[]; voided: number }> {
  const hotel = await service
    .call('post', '/businesses')
    .send({ name: 'Grand Hotel', kind: 'hotel', timezone: ZONE, invoicePrefix: 'GH' })
    .expect(201);
  const firm = await service
    .call('post', '/businesses')
    .send({ name: 'Porter & Lane LLP', kind: 'law-firm', timezone: ZONE, invoicePrefix: 'PL' })
    .expect(201);
  const sources: number[] = [];
  for (const [plan, name, businessId] of [
    ['grand-hotel', 'Grand Hotel', hotel.body.id as number],
    ['porter-lane-calls', 'Porter & Lane', firm.body.id as number],
  ] as const) {
    const created = await service
      .call('post', '/rate-plans')
      .send({
        effectiveFrom: '2026-01-01T00:00:00-07:00',
        ...samplePlan<Record<string, unknown>>(plan),
      })
      .expect(201);
    const source = await service
      .call('post', '/sources')
      .send({
        name,
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: created.body.id,
        timezone: ZONE,
        businessId,
      })
      .expect(201);
    const run = await service
      .call('post', `/sources/${source.body.id}/sync`)
      .send(SYNC)
      .expect(200);
    expect({ service: service.name, source: name, run: run.body.status }).toEqual({
      service: service.name,
      source: name,
      run: 'succeeded',
    });
    sources.push(source.body.id as number);
  }

  const invoices: InvoiceView[] = [];
  for (const [index, sourceId] of sources.entries()) {
    const pending = byCall(
      (await service.items({ sourceId, status: 'pending', ...IN_PERIOD })).filter(
        (item) => minor(item.amount) >= 200,
      ),
    );
    expect(pending.length).toBeGreaterThanOrEqual(3);
    const [toAdjust, toAssign, toReject] = [pending[0], pending[1], pending[pending.length - 1]];
    await service
      .call('post', `/line-items/${toAdjust.id}/adjust`)
      .send({ amount: decimal(minor(toAdjust.amount) - 100), reason: 'Goodwill: 1.00 off' })
      .expect(200);
    await service
      .call('post', `/line-items/${toReject.id}/reject`)
      .send({ reason: 'Disputed by the client' })
      .expect(200);
    if (index === 1) {
      const to = toAssign.billingAccount === '20871-001' ? '31502-007' : '20871-001';
      await service
        .call('post', `/line-items/${toAssign.id}/assign`)
        .send({ billingAccount: to, reason: 'Billed to the matter the call was for' })
        .expect(200);
    }
    await service
      .call('post', '/line-items/bulk')
      .send({
        action: 'approve',
        filter: { sourceId, status: 'pending', ...IN_PERIOD },
        reason: 'Period checked',
      })
      .expect(200);
    const batch = await service
      .call('post', '/invoices/batch')
      .send({ ...PERIOD, sourceId })
      .expect(201);
    const drafts = batch.body.items as InvoiceView[];
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    const report = await service
      .call('post', '/invoices/finalize')
      .send({ ids: drafts.map((draft) => draft.id) })
      .expect(200);
    expect(report.body).toBeDefined();
    for (const draft of drafts) {
      invoices.push((await service.call('get', `/invoices/${draft.id}`).expect(200)).body);
    }
  }
  const [voided] = [...invoices].sort((a, b) => (a.number! < b.number! ? -1 : 1));
  await service
    .call('post', `/invoices/${voided.id}/void`)
    .send({ reason: 'Billed to the wrong room' })
    .expect(200);
  return { invoices, voided: voided.id };
}

/** Every file the test compares, by a name that says what it is, in the order they were asked. */
async function files(
  service: Service,
  invoices: InvoiceView[],
  voided: number,
): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  const exports = [
    ...EXPORT_FORMATS.filter((format) => format !== 'disbursements').map((format) => ({ format })),
    ...DISBURSEMENT_TEMPLATE_NAMES.map((template) => ({ format: 'disbursements', template })),
  ];
  for (const invoice of invoices) {
    for (const query of exports) {
      answers.set(
        `invoice ${invoice.number} (id ${invoice.id}) ${query.format} ${'template' in query ? query.template : ''}`.trim(),
        await service.fetch(`/invoices/${invoice.id}/export`, query),
      );
    }
  }
  // A ZIP is refused whole when one invoice does not export in its format (a void one exports
  // only as json): one of each business's finalised invoices, and one of all of them as json.
  answers.set(
    'ZIP of every invoice, void too, json',
    await service.fetch('/invoices/export', {
      format: 'json',
      ids: invoices.map((invoice) => invoice.id).join(','),
    }),
  );
  for (const prefix of ['GH', 'PL']) {
    const ids = invoices
      .filter((invoice) => invoice.number!.startsWith(`${prefix}-`) && invoice.id !== voided)
      .map((invoice) => invoice.id)
      .join(',');
    for (const query of exports) {
      answers.set(
        `ZIP of every ${prefix} invoice, ${query.format} ${'template' in query ? query.template : ''}`.trim(),
        await service.fetch('/invoices/export', { ...query, ids }),
      );
    }
  }
  const days = { from: '2026-03-01', to: '2026-03-05' };
  answers.set('line item list CSV', await service.fetch('/line-items/export.csv', {}));
  answers.set(
    'line item page with its totals JSON',
    await service.fetch('/line-items', { ...days, limit: 1000, totals: 'true' }),
  );
  answers.set('overview sources JSON', await service.fetch('/overview/sources', days));
  answers.set('overview daily JSON', await service.fetch('/overview/daily', days));
  for (const by of ['billing-account', 'destination']) {
    answers.set(`overview top ${by} JSON`, await service.fetch('/overview/top', { ...days, by }));
  }
  return answers;
}

/** Where two answers first differ, in words: undefined when they are the same bytes. */
function difference(left: Answer, right: Answer, names: [string, string]): string | undefined {
  for (const field of ['status', 'type', 'disposition'] as const) {
    if (left[field] !== right[field]) {
      return `${field}: ${names[0]} ${JSON.stringify(left[field])}, ${names[1]} ${JSON.stringify(right[field])}`;
    }
  }
  if (left.body.equals(right.body)) return undefined;
  const lines = [left, right].map((answer) => answer.body.toString('latin1').split('\n'));
  const at = lines[0].findIndex((line, index) => line !== lines[1][index]);
  const line = at === -1 ? lines[0].length : at;
  // A long line (a JSON document is one) is shown around its first differing character.
  const [a, b] = [lines[0][line] ?? '', lines[1][line] ?? ''];
  let column = 0;
  while (column < a.length && a[column] === b[column]) column++;
  const from = Math.max(0, column - 60);
  const show = (text: string | undefined) =>
    text === undefined
      ? '(no such line)'
      : `${from > 0 ? '…' : ''}${text.slice(from, from + 160)}${text.length > from + 160 ? '…' : ''}`;
  return [
    `${left.body.length} and ${right.body.length} bytes; first difference at line ${line + 1}, column ${column + 1}:`,
    `  ${names[0]}: ${show(lines[0][line])}`,
    `  ${names[1]}: ${show(lines[1][line])}`,
  ].join('\n');
}

describe('the same inputs give byte-identical exports on SQLite and on the driver under test (e2e)', () => {
  let sandbox: RunningSandbox;
  const services: Service[] = [];
  const made: { invoices: InvoiceView[]; voided: number }[] = [];
  const answers: Map<string, Answer>[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ token: TOKEN, seed: 'exports-both-drivers', callsPerDay: 40 });
    const boot = (env: Record<string, string>) =>
      createTestApp({ XIMA_BASE_URL: sandbox.url, XIMA_API_KEY: TOKEN, ...env }, (builder) =>
        builder
          .overrideProvider(XIMA_GATEWAY)
          .useValue(new XimaClient({ baseUrl: sandbox.url, token: TOKEN }))
          .overrideProvider(Clock)
          .useValue({ now: () => NOW }),
      );
    const driver = process.env.LEDGER_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'SQLite';
    services.push(new Service('SQLite', await boot({ DATABASE_URL: 'sqlite::memory:' })));
    services.push(new Service(`${driver} (the driver under test)`, await boot({})));
    // One after the other, never interleaved: each service is given its inputs alone.
    for (const service of services) made.push(await drive(service));
    for (const [index, service] of services.entries()) {
      answers.push(await files(service, made[index].invoices, made[index].voided));
    }
  }, 120_000);

  afterAll(async () => {
    for (const service of services) await service.t.close();
    await sandbox?.close();
  });

  it('the second service runs on the driver under test, the first on SQLite', () => {
    const types = services.map((service) => service.t.app.get(DataSource).options.type);
    const expected =
      process.env.LEDGER_TEST_DATABASE === 'postgres' ? 'postgres' : 'better-sqlite3';
    expect(types).toEqual(['better-sqlite3', expected]);
  });

  it('both made the same invoices, with the same ids and numbers', () => {
    const shown = (invoices: InvoiceView[]) =>
      invoices.map((invoice) => `${invoice.id} ${invoice.number} ${invoice.billingAccount}`);
    expect(shown(made[1].invoices)).toEqual(shown(made[0].invoices));
    expect(made[1].voided).toBe(made[0].voided);
    expect(made[0].invoices.length).toBeGreaterThanOrEqual(4);
  });

  it('every file is the same bytes on both: each invoice in every format and template, the ZIPs, the item list, the overview', () => {
    const names = services.map((service) => service.name) as [string, string];
    expect([...answers[1].keys()]).toEqual([...answers[0].keys()]);
    const differences = [...answers[0]].flatMap(([what, left]) => {
      const found = difference(left, answers[1].get(what)!, names);
      return found === undefined ? [] : [`${what}: ${found}`];
    });
    if (differences.length > 0) {
      const shown = differences.slice(0, 10);
      const more = differences.length - shown.length;
      throw new Error(
        [
          `${differences.length} of ${answers[0].size} files differ between ${names.join(' and ')}:`,
          ...shown,
          ...(more > 0 ? [`… and ${more} more`] : []),
        ].join('\n\n'),
      );
    }
  });

  it('the comparison covers real files: every format of some invoice, and every ZIP, was exported', () => {
    const ok = [...answers[0]].filter(([, answer]) => answer.status === 200).map(([what]) => what);
    for (const format of [...EXPORT_FORMATS, ...DISBURSEMENT_TEMPLATE_NAMES]) {
      expect({ format, exported: ok.some((what) => what.includes(` ${format}`)) }).toEqual({
        format,
        exported: true,
      });
    }
    expect(ok.filter((what) => what.startsWith('ZIP')).length).toBeGreaterThanOrEqual(11);
    expect(ok).toEqual(
      expect.arrayContaining([
        'line item list CSV',
        'line item page with its totals JSON',
        'overview sources JSON',
        'overview daily JSON',
      ]),
    );
  });
});
