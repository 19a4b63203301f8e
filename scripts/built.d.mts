// Types of built.mjs, for the TypeScript that imports it (specs).
export function newestSource(root: string): { path: string; mtimeMs: number } | null;
export function staleReason(root: string, entry: string): string | null;
export function buildIfStale(
  root: string,
  project: string,
  entry: string,
  log?: (line: string) => void,
): number;
export function runEntry(root: string, entry: string, args: string[], nodeFlags?: string[]): void;
export const CONSOLE_DIST: string;
export function buildConsoleIfStale(root: string, log?: (line: string) => void): number;
