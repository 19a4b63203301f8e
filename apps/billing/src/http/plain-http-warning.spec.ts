import { validateEnvironment } from '../config/environment';
import { isLoopbackHost, plainHttpWarning } from './plain-http-warning';

describe('the plain-HTTP warning at start (decision 0015)', () => {
  it.each([
    ['0.0.0.0', false, true],
    ['::', false, true],
    ['192.168.1.20', false, true],
    ['0.0.0.0', true, false],
    ['192.168.1.20', true, false],
    ['127.0.0.1', false, false],
    ['127.0.1.1', false, false],
    ['localhost', false, false],
    ['::1', false, false],
  ])('HOST=%s, BEHIND_TLS_PROXY=%s: warns %s', (host, behindTlsProxy, warns) => {
    expect(plainHttpWarning(host, behindTlsProxy) !== null).toBe(warns);
  });

  it('names the host and the fix', () => {
    expect(plainHttpWarning('0.0.0.0', false)).toBe(
      'Listening on 0.0.0.0 in plain HTTP: API keys and invoices cross the network in clear. ' +
        'Put a TLS-terminating proxy in front and set BEHIND_TLS_PROXY=true, or listen on 127.0.0.1',
    );
  });

  it('reads loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '::1'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', '128.0.0.1'].some(isLoopbackHost)).toBe(false);
  });

  it('BEHIND_TLS_PROXY is false unless set, true or false, anything else refused', () => {
    expect(validateEnvironment({}).BEHIND_TLS_PROXY).toBe(false);
    expect(validateEnvironment({ BEHIND_TLS_PROXY: 'TRUE' }).BEHIND_TLS_PROXY).toBe(true);
    expect(validateEnvironment({ BEHIND_TLS_PROXY: 'false' }).BEHIND_TLS_PROXY).toBe(false);
    expect(() => validateEnvironment({ BEHIND_TLS_PROXY: 'yes' })).toThrow(
      'BEHIND_TLS_PROXY must be true or false (got "yes")',
    );
  });
});
