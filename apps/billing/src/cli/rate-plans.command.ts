import { Command } from 'commander';
import { DomainError, isoTime } from '@app/common';
import { RATE_TABLE_COLUMNS, RatePlansService } from '@app/rating';
import { CLI_ACTOR, CliContext, positiveInteger, readJsonFile, readTextFile } from './cli-context';

/** `rate-plans list | import | export | import-rates`: plans as files. */
export function addRatePlanCommands(
  program: Command,
  { boot, output, userPath }: CliContext,
): void {
  const ratePlans = program.command('rate-plans').description('manage rate plans as files');
  ratePlans
    .command('list')
    .description('list rate plans')
    .action(async () => {
      const plans = await (await boot()).get(RatePlansService).list();
      for (const plan of plans) {
        output.out(`${plan.id}\t${plan.kind}\t${plan.currency}\t${plan.name}`);
      }
    });
  ratePlans
    .command('import <file>')
    .description(
      'create a plan from a JSON file, or add a version to the plan of that name; ' +
        'importing the same file again changes nothing',
    )
    .action(async (file: string) => {
      const input = readJsonFile(userPath(file));
      const result = await (await boot()).get(RatePlansService).importPlan(input, CLI_ACTOR);
      const { plan, added } = result;
      const what = {
        created: `Created rate plan ${plan.id} "${plan.name}"`,
        'new-version': `Added version ${added?.version} to rate plan ${plan.id} "${plan.name}"`,
        unchanged: `Rate plan ${plan.id} "${plan.name}" already has this version; nothing changed`,
      }[result.outcome];
      output.err(what);
    });
  ratePlans
    .command('export <id>')
    .description('print a plan version as JSON ({ effectiveFrom, ...plan }), ready to import')
    .option('--version <n>', 'which version (default: the latest)')
    .action(async (id: string, options: { version?: string }) => {
      const service = (await boot()).get(RatePlansService);
      const { versions } = await service.get(positiveInteger(id, 'id'));
      const wanted =
        options.version === undefined ? undefined : positiveInteger(options.version, '--version');
      const version =
        wanted === undefined
          ? versions[versions.length - 1]
          : versions.find((v) => v.version === wanted);
      if (!version) throw new DomainError('not-found', `Rate plan ${id} has no version ${wanted}`);
      const document = {
        effectiveFrom: isoTime(version.effectiveFromMs),
        ...service.document(version),
      };
      output.out(JSON.stringify(document, null, 2));
    });
  ratePlans
    .command('import-rates <id> <file>')
    .description(
      `add a version whose destinations and rates come from a carrier's CSV rate table (${RATE_TABLE_COLUMNS.join(',')})`,
    )
    .option('--effective-from <instant>', 'ISO-8601 with offset (default: now)')
    .action(async (id: string, file: string, options: { effectiveFrom?: string }) => {
      const csv = readTextFile(userPath(file));
      const service = (await boot()).get(RatePlansService);
      const { plan, added } = await service.importRateTable(
        positiveInteger(id, 'id'),
        csv,
        options.effectiveFrom,
        CLI_ACTOR,
      );
      output.err(
        `Added version ${added.version} to rate plan ${plan.id} "${plan.name}" from ${file}`,
      );
    });
}
