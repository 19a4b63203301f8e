// A list import as an accountant does it: a CSV file chosen on this computer, read here and sent
// as it is; the answer is either what changed, or every problem of the file by its line (then
// nothing changed at all).
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api/client';
import { Field } from '../../ui/field';
import { useNotify } from '../../ui/notices';
import { ErrorNotice, Loading } from '../../ui/states';
import { count } from '../admin/common';

export function ImportCard<Summary>({
  title,
  intro,
  columns,
  send,
  onImported,
  summary,
}: {
  title: string;
  intro: ReactNode;
  /** The header the file must have, as the hint shows it. */
  columns: string;
  send: (csv: string) => Promise<Summary>;
  onImported: (summary: Summary) => string;
  summary: (summary: Summary) => ReactNode;
}) {
  const notify = useNotify();
  const titleId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: async (chosen: File) => send(await chosen.text()),
    onSuccess: (answer) => notify(onImported(answer)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    upload.mutate(file);
  };
  return (
    <section className="card import-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p className="card-intro">{intro}</p>
      <form className="import-form" onSubmit={submit}>
        <Field
          label="CSV file"
          type="file"
          accept=".csv,text/csv"
          hint={
            <>
              First line: <code>{columns}</code>
            </>
          }
          error={missing ? 'Choose the file to import.' : undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setMissing(false);
            upload.reset();
          }}
        />
        <button type="submit" className="primary" disabled={upload.isPending}>
          {upload.isPending ? 'Importing…' : 'Import'}
        </button>
      </form>
      {upload.isPending && (
        <Loading what="Importing, then checking the firm's unsettled calls again" />
      )}
      {upload.isSuccess && (
        <div className="import-result" role="status">
          {summary(upload.data)}
        </div>
      )}
      {upload.isError && <ImportRefused error={upload.error} fileName={file?.name ?? 'The file'} />}
    </section>
  );
}

/** A refused file: each problem by its line, and that nothing was changed. */
function ImportRefused({ error, fileName }: { error: Error; fileName: string }) {
  if (!(error instanceof ApiError) || error.status !== 400 || error.details.length === 0) {
    return <ErrorNotice error={error} />;
  }
  const problems = error.details;
  return (
    <div className="state error import-problems" role="alert">
      <p className="state-title">
        Nothing was imported: {fileName} has {count(problems.length)} problem
        {problems.length === 1 ? '' : 's'}.
      </p>
      <p>The list is as it was. Correct the file and import it again.</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.field === 'file' ? (
              <>The file {problem.message}</>
            ) : (
              <>
                {problem.field ? <strong>{where(problem.field)}: </strong> : null}
                {problem.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** `line 7` -> `Line 7`. */
function where(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}

/** A row of labelled counts; the ones above zero stand out. */
export function Counts({
  entries,
}: {
  entries: { label: string; value: number; tone?: string }[];
}) {
  return (
    <dl className="facts import-counts">
      {entries.map((entry) => (
        <div key={entry.label} className={entry.value > 0 ? (entry.tone ?? '') : 'zero'}>
          <dt>{entry.label}</dt>
          <dd>{count(entry.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What the re-validation after an import did, in words, and where the changed calls are. */
export function Revalidated({ matched, changed }: { matched: number; changed: number }) {
  if (matched === 0) {
    return <p>No calls were waiting for review or an invoice: none needed checking again.</p>;
  }
  return (
    <p>
      {count(matched)} call{matched === 1 ? '' : 's'} not yet approved or invoiced{' '}
      {matched === 1 ? 'was' : 'were'} checked against the new list;{' '}
      {changed === 0 ? (
        'none of them changed.'
      ) : (
        <>
          {count(changed)} changed (each change is in the audit log).{' '}
          <Link href="/review?status=needs-review">See the calls that need review</Link>
        </>
      )}
    </p>
  );
}
