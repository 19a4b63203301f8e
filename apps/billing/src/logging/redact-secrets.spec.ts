import { REDACTED, redactSecrets } from './redact-secrets';

describe('redactSecrets', () => {
  it('censors a secret at the top level', () => {
    expect(redactSecrets({ token: 'abc', msg: 'hello' })).toEqual({
      token: REDACTED,
      msg: 'hello',
    });
  });

  it('censors secrets deep in objects and arrays', () => {
    const record = {
      run: { source: { name: 'Front desk', deliverySecret: 'hmac-XYZ' } },
      attempts: [{ headers: { Authorization: 'Bearer t0k3n' } }],
      XIMA_API_KEY: 'xima-token',
    };
    expect(redactSecrets(record)).toEqual({
      run: { source: { name: 'Front desk', deliverySecret: REDACTED } },
      attempts: [{ headers: { Authorization: REDACTED } }],
      XIMA_API_KEY: REDACTED,
    });
    // The original is not changed.
    expect(record.run.source.deliverySecret).toBe('hmac-XYZ');
  });

  it('censors what signing in holds: passwords, their hashes, session and CSRF tokens', () => {
    const record = {
      body: { email: 'ana@example.com', password: 'p1', currentPassword: 'p2', newPassword: 'p3' },
      user: { id: 4, passwordHash: 'scrypt$…', password_hash: 'scrypt$…' },
      headers: { cookie: 'xb_session=s3cr3t', 'x-csrf-token': 'c5rf' },
      session: { csrfToken: 'c5rf', token: 's3cr3t' },
    };
    expect(redactSecrets(record)).toEqual({
      body: {
        email: 'ana@example.com',
        password: REDACTED,
        currentPassword: REDACTED,
        newPassword: REDACTED,
      },
      user: { id: 4, passwordHash: REDACTED, password_hash: REDACTED },
      headers: { cookie: REDACTED, 'x-csrf-token': REDACTED },
      session: { csrfToken: REDACTED, token: REDACTED },
    });
  });

  it('censors secrets inside an error and keeps its message and stack', () => {
    const error = Object.assign(new Error('request failed'), {
      config: { headers: { authorization: 'Bearer t0k3n' } },
    });
    const redacted = redactSecrets<{ err: unknown }>({ err: error }) as {
      err: Record<string, unknown>;
    };
    expect(redacted.err).toMatchObject({
      message: 'request failed',
      config: { headers: { authorization: REDACTED } },
    });
    expect(redacted.err.stack).toContain('request failed');
    expect(JSON.stringify(redacted)).not.toContain('t0k3n');
  });

  it('leaves records without secrets as they are (same object)', () => {
    const record = { msg: 'synced', counts: { fetched: 3 }, keyPrefix: 'xbk_Ab12' };
    expect(redactSecrets(record)).toBe(record);
  });

  it('survives cycles and class instances', () => {
    const cyclic: Record<string, unknown> = { password: 'p' };
    cyclic.self = cyclic;
    expect(redactSecrets(cyclic).password).toBe(REDACTED);
    const date = new Date(0);
    expect(redactSecrets({ at: date }).at).toBe(date);
  });
});
