/** One CSV line: a field holding a comma, a quote or a line break is quoted, quotes doubled. */
export function csvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}
