import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { api, ok } from '../../api/client';
import { Field, SelectField } from '../../ui/field';
import { formatDuration } from '../../ui/format';
import { Money } from '../../ui/money';
import { Time } from '../../ui/time';
import { ErrorNotice } from '../../ui/states';
import { wallClockWithOffset, type QuoteResult, type RatePlan } from './queries';

type Mode = 'form' | 'json';

const STATUS_TONE: Record<QuoteResult['status'], string> = {
  pending: 'good',
  'no-charge': '',
  'needs-review': 'warn',
  'not-billable': '',
};

/**
 * Records in, charges out: the plan rates them exactly as sync would and stores nothing
 * (docs/rating.md, "Trying a plan before it bills anyone").
 */
export function QuoteForm({ plan, zone }: { plan: RatePlan; zone: string }) {
  const [mode, setMode] = useState<Mode>('form');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const quote = useMutation({
    mutationFn: (records: object[]) =>
      ok(
        api.POST('/api/v1/rate-plans/{id}/quote', {
          params: { path: { id: plan.id } },
          // The document types records as bare objects; the API validates each (docs/api.md).
          body: { records: records as Record<string, never>[] },
        }),
      ),
  });
  const name = useId();
  return (
    <section className="plan-section" aria-labelledby="quote-title">
      <h2 id="quote-title">Quote</h2>
      <p className="muted">
        Rate records with this plan, exactly as a sync would, without storing anything. Each is
        rated with the version in force at its start.
      </p>
      <div className="card">
        <fieldset className="mode">
          <legend>Records</legend>
          <label>
            <input
              type="radio"
              name={name}
              checked={mode === 'form'}
              onChange={() => setMode('form')}
            />
            {plan.kind === 'per-call' ? 'One call' : 'One account-code row'}
          </label>
          <label>
            <input
              type="radio"
              name={name}
              checked={mode === 'json'}
              onChange={() => setMode('json')}
            />
            Records as JSON
          </label>
        </fieldset>
        {mode === 'form' ? (
          plan.kind === 'per-call' ? (
            <CallForm
              zone={zone}
              busy={quote.isPending}
              onQuote={(record) => quote.mutate([record])}
            />
          ) : (
            <SummaryForm
              zone={zone}
              busy={quote.isPending}
              onQuote={(record) => quote.mutate([record])}
            />
          )
        ) : (
          <JsonForm
            kind={plan.kind}
            zone={zone}
            busy={quote.isPending}
            error={jsonError}
            onQuote={(text) => {
              try {
                const parsed = JSON.parse(text) as unknown;
                const records = Array.isArray(parsed)
                  ? parsed
                  : (parsed as { records?: unknown }).records;
                if (!Array.isArray(records)) throw new Error('expected an array of records');
                setJsonError(null);
                quote.mutate(records as object[]);
              } catch (error) {
                setJsonError(`This is not a list of records: ${(error as Error).message}`);
              }
            }}
          />
        )}
      </div>
      {quote.isError && <ErrorNotice error={quote.error} />}
      {quote.isSuccess && <QuoteResults results={quote.data.results} zone={zone} />}
    </section>
  );
}

function CallForm({
  zone,
  busy,
  onQuote,
}: {
  zone: string;
  busy: boolean;
  onQuote: (record: object) => void;
}) {
  const [startTime, setStartTime] = useState(() => wallClockWithOffset(new Date(), zone));
  const [direction, setDirection] = useState('outbound');
  const [extension, setExtension] = useState('');
  const [dialedNumber, setDialedNumber] = useState('');
  const [seconds, setSeconds] = useState('60');
  const [accountCode, setAccountCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onQuote({
      callId: 'quote-1',
      startTime,
      direction,
      extension: extension || null,
      dialedNumber: dialedNumber || null,
      talkMs: Math.round(Number(seconds) * 1000),
      accountCode: accountCode || null,
    });
  };
  return (
    <form className="quote-grid" onSubmit={submit} aria-label="Quote one call">
      <Field
        label="Start time"
        required
        value={startTime}
        onChange={(event) => setStartTime(event.target.value)}
        hint={`ISO 8601 with an offset; now in ${zone} is filled in.`}
      />
      <SelectField
        label="Direction"
        value={direction}
        onChange={(event) => setDirection(event.target.value)}
      >
        <option value="outbound">Outbound</option>
        <option value="inbound">Inbound</option>
        <option value="internal">Internal</option>
      </SelectField>
      <Field
        label="Extension"
        value={extension}
        onChange={(event) => setExtension(event.target.value)}
        placeholder="1012"
      />
      <Field
        label="Dialed number"
        value={dialedNumber}
        onChange={(event) => setDialedNumber(event.target.value)}
        placeholder="9 (212) 555-0100"
        hint="As the phone system recorded it."
      />
      <Field
        label="Talk time (seconds)"
        type="number"
        min={0}
        step="any"
        required
        value={seconds}
        onChange={(event) => setSeconds(event.target.value)}
      />
      <Field
        label="Account code"
        value={accountCode}
        onChange={(event) => setAccountCode(event.target.value)}
        hint="Optional: a law firm's client-matter code."
      />
      <div className="quote-submit">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Quoting…' : 'Quote'}
        </button>
      </div>
    </form>
  );
}

