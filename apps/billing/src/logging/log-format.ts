import type { LogFormat } from '../config/environment';

/**
 * How log lines are written: LOG_FORMAT when set; otherwise readable lines for a person at a
 * terminal and JSON lines for whatever else reads stdout (a file, a pipe, a log collector).
 */
export function chooseLogFormat(setting: LogFormat | undefined, stdoutIsTty: boolean): LogFormat {
  return setting ?? (stdoutIsTty ? 'pretty' : 'json');
}
