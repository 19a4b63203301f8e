import { parseDatabaseUrl, redactDatabaseUrl } from './database-url';

describe('DATABASE_URL (parseDatabaseUrl)', () => {
  it('reads a SQLite file or :memory:', () => {
    expect(parseDatabaseUrl('sqlite:data/ledger.sqlite')).toEqual({
      kind: 'sqlite',
      path: 'data/ledger.sqlite',
    });
    expect(parseDatabaseUrl('sqlite:///var/lib/billing/ledger.sqlite')).toEqual({
      kind: 'sqlite',
      path: '/var/lib/billing/ledger.sqlite',
    });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
  });

  it('reads postgres:// and postgresql:// with the pool size given, 10 unless given', () => {
    expect(parseDatabaseUrl('postgres://billing:s3cret@db:5432/ledger')).toEqual({
      kind: 'postgres',
      url: 'postgres://billing:s3cret@db:5432/ledger',
      poolSize: 10,
    });
    expect(parseDatabaseUrl(' postgresql://db/ledger ', 3)).toEqual({
      kind: 'postgres',
      url: 'postgresql://db/ledger',
      poolSize: 3,
    });
  });

  it.each([
    ['postgres://db', 'must name one database after the host'],
    ['postgres://db/', 'must name one database after the host'],
    ['postgres://db/a/b', 'must name one database after the host'],
    ['postgres://u:p@/ledger', 'is not a valid URL'],
    ['postgres:ledger', 'must start with postgres:// or postgresql://'],
    ['mysql://db/ledger', 'must be sqlite:<path>'],
  ])('refuses %s: it %s', (url, problem) => {
    expect(parseDatabaseUrl(url)).toEqual({ error: expect.stringContaining(problem) });
  });

  it.each([0, 101, 2.5])('refuses a pool size of %d', (poolSize) => {
    expect(parseDatabaseUrl('postgres://db/ledger', poolSize)).toEqual({
      error: 'needs a pool size between 1 and 100',
    });
  });

  it.each([
    ['postgres://billing:s3cret@db/ledger', 'postgres://billing:***@db/ledger'],
    ['postgresql://billing:s3c@r/et@db/ledger', 'postgresql://billing:***@db/ledger'],
    ['postgres://billing@db/ledger', 'postgres://billing@db/ledger'],
    ['postgres://db/ledger', 'postgres://db/ledger'],
    ['sqlite:data/ledger.sqlite', 'sqlite:data/ledger.sqlite'],
  ])('hides the password of %s', (url, shown) => {
    expect(redactDatabaseUrl(url)).toBe(shown);
  });
});
