import { isIP } from 'node:net';

/** `localhost`, 127.0.0.0/8 and ::1: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1' || host === '[::1]') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * The warning start-up logs when the service listens beyond this machine in plain HTTP: API
 * keys and invoices would cross the network in clear. None on loopback, or when
 * BEHIND_TLS_PROXY says a proxy in front terminates TLS.
 */
export function plainHttpWarning(host: string, behindTlsProxy: boolean): string | null {
  if (isLoopbackHost(host) || behindTlsProxy) return null;
  return (
    `Listening on ${host} in plain HTTP: API keys and invoices cross the network in clear. ` +
    'Put a TLS-terminating proxy in front and set BEHIND_TLS_PROXY=true, or listen on 127.0.0.1'
  );
}
