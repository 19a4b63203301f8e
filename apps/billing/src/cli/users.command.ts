import { Command, Option } from 'commander';
import { API_KEY_ROLES, ApiKeyRole } from '@app/common';
import { UsersService } from '../users/users.service';
import { CLI_ACTOR, CliContext } from './cli-context';

/**
 * `users create | reset-password | list`. A password is never typed on the command line (it
 * would stay in the shell's history): the command makes a one-time password, prints it on
 * stdout, and the person changes it at first sign-in.
 */
export function addUserCommands(program: Command, { boot, output }: CliContext): void {
  const users = program.command('users').description('manage the people who sign in');
  users
    .command('create')
    .description('create a user and print a one-time password (changed at first sign-in)')
    .requiredOption('--email <email>', 'what the person signs in with')
    .requiredOption('--name <name>', 'their name, as the audit trail shows it')
    .addOption(
      new Option('--role <role>', 'what they may do').choices(API_KEY_ROLES).makeOptionMandatory(),
    )
    .action(async (options: { email: string; name: string; role: ApiKeyRole }) => {
      const service = (await boot()).get(UsersService);
      const { user, oneTimePassword } = await service.create(
        { email: options.email, name: options.name, role: options.role },
        CLI_ACTOR,
      );
      output.err(
        `Created user ${user.id} ${user.email} "${user.name}" with role ${user.role}. Their one-time password, shown only now (to be changed at first sign-in):`,
      );
      output.out(oneTimePassword!);
    });
  users
    .command('reset-password')
    .description('give a user a one-time password (changed at next sign-in); their sessions end')
    .requiredOption('--email <email>', 'the user')
    .action(async (options: { email: string }) => {
      const service = (await boot()).get(UsersService);
      const user = await service.findByEmail(options.email);
      const { oneTimePassword } = await service.resetPassword(user.id, CLI_ACTOR);
      output.err(
        `New one-time password for ${user.email}, shown only now (to be changed at next sign-in):`,
      );
      output.out(oneTimePassword!);
    });
  users
    .command('list')
    .description('list users (never their passwords)')
    .action(async () => {
      for (const user of await (await boot()).get(UsersService).list()) {
        const state = user.disabled ? 'disabled' : 'active';
        output.out(`${user.id}\t${user.email}\t${user.role}\t${state}\t${user.name}`);
      }
    });
}
