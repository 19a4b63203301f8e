import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ledgerDataSourceOptions } from './ledger-options';

/** Issue 10 (e), decision 0015: only the service's user can read the ledger file. */
describe('a file-backed ledger is created with mode 0600', () => {
  let dir: string;
  const umask = process.umask();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-mode-'));
    process.umask(0o022); // the usual default, which would make the file 0644
  });

  afterEach(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  const mode = (path: string) => statSync(path).mode & 0o777;
  const open = async (path: string) => {
    const db = new DataSource(ledgerDataSourceOptions({ kind: 'sqlite', path }));
    await db.initialize();
    await db.query(`INSERT INTO audit_events (occurred_at_ms, actor_name, action, entity_type, entity_id)
                    VALUES (1, 'test', 'test', 'thing', '1')`);
    return db;
  };

  it('a new ledger, its WAL and shared-memory files are 0600', async () => {
    const path = join(dir, 'data', 'ledger.sqlite');
    const db = await open(path);
    try {
      expect(mode(path)).toBe(0o600);
      expect(mode(`${path}-wal`)).toBe(0o600);
      expect(mode(`${path}-shm`)).toBe(0o600);
    } finally {
      await db.destroy();
    }
  });

  it('a ledger made before with 0644 is tightened when opened', async () => {
    const path = join(dir, 'old.sqlite');
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    const db = await open(path);
    try {
      expect(mode(path)).toBe(0o600);
    } finally {
      await db.destroy();
    }
  });
});
