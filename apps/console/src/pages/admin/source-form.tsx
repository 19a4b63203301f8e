import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, ok, type Schema } from '../../api/client';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import {
  Check,
  Choice,
  fieldErrors,
  SOURCES_KEY,
  TextArea,
  useBusinesses,
  useHomeZone,
  useRatePlans,
  type Source,
} from './common';

type Kind = Source['kind'];

/** The form's state: what the person typed, as text, until it is sent. */
interface Draft {
  name: string;
  kind: Kind;
  historicDataKey: string;
  ratePlanId: string;
  businessId: string;
  timezone: string;
  enabled: boolean;
  autoApprove: boolean;
  syncCron: string;
  chunkDays: string;
  overlapMinutes: string;
  settleMinutes: string;
  columns: string;
  parameters: string;
  deliveryUrl: string;
  deliverySecret: string;
}

/** The fields typed as text. */
type TextKey = Exclude<keyof Draft, 'kind' | 'enabled' | 'autoApprove'>;

const PLAN_KIND: Record<Kind, string> = {
  'call-records': 'per-call',
  'account-summary': 'account-summary',
};

function draftOf(source: Source | undefined, defaultBusiness: string, homeZone: string): Draft {
  return {
    name: source?.name ?? '',
    kind: source?.kind ?? 'call-records',
    historicDataKey: source?.historicDataKey ?? '',
    ratePlanId: source ? String(source.ratePlanId) : '',
    businessId: source ? String(source.businessId) : defaultBusiness,
    timezone: source?.timezone ?? homeZone,
    enabled: source?.enabled ?? true,
    autoApprove: source?.autoApprove ?? false,
    syncCron: source?.syncCron ?? '',
    chunkDays: String(source?.chunkDays ?? 1),
    overlapMinutes: String(source?.overlapMinutes ?? 60),
    settleMinutes: String(source?.settleMinutes ?? 15),
    columns: source?.columns ? JSON.stringify(source.columns, null, 2) : '',
    parameters: source?.parameters?.length ? JSON.stringify(source.parameters, null, 2) : '',
    deliveryUrl: source?.deliveryUrl ?? '',
    deliverySecret: '',
  };
}

/** JSON typed in a text area, or the field's own 400 before anything is sent. */
function parseJson(text: string, field: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const message = `${field} is not valid JSON`;
    throw new ApiError(400, {
      statusCode: 400,
      error: 'Bad Request',
      message,
      details: [{ field, message }],
    });
  }
}

/** A whole number as typed, or the text itself for the API to refuse by name. */
const whole = (text: string): number => (text.trim() === '' ? NaN : Number(text));

type Body = Schema<'CreateSourceDto'>;

/** The settings as the API takes them (all but `kind`, which a source keeps). */
function bodyOf(draft: Draft, editing: boolean): Omit<Body, 'kind'> {
  const columns = parseJson(draft.columns, 'columns') as Body['columns'];
  const parameters = parseJson(draft.parameters, 'parameters') as Body['parameters'];
  const body: Omit<Body, 'kind'> = {
    name: draft.name.trim(),
    historicDataKey: draft.historicDataKey.trim(),
    ratePlanId: Number(draft.ratePlanId),
    timezone: draft.timezone.trim(),
    enabled: draft.enabled,
    autoApprove: draft.autoApprove,
    syncCron: draft.syncCron.trim() === '' ? null : draft.syncCron.trim(),
    chunkDays: whole(draft.chunkDays),
    overlapMinutes: whole(draft.overlapMinutes),
    settleMinutes: whole(draft.settleMinutes),
    deliveryUrl: draft.deliveryUrl.trim() === '' ? null : draft.deliveryUrl.trim(),
  };
  if (draft.businessId !== '') body.businessId = Number(draft.businessId);
  if (columns !== undefined) body.columns = columns;
  if (parameters !== undefined) body.parameters = parameters;
  // The secret is write-only: left blank on an edit, the one set stays, unless delivery ends.
  if (draft.deliverySecret !== '') body.deliverySecret = draft.deliverySecret;
  else if (editing && body.deliveryUrl === null) body.deliverySecret = null;
  return body;
}

const ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

/**
 * A source's settings, to create one or change one. The API checks everything; its refusals
 * are shown beside the fields they name.
 */
