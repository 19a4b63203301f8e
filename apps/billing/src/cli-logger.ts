import type { LoggerService } from '@nestjs/common';

/**
 * The command line's log: warnings and errors, one line each on stderr (`warn: …`), so that a
 * failed sync says why where the person running it looks; Nest's start-up chatter and info
 * lines stay quiet. Nest's Logger calls it with the message first and its context last; a
 * structured first argument (`{ fields }, 'text'`) is written as its text.
 */
export class CliLogger implements LoggerService {
  constructor(private readonly err: (line: string) => void) {}

  log(): void {}

  warn(message: unknown, ...params: unknown[]): void {
    this.err(`warn: ${textOf(message, params)}`);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.err(`error: ${textOf(message, params)}`);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.err(`fatal: ${textOf(message, params)}`);
  }
}

function textOf(message: unknown, params: unknown[]): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.message;
  // `{ fields }, 'text', context`: the text says it for a person.
  if (params.length > 1 && typeof params[0] === 'string') return params[0];
  return JSON.stringify(message);
}
