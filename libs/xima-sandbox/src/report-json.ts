import { randomUUID } from 'node:crypto';
import { CallGenerator, CallGeneratorOptions } from './call-generator';
import { renderReportToString } from './report-builder';
import { SANDBOX_REPORTS, SandboxReportKey } from './reports';

/**
 * The JSON body the sandbox would answer for a report and timeframe (both ends inclusive),
 * without HTTP: for benchmarks that compare our work with parsing Xima's answer. `agents`, the
 * agent keys a `PBX_USERS` parameter would name, keeps their calls only.
 */
export function reportJson(
  key: SandboxReportKey,
  fromMs: number,
  toMs: number,
  options: CallGeneratorOptions = {},
  agents?: readonly string[],
): string {
  const bound = (epochMs: number) => ({ epochMs, text: new Date(epochMs).toISOString() });
  return renderReportToString({
    report: SANDBOX_REPORTS[key],
    request: { start: bound(fromMs), end: bound(toMs), agents },
    generator: new CallGenerator(options),
    executionId: randomUUID(),
  });
}
