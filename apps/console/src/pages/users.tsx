import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok, type Schema } from '../api/client';
import { useSession, type Role } from '../api/session';
import { Dialog } from '../ui/dialog';
import { Field } from '../ui/field';
import { useNotify } from '../ui/notices';
import { Page } from '../ui/page';
import { Empty, ErrorNotice, Loading } from '../ui/states';
import { Time } from '../ui/time';
import { Check, Choice, Confirm, fieldErrors, OneTimeSecret, useHomeZone } from './admin/common';

type User = Schema<'UserView'>;

const USERS_KEY = ['users'] as const;
const MIN_PASSWORD = 12;

const ROLE_HINT: Record<Role, string> = {
  viewer: 'Reads everything, changes nothing.',
  accountant: 'Also reviews line items and manages invoices.',
  admin: 'Also manages users, keys, businesses, plans and sources.',
};

/** What a dialog on this page is doing, if any. */
type Action =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'toggle'; user: User }
  | { kind: 'reset'; user: User }
  | { kind: 'password'; user: User; password: string; reason: 'created' | 'reset' };

export default function Users() {
  const { user: me, can } = useSession();
  const zone = useHomeZone();
  const [action, setAction] = useState<Action | null>(null);
  const users = useQuery({
    queryKey: USERS_KEY,
    queryFn: () => ok(api.GET('/api/v1/users')).then((answer) => answer.items),
    enabled: can('admin'),
  });
  const close = () => setAction(null);

  if (!can('admin')) {
    return (
      <Page title="Users">
        <Empty title="Only an admin manages users." />
      </Page>
    );
  }
  return (
    <Page
      title="Users"
      intro="The people who sign in to the console, and what each may do."
      actions={
        <button type="button" className="primary" onClick={() => setAction({ kind: 'create' })}>
          New user
        </button>
      }
    >
      {users.isPending ? (
        <Loading what="Reading the users" />
      ) : users.isError ? (
        <ErrorNotice error={users.error} retry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <Empty title="No user yet." />
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => {
                const self = user.id === me.id;
                return (
                  <tr key={user.id}>
                    <td>
                      {user.name}
                      {self && <span className="muted"> (you)</span>}
                    </td>
                    <td>{user.email}</td>
                    <td>
                      <span className="badge">{user.role}</span>
                    </td>
                    <td className="nowrap">
                      {user.disabled ? (
                        <span className="badge bad">disabled</span>
                      ) : user.mustChangePassword ? (
                        <span className="badge warn">must change password</span>
                      ) : (
                        <span className="badge good">active</span>
                      )}
                    </td>
                    <td className="nowrap">
                      <Time instant={user.createdAt} timeZone={zone} />
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        aria-label={`Edit ${user.name}`}
                        onClick={() => setAction({ kind: 'edit', user })}
                      >
                        Edit
                      </button>{' '}
                      {!self && (
                        <button
                          type="button"
                          aria-label={`Reset password of ${user.name}`}
                          onClick={() => setAction({ kind: 'reset', user })}
                        >
                          Reset password
                        </button>
                      )}{' '}
                      {!self && (
                        <button
                          type="button"
                          aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.name}`}
                          onClick={() => setAction({ kind: 'toggle', user })}
                        >
                          {user.disabled ? 'Enable' : 'Disable'}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <Dialog title={action ? dialogTitle(action) : ''} open={action !== null} onClose={close}>
        {action?.kind === 'create' && (
          <CreateUser
            onCreated={(user, password) =>
              password
                ? setAction({ kind: 'password', user, password, reason: 'created' })
                : close()
            }
            onCancel={close}
          />
        )}
        {action?.kind === 'edit' && (
          <EditUser user={action.user} self={action.user.id === me.id} onDone={close} />
        )}
        {action?.kind === 'toggle' && <ToggleUser user={action.user} onDone={close} />}
        {action?.kind === 'reset' && (
          <ResetPassword
            user={action.user}
            onDone={(password) =>
              setAction({ kind: 'password', user: action.user, password, reason: 'reset' })
            }
            onCancel={close}
          />
        )}
        {action?.kind === 'password' && <ShowPassword {...action} onDone={close} />}
      </Dialog>
    </Page>
  );
}

function dialogTitle(action: Action): string {
  switch (action.kind) {
    case 'create':
      return 'New user';
    case 'edit':
      return `Edit ${action.user.name}`;
    case 'toggle':
      return `${action.user.disabled ? 'Enable' : 'Disable'} ${action.user.name}?`;
    case 'reset':
      return `Reset the password of ${action.user.name}?`;
    case 'password':
      return `One-time password for ${action.user.name}`;
  }
}

function ShowPassword({
  user,
  password,
  reason,
  onDone,
}: {
  user: User;
  password: string;
  reason: 'created' | 'reset';
  onDone: () => void;
}) {
  return (
    <>
      <p>
        {reason === 'created'
          ? `${user.name} can sign in as ${user.email} with this password.`
          : `The password of ${user.name} is reset and their sessions have ended.`}{' '}
        They must change it at first sign-in.
      </p>
      <p className="warning-text">
        This password is shown only this once. Give it to {user.name} now, in person or over a
        channel you trust.
      </p>
      <OneTimeSecret label="One-time password" value={password} />
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </div>
    </>
  );
}

function CreateUser({
  onCreated,
  onCancel,
}: {
  onCreated: (user: User, password: string | undefined) => void;
  onCancel: () => void;
}) {
  const client = useQueryClient();
  const notify = useNotify();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('accountant');
  const [withPassword, setWithPassword] = useState(false);
  const [password, setPassword] = useState('');
  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/users', {
          body: { email, name, role, ...(withPassword ? { password } : {}) },
        }),
      ),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: USERS_KEY });
      notify(`${created.name} can now sign in.`);
      onCreated(created, created.password);
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field
        label="Email"
        type="email"
        autoComplete="off"
        required
        value={email}
        error={errors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Field
        label="Name"
        required
        maxLength={100}
        value={name}
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <Choice
        label="Role"
        value={role}
        hint={ROLE_HINT[role]}
        error={errors.role}
        onChange={(event) => setRole(event.target.value as Role)}
      >
        <option value="viewer">Viewer</option>
        <option value="accountant">Accountant</option>
        <option value="admin">Admin</option>
      </Choice>
      <Check
        label="Set their password now"
        hint={
          withPassword
            ? undefined
            : 'Otherwise the console makes a one-time password, which they change at first sign-in.'
        }
        checked={withPassword}
        onChange={(event) => setWithPassword(event.target.checked)}
      />
      {withPassword && (
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD}
          hint={`At least ${MIN_PASSWORD} characters.`}
          value={password}
          error={errors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
      )}
      {create.isError && Object.keys(errors).length === 0 && <ErrorNotice error={create.error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create user
        </button>
      </div>
    </form>
  );
}

function EditUser({ user, self, onDone }: { user: User; self: boolean; onDone: () => void }) {
  const client = useQueryClient();
  const notify = useNotify();
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email);
  const [role, setRole] = useState<Role>(user.role);
  const save = useMutation({
    mutationFn: () =>
      ok(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id } },
          body: { name, email, ...(self ? {} : { role }) },
        }),
      ),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: USERS_KEY });
      notify(`${saved.name} saved.`);
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field
        label="Name"
        required
        value={name}
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <Field
        label="Email"
        type="email"
        required
        value={email}
        error={errors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Choice
        label="Role"
        value={role}
        disabled={self}
        hint={self ? 'Another admin may change your own role.' : ROLE_HINT[role]}
        error={errors.role}
        onChange={(event) => setRole(event.target.value as Role)}
      >
        <option value="viewer">Viewer</option>
        <option value="accountant">Accountant</option>
        <option value="admin">Admin</option>
      </Choice>
      {save.isError && Object.keys(errors).length === 0 && <ErrorNotice error={save.error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          Save
        </button>
      </div>
    </form>
  );
}

function ToggleUser({ user, onDone }: { user: User; onDone: () => void }) {
  const client = useQueryClient();
  const notify = useNotify();
  const disable = !user.disabled;
  const toggle = useMutation({
    mutationFn: () =>
      ok(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id } },
          body: { disabled: disable },
        }),
      ),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: USERS_KEY });
      notify(`${saved.name} is ${saved.disabled ? 'disabled' : 'enabled'}.`);
      onDone();
    },
  });
  return (
    <Confirm
      confirmLabel={disable ? 'Disable' : 'Enable'}
      tone={disable ? 'danger' : 'primary'}
      onCancel={onDone}
      onConfirm={() => toggle.mutate()}
      busy={toggle.isPending}
      error={toggle.error}
    >
      <p>
        {disable
          ? `${user.name} will not be able to sign in, and their open sessions end now. Their past actions stay in the audit log.`
          : `${user.name} will be able to sign in again with their password.`}
      </p>
    </Confirm>
  );
}

function ResetPassword({
  user,
  onDone,
  onCancel,
}: {
  user: User;
  onDone: (password: string) => void;
  onCancel: () => void;
}) {
  const client = useQueryClient();
  const reset = useMutation({
    mutationFn: () =>
      ok(api.POST('/api/v1/users/{id}/reset-password', { params: { path: { id: user.id } } })),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: USERS_KEY });
      onDone(saved.password ?? '');
    },
  });
  return (
    <Confirm
      confirmLabel="Reset password"
      onCancel={onCancel}
      onConfirm={() => reset.mutate()}
      busy={reset.isPending}
      error={reset.error}
    >
      <p>
        Their password stops working and their sessions end now. You get a one-time password to give
        them; they choose their own at their next sign-in.
      </p>
    </Confirm>
  );
}