function SummaryForm({
  zone,
  busy,
  onQuote,
}: {
  zone: string;
  busy: boolean;
  onQuote: (record: object) => void;
}) {
  const now = new Date();
  const [accountCode, setAccountCode] = useState('');
  const [calls, setCalls] = useState('1');
  const [seconds, setSeconds] = useState('60');
  const [periodStart, setPeriodStart] = useState(() =>
    wallClockWithOffset(new Date(now.getTime() - 86_400_000), zone),
  );
  const [periodEnd, setPeriodEnd] = useState(() => wallClockWithOffset(now, zone));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onQuote({
      callId: 'quote-1',
      accountCode,
      calls: Number(calls),
      totalTalkMs: Math.round(Number(seconds) * 1000),
      periodStart,
      periodEnd,
    });
  };
  return (
    <form className="quote-grid" onSubmit={submit} aria-label="Quote one account-code row">
      <Field
        label="Account code"
        required
        value={accountCode}
        onChange={(event) => setAccountCode(event.target.value)}
        placeholder="10234-001"
      />
      <Field
        label="Calls"
        type="number"
        min={0}
        step={1}
        required
        value={calls}
        onChange={(event) => setCalls(event.target.value)}
      />
      <Field
        label="Total talk time (seconds)"
        type="number"
        min={0}
        step="any"
        required
        value={seconds}
        onChange={(event) => setSeconds(event.target.value)}
      />
      <Field
        label="Period start"
        required
        value={periodStart}
        onChange={(event) => setPeriodStart(event.target.value)}
        hint="ISO 8601 with an offset."
      />
      <Field
        label="Period end"
        required
        value={periodEnd}
        onChange={(event) => setPeriodEnd(event.target.value)}
        hint="Excluded."
      />
      <div className="quote-submit">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Quoting…' : 'Quote'}
        </button>
      </div>
    </form>
  );
}

function JsonForm({
  kind,
  zone,
  busy,
  error,
  onQuote,
}: {
  kind: RatePlan['kind'];
  zone: string;
  busy: boolean;
  error: string | null;
  onQuote: (text: string) => void;
}) {
  const start = wallClockWithOffset(new Date(), zone);
  const example =
    kind === 'per-call'
      ? [
          {
            callId: 'c1',
            startTime: start,
            direction: 'outbound',
            extension: '1012',
            dialedNumber: '9 (212) 555-0100',
            talkMs: 61000,
          },
        ]
      : [
          {
            callId: 's1',
            accountCode: '10234-001',
            calls: 37,
            totalTalkMs: 7980000,
            periodStart: start,
            periodEnd: start,
          },
        ];
  const [text, setText] = useState(() => JSON.stringify(example, null, 2));
  const id = useId();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onQuote(text);
      }}
    >
      <div className="field">
        <label htmlFor={id}>Records (JSON)</label>
        <textarea
          id={id}
          className="code"
          rows={10}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-note`}
        />
        <p id={`${id}-note`} className={error ? 'field-error' : 'field-hint'}>
          {error ??
            'A list of records (1 to 10,000), as docs/api.md describes them; talk times in milliseconds.'}
        </p>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Quoting…' : 'Quote'}
      </button>
    </form>
  );
}

function QuoteResults({ results, zone }: { results: QuoteResult[]; zone: string }) {
  return (
    <div className="quote-results" aria-live="polite">
      <h3>{results.length === 1 ? 'The charge' : `${results.length} charges`}</h3>
      <ol className="quote-list">
        {results.map((result, index) => (
          <li key={index} className="card quote-result">
            <div className="quote-head">
              <span className="call-id">{result.callId}</span>
              <span className={`badge ${STATUS_TONE[result.status]}`}>{result.status}</span>
              {result.reason && <span className="muted">{result.reason}</span>}
              {result.total !== undefined && result.currency && (
                <strong className="quote-total">
                  <Money amount={result.total} currency={result.currency} />
                </strong>
              )}
            </div>
            {result.status !== 'not-billable' && <Breakdown result={result} zone={zone} />}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Breakdown({ result, zone }: { result: QuoteResult; zone: string }) {
  const currency = result.currency ?? 'USD';
  const rows: [string, ReactNode][] = [
    ['Billing account', result.billingAccount ?? '—'],
    ['Start', result.startTime ? <Time instant={result.startTime} timeZone={zone} /> : '—'],
    ['Dialed', result.dialedNumber ?? '—'],
    ['Normalised number', result.normalizedNumber ?? '—'],
    [
      'Destination',
      result.destinationClass
        ? `${result.destinationClass} (prefix “${result.destinationPrefix ?? ''}”)`
        : '—',
    ],
    ['Time band', result.timeBand ?? '—'],
    [
      'Talk / billed',
      `${formatDuration(result.talkSeconds ?? 0)} / ${formatDuration(result.billedSeconds ?? 0)}`,
    ],
    ['Exact charge', result.charge ?? '—'],
    ['Amount', result.amount ? <Money amount={result.amount} currency={currency} /> : '—'],
    ...(result.taxes ?? []).map((tax): [string, ReactNode] => [
      `${tax.name} ${tax.ratePercent}%`,
      <Money key={tax.name} amount={tax.amount} currency={currency} />,
    ]),
    ['Total', result.total ? <Money amount={result.total} currency={currency} /> : '—'],
    ['Version', result.ratePlanVersion ? `version ${result.ratePlanVersion}` : '—'],
  ];
  return (
    <>
      {result.explanation && <p className="explanation">{result.explanation}</p>}
      <dl className="breakdown">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
