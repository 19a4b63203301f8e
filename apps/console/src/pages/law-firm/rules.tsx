// A firm's client and matter rules: no charge, a markup, a plan of its own, or back to the
// standard plan, each from a day on. Accountants add and delete them; rating applies them.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, ok, type Schema } from '../../api/client';
import { Can } from '../../api/session';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { todayIn } from '../../ui/format';
import { useNotify } from '../../ui/notices';
import { Page } from '../../ui/page';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { Choice, Confirm, fieldErrors, TextArea, useRatePlans, zoneLabel } from '../admin/common';
import { Day, LawFirmBar, type LawFirmProps } from './frame';
import {
  formatDay,
  useMatterRules,
  useRefreshLawFirm,
  type Business,
  type MatterRule,
} from './queries';

type Kind = MatterRule['kind'];
type RatePlan = Schema<'RatePlanSummaryView'>;

const KINDS: { value: Kind; label: string; meaning: string }[] = [
  { value: 'no-charge', label: 'No charge', meaning: 'Calls are kept but never billed.' },
  { value: 'markup', label: 'Markup', meaning: 'A percentage is added to each call’s charge.' },
  { value: 'rate-plan', label: 'Own rate plan', meaning: 'Calls are priced by another plan.' },
  {
    value: 'standard',
    label: 'Standard',
    meaning: 'Back to the source’s plan: ends an earlier rule from its date.',
  },
];

const PLAN_KIND: Record<RatePlan['kind'], string> = {
  'per-call': 'per call',
  'account-summary': 'account-code summary',
};

const kindLabel = (kind: Kind) => KINDS.find((entry) => entry.value === kind)?.label ?? kind;

