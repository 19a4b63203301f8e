import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { ApiKeyStore, AuditEventStore, Ledger, ledgerDataSourceOptions } from '@app/ledger';
import { ApiKeysService } from './api-keys.service';

const SECRET = 'bootstrap-admin-key-0123456789abcdefghijklmn';

describe('ApiKeysService.ensureBootstrapKey with two instances starting together', () => {
  let db: DataSource;

  beforeEach(async () => {
    db = new DataSource(ledgerDataSourceOptions({ kind: 'sqlite', path: ':memory:' }));
    await db.initialize();
  });

  afterEach(async () => {
    await db.destroy();
  });

  it('finds the key the other instance inserted after it looked, instead of failing to start', async () => {
    const ledger = new Ledger(db);
    const keys = new ApiKeyStore(ledger);
    const first = new ApiKeysService(ledger, keys, new AuditEventStore(ledger), new Clock());
    await first.ensureBootstrapKey(SECRET);
    // The second instance looked before the first committed: it saw no key, once.
    const late = new ApiKeyStore(ledger);
    const findByHash = late.findByHash.bind(late);
    jest.spyOn(late, 'findByHash').mockResolvedValueOnce(null).mockImplementation(findByHash);
    const second = new ApiKeysService(ledger, late, new AuditEventStore(ledger), new Clock());

    await expect(second.ensureBootstrapKey(SECRET)).resolves.toBeUndefined();
    await expect(
      db.query(`SELECT origin, revoked_at_ms AS revoked FROM api_keys`),
    ).resolves.toEqual([{ origin: 'bootstrap', revoked: null }]);
  });
});
