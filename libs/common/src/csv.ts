/**
 * A cell a spreadsheet must not run as a formula (OWASP's CSV injection advice): one that
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
