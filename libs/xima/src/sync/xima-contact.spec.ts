import { XimaError, XimaErrorCode } from '../client';
import { XimaContact } from './xima-contact';

const error = (code: XimaErrorCode, status: number | null) =>
  new XimaError(code, `Xima report "CALLDTLX": ${status ?? 'no answer'}`, {
    status,
    attempts: 3,
    retries: 2,
  });

describe('XimaContact', () => {
  it('knows nothing until Xima has been asked', () => {
    expect(new XimaContact().current).toEqual({ status: 'unknown', atMs: null, message: null });
  });

  it.each([
    ['no answer (connection refused, timeouts)', error('gave-up', null), 'unreachable'],
    ['503 until the retries ran out', error('gave-up', 503), 'unreachable'],
    ['202 until the retries ran out (the report kept running)', error('gave-up', 202), 'reachable'],
    ['429 until the retries ran out', error('gave-up', 429), 'reachable'],
    ['401: the token was refused', error('unauthorized', 401), 'reachable'],
    ['509: the transfer cap', error('transfer-cap', 509), 'reachable'],
    ['an answer that is not a report', error('invalid-response', 200), 'reachable'],
  ])('%s -> %s', (_case, failure, status) => {
    const contact = new XimaContact();
    contact.failed(1_000, failure);
    expect(contact.current).toEqual({ status, atMs: 1_000, message: failure.message });
  });

  it('is reachable again after the next report', () => {
    const contact = new XimaContact();
    contact.failed(1_000, error('gave-up', null));
    contact.answered(2_000);
    expect(contact.current).toEqual({ status: 'reachable', atMs: 2_000, message: null });
  });
});
