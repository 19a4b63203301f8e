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
import { Choice, Confirm, fieldErrors, OneTimeSecret, useHomeZone } from './admin/common';

type ApiKey = Schema<'ApiKeyView'>;

const KEYS_KEY = ['api-keys'] as const;

const ORIGIN_LABEL: Record<ApiKey['origin'], string> = {
  api: 'made here',
  cli: 'command line',
  bootstrap: 'ADMIN_API_KEY',
  demo: 'demo',
};

type Action =
  | { kind: 'create' }
  | { kind: 'created'; key: ApiKey; secret: string }
  | { kind: 'revoke'; key: ApiKey };

export default function ApiKeys() {
  const { can } = useSession();
  const zone = useHomeZone();
  const [action, setAction] = useState<Action | null>(null);
  const keys = useQuery({
    queryKey: KEYS_KEY,
    queryFn: () => ok(api.GET('/api/v1/api-keys')).then((answer) => answer.items),
    enabled: can('admin'),
  });
  const close = () => setAction(null);
  if (!can('admin')) {
    return (
      <Page title="API keys">
        <Empty title="Only an admin manages API keys." />
      </Page>
    );
  }
  return (
    <Page
      title="API keys"
      intro="Keys let other programs (a PMS, a script, monitoring) use the API without signing in. Each has a role, like a person."
      actions={
        <button type="button" className="primary" onClick={() => setAction({ kind: 'create' })}>
          New API key
        </button>
      }
    >
      {keys.isPending ? (
        <Loading what="Reading the API keys" />
      ) : keys.isError ? (
        <ErrorNotice error={keys.error} retry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <Empty title="No API key yet.">
          <p>Make one for each program that should use the API.</p>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">API keys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Begins with</th>
                <th scope="col">Origin</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>
                    <span className="badge">{key.role}</span>
                  </td>
                  <td>
                    <code>{key.keyPrefix}…</code>
                  </td>
                  <td className="nowrap">{ORIGIN_LABEL[key.origin]}</td>
                  <td className="nowrap">
                    <Time instant={key.createdAt} timeZone={zone} />
                  </td>
                  <td className="nowrap">
                    {key.lastUsedAt ? (
                      <Time instant={key.lastUsedAt} timeZone={zone} />
                    ) : (
                      <span className="muted">never</span>
                    )}
                  </td>
                  <td className="nowrap">
                    {key.revokedAt ? (
                      <span className="badge bad" title={key.revokedAt}>
                        revoked
                      </span>
                    ) : (
                      <span className="badge good">active</span>
                    )}
                  </td>
                  <td className="actions">
                    {!key.revokedAt && (
                      <button
                        type="button"
                        aria-label={`Revoke ${key.name}`}
                        onClick={() => setAction({ kind: 'revoke', key })}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="table-note">Times in {zone}.</p>

      <Dialog title={action ? dialogTitle(action) : ''} open={action !== null} onClose={close}>
        {action?.kind === 'create' && (
          <CreateKey
            onCreated={(key, secret) => setAction({ kind: 'created', key, secret })}
            onCancel={close}
          />
        )}
        {action?.kind === 'created' && (
          <>
            <p>
              The key <strong>{action.key.name}</strong> ({action.key.role}) works now. Put it in
              the program&apos;s settings as <code>Authorization: Bearer &lt;key&gt;</code>.
            </p>
            <p className="warning-text">
              The key is shown only this once: only a digest of it is kept. Copy it now.
            </p>
            <OneTimeSecret label="API key" value={action.secret} />
            <div className="dialog-actions">
              <button type="button" className="primary" onClick={close}>
                Done
              </button>
            </div>
          </>
        )}
        {action?.kind === 'revoke' && <RevokeKey apiKey={action.key} onDone={close} />}
      </Dialog>
    </Page>
  );
}

function dialogTitle(action: Action): string {
  switch (action.kind) {
    case 'create':
      return 'New API key';
    case 'created':
      return 'Your new API key';
    case 'revoke':
      return `Revoke ${action.key.name}?`;
  }
}

function CreateKey({
  onCreated,
  onCancel,
}: {
  onCreated: (key: ApiKey, secret: string) => void;
  onCancel: () => void;
}) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const create = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/api-keys', { body: { name, role } })),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: KEYS_KEY });
      onCreated(created, created.key ?? '');
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
        label="Name"
        required
        maxLength={100}
        hint="What uses it, e.g. Front office PMS."
        value={name}
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <Choice
        label="Role"
        value={role}
        error={errors.role}
        hint="The least the program needs: a viewer reads, an accountant also reviews and invoices."
        onChange={(event) => setRole(event.target.value as Role)}
      >
        <option value="viewer">Viewer</option>
        <option value="accountant">Accountant</option>
        <option value="admin">Admin</option>
      </Choice>
      {create.isError && Object.keys(errors).length === 0 && <ErrorNotice error={create.error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create key
        </button>
      </div>
    </form>
  );
}

function RevokeKey({ apiKey, onDone }: { apiKey: ApiKey; onDone: () => void }) {
  const client = useQueryClient();
  const notify = useNotify();
  const revoke = useMutation({
    mutationFn: () =>
      ok(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: apiKey.id } } })),
    onSuccess: (revoked) => {
      void client.invalidateQueries({ queryKey: KEYS_KEY });
      notify(`${revoked.name} is revoked.`);
      onDone();
    },
  });
  return (
    <Confirm
      confirmLabel="Revoke key"
      onCancel={onDone}
      onConfirm={() => revoke.mutate()}
      busy={revoke.isPending}
      error={revoke.error}
    >
      <p>
        Programs using <code>{apiKey.keyPrefix}…</code> get 401 from now on. A revoked key cannot be
        restored: make a new one instead.
      </p>
    </Confirm>
  );
}
