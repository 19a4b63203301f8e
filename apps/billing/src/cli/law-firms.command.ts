import { Command } from 'commander';
import {
  MATTER_COLUMNS,
  MattersService,
  TIMEKEEPER_COLUMNS,
  TimekeepersService,
  readCsvList,
} from '@app/law-firms';
import type { MatterImportSummaryView, TimekeeperImportSummaryView } from '@app/law-firms';
import { CLI_ACTOR, CliContext, CliOutput, positiveInteger, readTextFile } from './cli-context';

function printRevalidated(output: CliOutput, revalidated: { matched: number; changed: number }) {
  output.out(
    `Re-validated ${revalidated.matched} unsettled line item(s): ${revalidated.changed} changed`,
  );
}

function printMatterSummary(output: CliOutput, summary: MatterImportSummaryView): void {
  const { codes } = summary;
  const rows: [string, number, string[] | undefined][] = [
    ['added', summary.added, codes.added],
    ['closed', summary.closed, codes.closed],
    ['reopened', summary.reopened, codes.reopened],
    ['renamed', summary.renamed, codes.renamed],
    ['billable changed', summary.billableChanged, codes.billableChanged],
    ['unchanged', summary.unchanged, undefined],
    ['not in the file (kept)', summary.notInFile, codes.notInFile],
  ];
  output.out(`${summary.total} matter(s) in the file`);
  for (const [label, count, list] of rows) {
    const more = list && count > list.length ? ` … and ${count - list.length} more` : '';
    const shown = list && list.length > 0 ? `: ${list.join(', ')}${more}` : '';
    output.out(`  ${label}: ${count}${shown}`);
  }
  output.out(`Law book version ${summary.lawBookVersion}`);
  printRevalidated(output, summary.revalidated);
}

function printTimekeeperSummary(output: CliOutput, summary: TimekeeperImportSummaryView): void {
  output.out(`${summary.total} timekeeper row(s) in the file`);
  output.out(`  added: ${summary.added}`);
  output.out(`  changed: ${summary.changed}`);
  output.out(`  removed: ${summary.removed}`);
  output.out(`  unchanged: ${summary.unchanged}`);
  output.out(`Law book version ${summary.lawBookVersion}`);
  printRevalidated(output, summary.revalidated);
}

/**
 * `matters import` and `timekeepers import`: a law firm's lists from CSV files, as over the
 * API (docs/law-firms.md). A file with problems changes nothing; they are printed a line each.
 */
export function addLawFirmCommands(program: Command, { boot, output, userPath }: CliContext): void {
  program
    .command('matters')
    .description("a law firm's clients and matters")
    .command('import <file>')
    .description(
      `import the firm's matter list from CSV (${MATTER_COLUMNS.join(',')}), all or nothing; ` +
        'matters the file does not name are kept; the same file again changes nothing',
    )
    .requiredOption('--business <id>', 'the law firm (a business of kind law-firm)')
    .action(async (file: string, options: { business: string }) => {
      const businessId = positiveInteger(options.business, '--business');
      const input = readCsvList(readTextFile(userPath(file)), MATTER_COLUMNS, 'matters');
      const service = (await boot()).get(MattersService);
      printMatterSummary(output, await service.import(businessId, input, CLI_ACTOR));
    });
  program
    .command('timekeepers')
    .description("a law firm's timekeepers: who used each extension from which date")
    .command('import <file>')
    .description(
      `replace the firm's timekeeper list with a CSV file (${TIMEKEEPER_COLUMNS.join(',')}), ` +
        'all or nothing; the same file again changes nothing',
    )
    .requiredOption('--business <id>', 'the law firm (a business of kind law-firm)')
    .action(async (file: string, options: { business: string }) => {
      const businessId = positiveInteger(options.business, '--business');
      const input = readCsvList(readTextFile(userPath(file)), TIMEKEEPER_COLUMNS, 'timekeepers');
      const service = (await boot()).get(TimekeepersService);
      printTimekeeperSummary(output, await service.import(businessId, input, CLI_ACTOR));
    });
}
