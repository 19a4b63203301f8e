/**
 * A cell a spreadsheet must not run as a formula (OWASP's CSV injection advice): one that
 * begins with `=`, `+`, `-`, `@`, a tab, a carriage return or a NUL (which some spreadsheets skip
 * before reading a formula) gets a leading `'`.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}
