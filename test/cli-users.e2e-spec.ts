import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ledgerDataSourceOptions } from '@app/ledger';
import { runCli } from '../apps/billing/src/cli';
import { verifyPassword } from '../apps/billing/src/users/password';

describe('npm run cli -- users (e2e, real ledger file)', () => {
  let dir: string;
  const saved = { ...process.env };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'billing-cli-users-'));
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

  /** The stored row of a user, read from the ledger file the CLI wrote. */
  async function storedUser(email: string) {
    const db = new DataSource(
      ledgerDataSourceOptions({ kind: 'sqlite', path: join(dir, 'ledger.sqlite') }),
    );
    await db.initialize();
    try {
      const [user] = await db.query<
        { id: number; password_hash: string; must_change_password: number }[]
      >('SELECT id, password_hash, must_change_password FROM users WHERE email = ?', [email]);
      const events = await db.query<{ action: string; actor_name: string; new_json: string }[]>(
        `SELECT action, actor_name, new_json FROM audit_events WHERE entity_type = 'user' AND entity_id = ? ORDER BY id`,
        [String(user.id)],
      );
      return { user, events };
    } finally {
      await db.destroy();
    }
  }

  it('creates a user and prints a one-time password on stdout, to be changed at first sign-in', async () => {
    const created = await cli(
      'users',
      'create',
      '--email',
      'Night.Auditor@GrandHotel.example',
      '--name',
      'Night auditor',
      '--role',
      'accountant',
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toHaveLength(1);
    const password = created.out[0];
    expect(password).toMatch(/^[2-9a-z]{5}(-[2-9a-z]{5}){3}$/);
    expect(created.err.join('\n')).toContain('night.auditor@grandhotel.example');
    expect(created.err.join('\n')).toContain('changed at first sign-in');

    const { user, events } = await storedUser('night.auditor@grandhotel.example');
    expect(user.must_change_password).toBe(1);
    await expect(verifyPassword(password, user.password_hash)).resolves.toBe(true);
    expect(events).toEqual([expect.objectContaining({ action: 'user.create', actor_name: 'cli' })]);
    expect(JSON.stringify(events)).not.toContain(password);

    const listed = await cli('users', 'list');
    expect(listed.out.join('\n')).toContain(
      'night.auditor@grandhotel.example\taccountant\tactive\tNight auditor',
    );
    expect(listed.out.join('\n')).not.toContain(password);
  });

  it('resets a password by email (in any case): a new one-time password', async () => {
    const reset = await cli(
      'users',
      'reset-password',
      '--email',
      'NIGHT.AUDITOR@grandhotel.example',
    );
    expect(reset.code).toBe(0);
    expect(reset.out).toHaveLength(1);
    const { user, events } = await storedUser('night.auditor@grandhotel.example');
    await expect(verifyPassword(reset.out[0], user.password_hash)).resolves.toBe(true);
    expect(events.map((e) => e.action)).toEqual(['user.create', 'user.reset-password']);
  });

  it('says clearly what is wrong: an unknown email, a bad email, a taken email, a bad role', async () => {
    const unknown = await cli('users', 'reset-password', '--email', 'nobody@example.com');
    expect(unknown).toMatchObject({ code: 1, out: [] });
    expect(unknown.err.join('\n')).toContain('No user has the email nobody@example.com');

    const bad = await cli(
      'users',
      'create',
      '--email',
      'not-an-email',
      '--name',
      'X',
      '--role',
      'viewer',
    );
    expect(bad).toMatchObject({ code: 1, out: [] });
    expect(bad.err.join('\n')).toContain('email must be an email address');

    const taken = await cli(
      'users',
      'create',
      '--email',
      'night.auditor@grandhotel.example',
      '--name',
      'Again',
      '--role',
      'viewer',
    );
    expect(taken).toMatchObject({ code: 1, out: [] });
    expect(taken.err.join('\n')).toContain('has the email night.auditor@grandhotel.example');

    const role = await cli(
      'users',
      'create',
      '--email',
      'x@example.com',
      '--name',
      'X',
      '--role',
      'owner',
    );
    expect(role.code).toBe(2);
  });
});
