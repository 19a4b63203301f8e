import { Command } from 'commander';
import { Clock, isoTime } from '@app/common';
import { SourcesService, SyncService, requestedWindow } from '@app/xima';
import { CliContext, positiveInteger } from './cli-context';

/** `sync`: a backfill of one source now, with progress and a summary. */
export function addSyncCommand(program: Command, { boot, output, fail }: CliContext): void {
  program
    .command('sync')
    .description('pull and rate a window from Xima now (a backfill), with progress and a summary')
    .requiredOption('--source <id>', 'the source to sync')
    .requiredOption('--from <date>', 'a date (midnight in the source zone) or ISO-8601 with offset')
    .requiredOption('--to <date>', 'the end, excluded')
    .action(async (options: { source: string; from: string; to: string }) => {
      const context = await boot();
      const sourceId = positiveInteger(options.source, '--source');
      const source = await context.get(SourcesService).get(sourceId);
      const now = context.get(Clock).now();
      const window = requestedWindow(options.from, options.to, source.timezone, now);
      const started = Date.now();
      let records = 0;
      const { done } = await context
        .get(SyncService)
        .start(sourceId, 'cli', window, ({ index, total, counts }) => {
          records += counts.fetched;
          const perSecond = Math.round(records / Math.max((Date.now() - started) / 1000, 0.001));
          output.progress?.(
            `chunk ${index + 1}/${total} · ${records.toLocaleString('en-US')} records · ${perSecond.toLocaleString('en-US')} records/s`,
          );
        });
      const run = await done;
      output.progress?.('');
      const rows: [string, string | number][] = [
        ['run', run.id],
        ['status', run.status],
        ['window', `${isoTime(run.fromMs)} .. ${isoTime(run.toMs)}`],
        ['fetched', run.fetched],
        ['inserted', run.inserted],
        ['duplicates', run.duplicates],
        ['line items', run.rated],
        ['no charge', run.noCharge],
        ['needs review', run.needsReview],
        ['errors', run.errors],
        ['retries', run.retries],
        ['seconds', ((Date.now() - started) / 1000).toFixed(1)],
      ];
      for (const [name, value] of rows) output.out(`${name.padEnd(14)}${value}`);
      // Why a run failed is already on stderr: the sync logged it at warn.
      if (run.status !== 'succeeded') fail();
    });
}