export function RuleList({ business, firms }: LawFirmProps) {
  const rules = useMatterRules(business.id);
  const plans = useRatePlans();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<MatterRule | null>(null);
  const planName = (id: number | null) =>
    plans.data?.find((plan) => plan.id === id)?.name ?? `Plan ${id}`;
  return (
    <Page
      title="Client and matter rules"
      intro={`How a client's calls, or one matter's, are charged from a day on; a matter's own rule wins over its client's. Days are the firm's, in ${zoneLabel(business.timezone)}.`}
    >
      <LawFirmBar business={business} firms={firms} tab="rules" />
      <Can role="accountant">
        <div className="rules-toolbar">
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New rule…
          </button>
        </div>
      </Can>
      {rules.isPending ? (
        <Loading what="Loading the rules" />
      ) : rules.isError ? (
        <ErrorNotice error={rules.error} retry={() => void rules.refetch()} />
      ) : rules.data.length === 0 ? (
        <Empty title="No client or matter has a rule: every call is charged by its source's plan." />
      ) : (
        <div className="table-wrap">
          <table className="data rules-table">
            <caption className="visually-hidden">Rules by client, matter and date</caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Matter</th>
                <th scope="col">Rule</th>
                <th scope="col">In force from</th>
                <th scope="col">Note</th>
                <Can role="accountant">
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </Can>
              </tr>
            </thead>
            <tbody>
              {rules.data.map((rule) => (
                <tr key={rule.id} data-rule={rule.id}>
                  <th scope="row">{rule.clientNumber}</th>
                  <td>{rule.matterNumber ?? <span className="muted">Every matter</span>}</td>
                  <td>
                    {rule.kind === 'markup' ? (
                      `Markup ${rule.markupPercent}%`
                    ) : rule.kind === 'rate-plan' ? (
                      <>
                        Own rate plan:{' '}
                        <Link href={`/rate-plans/${rule.ratePlanId}`}>
                          {planName(rule.ratePlanId)}
                        </Link>
                      </>
                    ) : (
                      kindLabel(rule.kind)
                    )}
                  </td>
                  <td className="nowrap">
                    <Day day={rule.effectiveFrom} />
                  </td>
                  <td>{rule.note ?? <span className="muted">—</span>}</td>
                  <Can role="accountant">
                    <td className="actions">
                      <button
                        type="button"
                        onClick={() => setDeleting(rule)}
                        aria-label={`Delete the rule of ${ruleName(rule)}…`}
                      >
                        Delete…
                      </button>
                    </td>
                  </Can>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Dialog title="New client or matter rule" open={creating} onClose={() => setCreating(false)}>
        <RuleForm business={business} plans={plans.data ?? []} onDone={() => setCreating(false)} />
      </Dialog>
      <Dialog
        title={deleting ? `Delete the rule of ${ruleName(deleting)}` : ''}
        open={deleting !== null}
        onClose={() => setDeleting(null)}
      >
        {deleting && (
          <DeleteRule business={business} rule={deleting} onDone={() => setDeleting(null)} />
        )}
      </Dialog>
    </Page>
  );
}

/** What pricing the unsettled calls again did, in a sentence. */
function repriced({ matched, changed }: { matched: number; changed: number }): string {
  if (matched === 0) return 'No calls were waiting for review or an invoice.';
  return `${changed} of the ${matched} calls not yet approved or invoiced changed.`;
}

/** `client 10234 matter 001` or `client 10234` (every matter). */
function ruleName(rule: Pick<MatterRule, 'clientNumber' | 'matterNumber'>): string {
  return `client ${rule.clientNumber}${rule.matterNumber ? ` matter ${rule.matterNumber}` : ''}`;
}

function RuleForm({
  business,
  plans,
  onDone,
}: {
  business: Business;
  plans: RatePlan[];
  onDone: () => void;
}) {
  const notify = useNotify();
  const refresh = useRefreshLawFirm();
  const [clientNumber, setClientNumber] = useState('');
  const [matterNumber, setMatterNumber] = useState('');
  const [kind, setKind] = useState<Kind>('markup');
  const [markupPercent, setMarkupPercent] = useState('');
  const [ratePlanId, setRatePlanId] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(todayIn(business.timezone));
  const [note, setNote] = useState('');
  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/businesses/{id}/matter-rules', {
          params: { path: { id: business.id } },
          body: {
            clientNumber: clientNumber.trim(),
            ...(matterNumber.trim() ? { matterNumber: matterNumber.trim() } : {}),
            kind,
            ...(kind === 'markup' ? { markupPercent: markupPercent.trim() } : {}),
            ...(kind === 'rate-plan' && ratePlanId ? { ratePlanId: Number(ratePlanId) } : {}),
            effectiveFrom,
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      ),
    onSuccess: (answer) => {
      const { revalidated } = answer;
      notify(`Rule added for ${ruleName(answer.rule)}. ${repriced(revalidated)}`);
      void refresh(business.id);
      onDone();
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} className="rule-form">
      <div className="rule-pair">
        <Field
          label="Client number"
          required
          value={clientNumber}
          onChange={(event) => setClientNumber(event.target.value)}
          error={errors.clientNumber}
        />
        <Field
          label="Matter number"
          value={matterNumber}
          onChange={(event) => setMatterNumber(event.target.value)}
          hint="Empty: every matter of the client."
          error={errors.matterNumber}
        />
      </div>
      <Choice
        label="Rule"
        value={kind}
        onChange={(event) => setKind(event.target.value as Kind)}
        hint={KINDS.find((entry) => entry.value === kind)?.meaning}
        error={errors.kind}
      >
        {KINDS.map((entry) => (
          <option key={entry.value} value={entry.value}>
            {entry.label}
          </option>
        ))}
      </Choice>
      {kind === 'markup' && (
        <Field
          label="Markup (%)"
          required
          inputMode="decimal"
          value={markupPercent}
          onChange={(event) => setMarkupPercent(event.target.value)}
          hint="For example 12.5: a call of 1.50 is billed 1.69."
          error={errors.markupPercent}
        />
      )}
      {kind === 'rate-plan' && (
        <Choice
          label="Rate plan"
          required
          value={ratePlanId}
          onChange={(event) => setRatePlanId(event.target.value)}
          hint="Of the same kind and currency as the plan of the firm's sources."
          error={errors.ratePlanId}
        >
          <option value="">Choose a plan</option>
          {plans.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.name} ({PLAN_KIND[plan.kind]}, {plan.currency})
            </option>
          ))}
        </Choice>
      )}
      <Field
        label="In force from"
        type="date"
        required
        value={effectiveFrom}
        onChange={(event) => setEffectiveFrom(event.target.value)}
        hint={`A day in the firm's time zone, ${zoneLabel(business.timezone)}.`}
        error={errors.effectiveFrom}
      />
      <TextArea
        label="Note (optional)"
        value={note}
        rows={2}
        onChange={(event) => setNote(event.target.value)}
        hint="Why, for whoever reads the rule later: “billed at cost per engagement letter”."
        error={errors.note}
      />
      {create.isError && <ErrorNotice error={create.error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          Add the rule
        </button>
      </div>
    </form>
  );
}

function DeleteRule({
  business,
  rule,
  onDone,
}: {
  business: Business;
  rule: MatterRule;
  onDone: () => void;
}) {
  const notify = useNotify();
  const refresh = useRefreshLawFirm();
  const remove = useMutation({
    mutationFn: () =>
      ok(
        api.DELETE('/api/v1/businesses/{id}/matter-rules/{ruleId}', {
          params: { path: { id: business.id, ruleId: rule.id } },
        }),
      ),
    onSuccess: (answer) => {
      notify(`Rule of ${ruleName(rule)} deleted. ${repriced(answer.revalidated)}`);
      void refresh(business.id);
      onDone();
    },
  });
  return (
    <Confirm
      onCancel={onDone}
      onConfirm={() => remove.mutate()}
      confirmLabel="Delete the rule"
      busy={remove.isPending}
      error={remove.error}
    >
      <p>
        From {formatDay(rule.effectiveFrom)} on, the calls of {ruleName(rule)} are charged as they
        were before this rule ({kindLabel(rule.kind).toLowerCase()}
        {rule.kind === 'markup' ? ` ${rule.markupPercent}%` : ''}). Calls not yet approved or
        invoiced are priced again now; approved and invoiced calls keep their charge.
      </p>
    </Confirm>
  );
}
