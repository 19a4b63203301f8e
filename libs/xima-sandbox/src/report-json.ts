import { randomUUID } from 'node:crypto';
import { CallGenerator, CallGeneratorOptions } from './call-generator';
import { renderReportToString } from './report-builder';
import { SANDBOX_REPORTS, SandboxReportKey } from './reports';

/**
 * The JSON body the sandbox would answer for a report and timeframe (both ends inclusive),
 * without HTTP: for benchmarks that compare our work with parsing Xima's answer.
 */
export function reportJson(
  key: SandboxReportKey,
  fromMs: number,
  toMs: number,
  options: CallGeneratorOptions = {},
): string {
  const bound = (epochMs: number) => ({ epochMs, text: new Date(epochMs).toISOString() });
  return renderReportToString({
    report: SANDBOX_REPORTS[key],
    request: { start: bound(fromMs), end: bound(toMs), agents: undefined },
    generator: new CallGenerator(options),
    executionId: randomUUID(),
  });
}
