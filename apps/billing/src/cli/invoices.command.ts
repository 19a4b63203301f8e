import { Command, Option } from 'commander';
import {
  DISBURSEMENT_TEMPLATE_NAMES,
  EXPORT_FORMATS,
  ExportFormat,
  InvoiceFilesService,
  InvoicesService,
} from '@app/invoice-export';
import { CliContext } from './cli-context';
import { writeWhole } from './write-whole';

interface ExportOptions {
  format: ExportFormat;
  template?: string;
  out?: string;
}

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
    .addOption(
      new Option(
        '--template <name>',
        'the layout of a disbursements file (required with --format disbursements)',
      ).choices(DISBURSEMENT_TEMPLATE_NAMES),
    )
    .option(
      '--out <file>',
      'where to write it, relative to where the command runs (default: its download name there)',
    )
    .action(async (number: string, options: ExportOptions) => {
      const context = await boot();
      const invoice = await context.get(InvoicesService).loadByNumber(number);
      const files = context.get(InvoiceFilesService);
      const file = await files.file(invoice, options.format, options.template);
      const out = userPath(options.out ?? file.fileName);
      const bytes = await writeWhole(file.body, out);
      output.err(
        `Wrote ${invoice.number} (${invoice.status}) as ${options.format} to ${out}: ${bytes.toLocaleString('en-US')} bytes`,
      );
    });
}
