import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { type Actor, DomainError } from '@app/common';

/** Who the audit trail says made a change from the command line. */
export const CLI_ACTOR: Actor = { keyId: null, userId: null, name: 'cli' };

/** Where a command writes: results on `out` (stdout), what it says to the person on `err`. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
  /** A line that replaces itself (a progress bar); '' ends it. */
  progress?(line: string): void;
}

/** What every command group gets from `runCli` (plain functions: they may be destructured). */
export interface CliContext {
  readonly output: CliOutput;
  /** The service's modules, started by the first command that needs them (closed at the end). */
  readonly boot: () => Promise<INestApplicationContext>;
  /** A file name the user typed, relative to the directory the command was run in. */
  readonly userPath: (file: string) => string;
  /** The service's ledger as DATABASE_URL (or its default) names it, without opening it. */
  readonly ledgerUrl: () => string;
  /** Exit with 1 once the command is done: it failed and has already said why. */
  readonly fail: () => void;
}

export function positiveInteger(value: string, name: string): number {
  if (!/^[1-9]\d{0,15}$/.test(value)) {
    throw new DomainError('bad-request', `${name} must be a positive integer`);
  }
  return Number(value);
}

export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new DomainError(
      'bad-request',
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}

export function readJsonFile(file: string): unknown {
  const text = readTextFile(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DomainError('bad-request', `${file} is not valid JSON: ${(error as Error).message}`);
  }
}
