import { Command, Option } from 'commander';
import {
  EXPORT_FORMATS,
  ExportFormat,
  InvoiceFilesService,
  InvoicesService,
} from '@app/invoice-export';
import { CliContext } from './cli-context';
import { writeWhole } from './write-whole';

/** `invoices export`: an invoice's file, written where the user asks. */
export function addInvoiceCommands(program: Command, { boot, output, userPath }: CliContext): void {
  const invoices = program.command('invoices').description('invoices and their files');
  invoices
    .command('export <number>')
    .description(
      "write a finalized invoice as a billing system's file (docs/exports.md); the file appears whole or not at all",
    )
    .addOption(
      new Option('--format <format>', 'which file').choices(EXPORT_FORMATS).makeOptionMandatory(),
    )
    .option(
      '--out <file>',
      'where to write it, relative to where the command runs (default: its download name there)',
    )
    .action(async (number: string, options: { format: ExportFormat; out?: string }) => {
      const context = await boot();
      const invoice = await context.get(InvoicesService).loadByNumber(number);
      const file = await context.get(InvoiceFilesService).file(invoice, options.format);
      const out = userPath(options.out ?? file.fileName);
      const bytes = await writeWhole(file.body, out);
      output.err(
        `Wrote ${invoice.number} (${invoice.status}) as ${options.format} to ${out}: ${bytes.toLocaleString('en-US')} bytes`,
      );
    });
}
