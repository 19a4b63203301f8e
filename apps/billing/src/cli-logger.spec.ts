import { Logger } from '@nestjs/common';
import { CliLogger } from './cli-logger';

describe('CliLogger', () => {
  const lines: string[] = [];
  const logger = new Logger('SyncService');

  beforeAll(() => Logger.overrideLogger(new CliLogger((line) => lines.push(line))));
  afterAll(() => Logger.overrideLogger(false));
  beforeEach(() => (lines.length = 0));

  it('writes warnings and errors as one line each, with their level', () => {
    logger.warn('the ledger is slow');
    logger.error(new Error('disk full'));
    expect(lines).toEqual(['warn: the ledger is slow', 'error: disk full']);
  });

  it('writes the text of a structured warning, not its fields', () => {
    logger.warn({ sourceId: 1, reason: 'Xima answered 403' }, 'Sync of source 1 failed');
    expect(lines).toEqual(['warn: Sync of source 1 failed']);
  });

  it('keeps info and debug lines quiet', () => {
    logger.log('Sync schedules are off');
    logger.debug('schema');
    expect(lines).toEqual([]);
  });
});
