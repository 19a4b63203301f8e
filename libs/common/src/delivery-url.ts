import { BlockList, isIP } from 'node:net';

/**
 * What a person sees of a billing system's URL: no user name or password, no fragment, and the
 * query string replaced, since receivers often take a token there (`?token=...`). Shown in
 * source views, audit events, delivery logs and log lines (decision 0015); the ledger keeps the
 * whole URL, which only the delivery uses.
 */
export function redactedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '[not a URL]';
  }
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  if (parsed.search !== '') parsed.search = 'redacted';
  return parsed.toString();
}

/**
 * Addresses a delivery never connects to: link-local (169.254.0.0/16, fe80::/10), where cloud
 * metadata services answer with the machine's credentials, and the metadata addresses outside
 * it (AWS fd00:ec2::254, Alibaba 100.100.100.200, Azure's 168.63.129.16).
 */
const FORBIDDEN = new BlockList();
FORBIDDEN.addSubnet('169.254.0.0', 16, 'ipv4');
FORBIDDEN.addSubnet('fe80::', 10, 'ipv6');
FORBIDDEN.addAddress('fd00:ec2::254', 'ipv6');
FORBIDDEN.addAddress('100.100.100.200', 'ipv4');
FORBIDDEN.addAddress('168.63.129.16', 'ipv4');

/** Whether a delivery must not connect to this IP address (BlockList reads IPv4-mapped IPv6 as IPv4). */
export function isForbiddenDeliveryAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return FORBIDDEN.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** `[::1]` -> `::1`: URL keeps IPv6 literals in brackets. */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * Why a delivery URL's host is refused, or undefined: not in DELIVERY_ALLOWED_HOSTS (when set),
 * or an IP literal that is link-local or a metadata address. Host names are resolved only when
 * sending, where each resolved address is checked too.
 */
export function deliveryHostProblem(
  url: string,
  allowedHosts: readonly string[] | null,
): string | undefined {
  let host: string;
  try {
    host = bareHost(new URL(url).hostname.toLowerCase());
  } catch {
    return undefined; // the URL's own validation says what is wrong
  }
  if (allowedHosts !== null && !allowedHosts.map((h) => bareHost(h)).includes(host)) {
    return `host ${host} is not in DELIVERY_ALLOWED_HOSTS (${allowedHosts.join(', ')})`;
  }
  if (isForbiddenDeliveryAddress(host)) {
    return `host ${host} is a link-local or cloud metadata address, where no billing system is`;
  }
  return undefined;
}