export function SourceForm({
  source,
  onSaved,
  onCancel,
}: {
  source?: Source;
  onSaved: (source: Source) => void;
  onCancel?: () => void;
}) {
  const client = useQueryClient();
  const businesses = useBusinesses();
  const plans = useRatePlans();
  const homeZone = useHomeZone();
  const defaultBusiness = String(businesses.data?.find((b) => b.isDefault)?.id ?? '');
  const [draft, setDraft] = useState<Draft>(() => draftOf(source, defaultBusiness, homeZone));
  const editing = source !== undefined;
  const save = useMutation({
    mutationFn: async (): Promise<Source> => {
      const body = bodyOf(draft, editing);
      if (!source) return ok(api.POST('/api/v1/sources', { body: { ...body, kind: draft.kind } }));
      return ok(api.PATCH('/api/v1/sources/{id}', { params: { path: { id: source.id } }, body }));
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: SOURCES_KEY });
      onSaved(saved);
    },
  });
  const errors = fieldErrors(save.error);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  const text = (key: TextKey) => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [key]: event.target.value })),
    error: errors[key],
  });
  const fitting = (plans.data ?? []).filter((plan) => plan.kind === PLAN_KIND[draft.kind]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  // Every refused field is one of the form's: the messages beside them say it all.
  const named =
    Object.keys(errors).length > 0 && Object.keys(errors).every((field) => field in draft);

  return (
    <form onSubmit={submit} noValidate aria-label={editing ? 'Source settings' : 'New source'}>
      <fieldset className="group">
        <legend>The report</legend>
        <div className="form-grid">
          <Field label="Name" required maxLength={200} {...text('name')} />
          <Choice
            label="Kind"
            value={draft.kind}
            disabled={editing}
            hint={editing ? 'A source keeps its kind.' : 'Call detail rows, or account-code sums.'}
            error={errors.kind}
            onChange={(event) => {
              set('kind')(event.target.value as Kind);
              set('ratePlanId')('');
            }}
          >
            <option value="call-records">Call records</option>
            <option value="account-summary">Account summary</option>
          </Choice>
          <Field
            label="Report key"
            required
            hint="The historicDataKey from Xima's API Enablement, e.g. LT39K5C5."
            {...text('historicDataKey')}
          />
          <Choice
            label="Rate plan"
            required
            value={draft.ratePlanId}
            error={errors.ratePlanId}
            hint={plans.isError ? 'The rate plans could not be read.' : undefined}
            onChange={(event) => set('ratePlanId')(event.target.value)}
          >
            <option value="">Choose a {PLAN_KIND[draft.kind]} plan</option>
            {fitting.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name} ({plan.currency})
              </option>
            ))}
          </Choice>
          <Choice
            label="Business"
            value={draft.businessId}
            error={errors.businessId}
            onChange={(event) => set('businessId')(event.target.value)}
          >
            {draft.businessId === '' && <option value="">The default business</option>}
            {(businesses.data ?? []).map((business) => (
              <option key={business.id} value={business.id}>
                {business.name}
                {business.isDefault ? ' (default)' : ''}
              </option>
            ))}
          </Choice>
          <Field
            label="Time zone"
            required
            list="source-zones"
            hint="IANA name, e.g. America/Denver: sync windows and times are read in it."
            {...text('timezone')}
          />
          <datalist id="source-zones">
            {ZONES.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
        <div className="form-grid">
          <Check
            label="Enabled"
            hint="The schedule syncs enabled sources only."
            checked={draft.enabled}
            error={errors.enabled}
            onChange={(event) => set('enabled')(event.target.checked)}
          />
          <Check
            label="Approve pending items at once"
            hint="Items that need no review skip the queue."
            checked={draft.autoApprove}
            error={errors.autoApprove}
            onChange={(event) => set('autoApprove')(event.target.checked)}
          />
        </div>
      </fieldset>

      <fieldset className="group">
        <legend>Syncing</legend>
        <div className="form-grid">
          <Field
            label="Schedule (cron)"
            placeholder="the service's SYNC_CRON"
            hint="Blank for the service's schedule; e.g. 0 * * * * for every hour."
            {...text('syncCron')}
          />
          <Field
            label="Days per request"
            type="number"
            inputMode="numeric"
            min={1}
            max={31}
            {...text('chunkDays')}
          />
          <Field
            label="Overlap (minutes)"
            type="number"
            inputMode="numeric"
            min={0}
            hint="Re-read before the watermark."
            {...text('overlapMinutes')}
          />
          <Field
            label="Settle time (minutes)"
            type="number"
            inputMode="numeric"
            min={0}
            hint="Left before now for Xima to settle."
            {...text('settleMinutes')}
          />
          <TextArea
            label="Columns (JSON)"
            placeholder='{ "talkMs": ["Talk Time"] }'
            hint="Report column titles for fields whose titles differ from Xima's defaults. Blank for none."
            {...text('columns')}
          />
          <TextArea
            label="Extra request parameters (JSON)"
            placeholder="[]"
            hint="Sent to Xima as they are; the sync sets the timeframe. Blank for none."
            {...text('parameters')}
          />
        </div>
      </fieldset>

      <fieldset className="group">
        <legend>Invoice delivery</legend>
        <div className="form-grid">
          <Field
            label="Delivery URL"
            type="url"
            placeholder="https://billing.example.com/hooks/invoices"
            hint="Where finalized invoices are sent. Blank for none."
            {...text('deliveryUrl')}
          />
          <Field
            label="Delivery secret"
            type="password"
            autoComplete="new-password"
            hint={
              editing && source.deliverySecretSet
                ? 'A secret is set. Leave blank to keep it.'
                : '16 to 200 characters, shared with the receiver to sign deliveries.'
            }
            {...text('deliverySecret')}
          />
        </div>
      </fieldset>

      {save.isError && (named ? <FixAbove /> : <ErrorNotice error={save.error} />)}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : editing ? 'Save changes' : 'Create source'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function FixAbove() {
  return (
    <p className="field-error" role="alert">
      The service refused some fields: each says why beside it.
    </p>
  );
}
