import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { api, ApiError, ok } from '../../api/client';
import { Field } from '../../ui/field';
import { formatTime } from '../../ui/format';
import { useNotify } from '../../ui/notices';
import { ErrorNotice } from '../../ui/states';
import { planKey, type RatePlan } from './queries';

/** The header a carrier's rate table starts with (docs/rating.md, "Plans as files"). */
export const RATE_TABLE_HEADER =
  'prefix,class,connectFee,perMinute,firstIncrementSeconds,incrementSeconds,minimumCharge,maximumCharge';

interface LineProblem {
  line: number | null;
  field: string;
  message: string;
}

/** The API's details as problems by CSV line (`line 7`), in line order; others first. */
function problemsOf(error: ApiError): LineProblem[] {
  return error.details
    .map((detail) => {
      const line = /^line (\d+)$/.exec(detail.field ?? '')?.[1];
      return {
        line: line === undefined ? null : Number(line),
        field: detail.field ?? '',
        message: detail.message,
      };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * A new version whose destinations and rates come from a carrier's CSV rate table; everything
 * else is the version in force then. A refused table lists each problem by its line, beside the
 * line's text, so that the person can fix the file.
 */
export function RateTableImport({ plan, zone }: { plan: RatePlan; zone: string }) {
  const client = useQueryClient();
  const notify = useNotify();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const csvId = useId();
  const fileId = useId();

  const importTable = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/rate-plans/{id}/rate-table', {
          params: { path: { id: plan.id } },
          body: { csv, effectiveFrom: effectiveFrom.trim() || undefined },
        }),
      ),
    onSuccess: (next) => {
      client.setQueryData(planKey(plan.id), next);
      void client.invalidateQueries({ queryKey: ['rate-plans', 'list'] });
      const added = [...next.versions].sort((a, b) => b.version - a.version)[0];
      notify(
        `Version ${added.version} added, in force from ${formatTime(added.effectiveFrom, zone)}.`,
      );
      setCsv('');
      setFileName(null);
      setEffectiveFrom('');
    },
  });

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
    importTable.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    importTable.mutate();
  };

  const refused = importTable.error instanceof ApiError && importTable.error.status === 400;
  const problems = refused ? problemsOf(importTable.error as ApiError) : [];
  // The API numbers the table's rows as lines with empty lines skipped: so does this list.
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');

  return (
    <section className="plan-section" aria-labelledby="import-title">
      <h2 id="import-title">Import a rate table</h2>
      <p className="muted">
        A carrier's CSV replaces the plan's destinations and rates in a new version; a class the
        plan has keeps its free flag and time bands. The header row is{' '}
        <code className="header-row">{RATE_TABLE_HEADER}</code>; empty cells are unset.
      </p>
      <form className="card" onSubmit={submit}>
        <div className="field">
          <label htmlFor={fileId}>CSV file</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => void readFile(event)}
          />
          {fileName && (
            <p className="field-hint">
              Read {fileName}: {lines.length} lines.
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={csvId}>Rate table (CSV)</label>
          <textarea
            id={csvId}
            className="code"
            rows={8}
            required
            value={csv}
            placeholder={`${RATE_TABLE_HEADER}\n1,long-distance,1.00,0.45,60,6,,\n44,uk,2.00,1.20,60,60,3.00,`}
            onChange={(event) => {
              setCsv(event.target.value);
              setFileName(null);
            }}
            aria-describedby={`${csvId}-hint`}
          />
          <p id={`${csvId}-hint`} className="field-hint">
            Choose a file or paste its text.
          </p>
        </div>
        <Field
          label="In force from"
          value={effectiveFrom}
          onChange={(event) => setEffectiveFrom(event.target.value)}
          placeholder="2027-01-01T00:00:00-07:00"
          hint={`ISO 8601 with an offset; empty means now. Times of day are read in the offset you give (the plan's zone is ${zone}).`}
        />
        <button type="submit" className="primary" disabled={importTable.isPending || !csv.trim()}>
          {importTable.isPending ? 'Importing…' : 'Import as a new version'}
        </button>
      </form>
      {importTable.isError && !refused && <ErrorNotice error={importTable.error} />}
      {refused && (
        <div className="import-problems" role="alert">
          <p className="state-title">
            The table was not imported: {problems.length}{' '}
            {problems.length === 1 ? 'problem' : 'problems'} to fix. Nothing was stored.
          </p>
          <ol className="problem-list">
            {problems.map((problem, index) => (
              <li key={index}>
                <span className="problem-where">
                  {problem.line === null ? problem.field : `Line ${problem.line}`}
                </span>
                <span className="problem-what">{problem.message}</span>
                {problem.line !== null && lines[problem.line - 1] !== undefined && (
                  <code className="problem-line">{lines[problem.line - 1] || '(empty)'}</code>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
