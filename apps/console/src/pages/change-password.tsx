import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok, setCsrfToken } from '../api/client';
import { SESSION_KEY, useSession } from '../api/session';
import { Field } from '../ui/field';
import { useNotify } from '../ui/notices';
import { Page } from '../ui/page';
import { ErrorNotice } from '../ui/states';

const MIN_LENGTH = 12;

/**
 * A new password for the signed-in person; the only page of someone who signed in with a one-time
 * password, until they have chosen their own. The other sessions of the person end.
 */
export function ChangePassword() {
  const { user } = useSession();
  const client = useQueryClient();
  const notify = useNotify();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again.length > 0 && again !== next;
  const change = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/session/password', {
          body: { currentPassword: current, newPassword: next },
        }),
      ),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(SESSION_KEY, session);
      setCurrent('');
      setNext('');
      setAgain('');
      notify('Your password is changed. Your other sessions have ended.');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) change.mutate();
  };
  return (
    <Page
      title="Change password"
      intro={
        user.mustChangePassword
          ? 'You signed in with a one-time password. Choose your own to go on.'
          : `Signed in as ${user.email}.`
      }
    >
      <form className="card narrow" onSubmit={submit}>
        <Field
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_LENGTH}
          hint={`At least ${MIN_LENGTH} characters. A few unrelated words make a good one.`}
          value={next}
          onChange={(event) => setNext(event.target.value)}
        />
        <Field
          label="New password again"
          type="password"
          autoComplete="new-password"
          required
          error={mismatch ? 'The two new passwords differ.' : undefined}
          value={again}
          onChange={(event) => setAgain(event.target.value)}
        />
        {change.isError && <ErrorNotice error={change.error} />}
        <button type="submit" className="primary" disabled={change.isPending || mismatch}>
          Change password
        </button>
      </form>
    </Page>
  );
}
