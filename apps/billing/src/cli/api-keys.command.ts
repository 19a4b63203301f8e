import { Command, Option } from 'commander';
import { API_KEY_ROLES, ApiKeyRole } from '@app/common';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { CLI_ACTOR, CliContext, positiveInteger } from './cli-context';

/** `api-keys create | list | revoke`. */
export function addApiKeyCommands(program: Command, { boot, output }: CliContext): void {
  const apiKeys = program.command('api-keys').description('manage API keys');
  apiKeys
    .command('create')
    .description('create a key and print it (shown this once)')
    .requiredOption('--name <name>', 'who or what will use the key')
    .addOption(
      new Option('--role <role>', 'what it may do').choices(API_KEY_ROLES).makeOptionMandatory(),
    )
    .action(async (options: { name: string; role: ApiKeyRole }) => {
      const service = (await boot()).get(ApiKeysService);
      const { key, secret } = await service.create(
        { name: options.name, role: options.role, origin: 'cli' },
        CLI_ACTOR,
      );
      output.err(
        `Created API key ${key.id} "${key.name}" with role ${key.role}. It is shown only now:`,
      );
      output.out(secret);
    });
  apiKeys
    .command('list')
    .description('list keys (never the keys themselves)')
    .action(async () => {
      const keys = await (await boot()).get(ApiKeysService).list();
      for (const key of keys) {
        const state = key.revokedAtMs === null ? 'active' : 'revoked';
        output.out(`${key.id}\t${key.keyPrefix}…\t${key.role}\t${state}\t${key.name}`);
      }
    });
  apiKeys
    .command('revoke <id>')
    .description('revoke a key')
    .action(async (id: string) => {
      const key = await (
        await boot()
      )
        .get(ApiKeysService)
        .revoke(positiveInteger(id, 'id'), CLI_ACTOR);
      output.err(`Revoked API key ${key.id} "${key.name}".`);
    });
}
