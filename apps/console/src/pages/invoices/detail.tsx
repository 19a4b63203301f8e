import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, download, ok } from '../../api/client';
import type { paths } from '../../api/schema';
import { Can } from '../../api/session';
import { Money } from '../../ui/money';
import { useNotify } from '../../ui/notices';
import { Page } from '../../ui/page';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { Time } from '../../ui/time';
import { zoneName } from '../../ui/format';
import { Dialog } from '../../ui/dialog';
import { Confirm, Refusal, VoidForm } from './confirm';
import { Deliveries } from './deliveries';
import { PeriodText } from './period-text';
import {
  INVOICES_KEY,
  invoiceKey,
  invoiceName,
  STATUS_LABEL,
  STATUS_TONE,
  useBusinesses,
  type Invoice,
} from './queries';

/** What each export is, in a billing clerk's words (docs/exports.md). */
const FORMATS: Record<string, { label: string; what: string }> = {
  ledes1998b: { label: 'LEDES 1998B', what: "for the client's e-billing portal" },
  pms: { label: 'PMS postings', what: "FIAS postings to guests' folios" },
  pdf: { label: 'PDF', what: 'to read or send' },
  csv: { label: 'CSV', what: 'for a spreadsheet' },
  json: { label: 'JSON', what: 'every line and how it was rated' },
};

/** A download's extension, where it is not the format's name. */
const EXTENSIONS: Partial<Record<string, string>> = { ledes1998b: 'txt', pms: 'fias' };

type DisbursementTemplate = NonNullable<
  NonNullable<paths['/api/v1/invoices/{id}/export']['get']['parameters']['query']>['template']
>;

/** The disbursement file's templates (docs/exports.md): a download each. */
const TEMPLATES: Record<DisbursementTemplate, { label: string; what: string }> = {
  generic: { label: 'Disbursements (generic)', what: 'time and billing, any' },
  'clio-activities': { label: 'Disbursements for Clio', what: 'Clio Manage import' },
};

/** A file the invoice downloads as: a format, and a disbursement file's template. */
interface Choice {
  key: string;
  query: string;
  fileName: string;
  label: string;
  what?: string;
}

function choicesOf(invoice: Invoice): Choice[] {
  const name = invoice.number ?? `draft-${invoice.id}`;
  return invoice.exportFormats.flatMap((format): Choice[] => {
    if (format === 'disbursements') {
      return Object.entries(TEMPLATES).map(([template, { label, what }]) => ({
        key: `${format}-${template}`,
        query: `format=${format}&template=${template}`,
        fileName: `${name}-${template}.csv`,
        label,
        what,
      }));
    }
    const extension = EXTENSIONS[format] ?? format;
    return [
      {
        key: format,
        query: `format=${format}`,
        fileName: `${name}.${extension}`,
        label: FORMATS[format]?.label ?? format,
        what: FORMATS[format]?.what,
      },
    ];
  });
}

/** One invoice: its header, totals, files, lines, deliveries, and what an accountant may do. */
export function InvoiceDetail({ id }: { id: number }) {
  const invoice = useQuery({
    queryKey: invoiceKey(id),
    queryFn: () => ok(api.GET('/api/v1/invoices/{id}', { params: { path: { id } } })),
  });
  if (invoice.isPending) {
    return (
      <Page title="Invoice">
        <Loading what="Loading the invoice" />
      </Page>
    );
  }
  if (invoice.isError) {
    return (
      <Page title="Invoice">
        <BackLink />
        <ErrorNotice error={invoice.error} retry={() => void invoice.refetch()} />
      </Page>
    );
  }
  return <InvoicePage invoice={invoice.data} reload={() => void invoice.refetch()} />;
}

function BackLink() {
  return (
    <p className="back-link">
      <Link href="/invoices">← All invoices</Link>
    </p>
  );
}

type Dialogs = 'finalize' | 'delete' | 'void' | null;

const DIALOG_TITLES: Record<NonNullable<Dialogs>, string> = {
  finalize: 'Finalize this invoice?',
  delete: 'Delete this draft?',
  void: 'Void this invoice',
};

function InvoicePage({ invoice, reload }: { invoice: Invoice; reload: () => void }) {
  const client = useQueryClient();
  const notify = useNotify();
  const [, navigate] = useLocation();
  const businesses = useBusinesses();
  const business = businesses.data?.get(invoice.businessId);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const path = { params: { path: { id: invoice.id } } };

  const changed = (next: Invoice | undefined, message: string) => {
    if (next) client.setQueryData(invoiceKey(invoice.id), next);
    void client.invalidateQueries({ queryKey: [INVOICES_KEY] });
    setDialog(null);
    notify(message);
  };
  const refresh = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/invoices/{id}/refresh', path)),
    onSuccess: (next) =>
      changed(
        next,
        `Draft collected again: ${next.lines.length} ${next.lines.length === 1 ? 'line' : 'lines'}.`,
      ),
  });
  const finalize = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/invoices/{id}/finalize', path)),
    onSuccess: (next) => changed(next, `Finalized as ${next.number ?? ''}.`),
  });
  const remove = useMutation({
    mutationFn: () => ok(api.DELETE('/api/v1/invoices/{id}', path)),
    onSuccess: () => {
      changed(undefined, `Draft #${invoice.id} deleted; its items are free again.`);
      client.removeQueries({ queryKey: invoiceKey(invoice.id) });
      navigate('/invoices');
    },
  });
  const voidIt = useMutation({
    mutationFn: (reason: string) =>
      ok(api.POST('/api/v1/invoices/{id}/void', { ...path, body: { reason } })),
    onSuccess: (next) =>
      changed(next, `${invoiceName(next)} is void; its items are approved again.`),
  });
  const reloadFromDialog = () => {
    closeDialog();
    reload();
  };
  const closeDialog = () => {
    setDialog(null);
    for (const mutation of [finalize, remove, voidIt]) mutation.reset();
  };

  const zone = invoice.timezone;
  const zoneLabel = `${zone} (${zoneName(new Date(invoice.periodStart), zone)})`;
  const title =
    invoice.status === 'draft' ? `Draft invoice #${invoice.id}` : `Invoice ${invoice.number ?? ''}`;

  return (
    <Page
      title={title}
      intro={
        <>
          {business?.name ?? `Business ${invoice.businessId}`} · {invoice.billingAccount} ·{' '}
          <PeriodText invoice={invoice} />
        </>
      }
      actions={
        <Can role="accountant">
          {invoice.status === 'draft' && (
            <>
              <button type="button" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
                {refresh.isPending ? 'Refreshing…' : 'Refresh'}
              </button>
              <button type="button" className="danger" onClick={() => setDialog('delete')}>
                Delete draft
              </button>
              <button type="button" className="primary" onClick={() => setDialog('finalize')}>
                Finalize
              </button>
            </>
          )}
          {invoice.status === 'finalized' && (
            <button type="button" className="danger" onClick={() => setDialog('void')}>
              Void
            </button>
          )}
        </Can>
      }
    >
      <BackLink />
      {refresh.isError && <Refusal error={refresh.error} reload={reload} />}
      <div className="invoice-top">
        <section className="card invoice-facts" aria-labelledby="facts-title">
          <h2 id="facts-title">Invoice</h2>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <span className={`badge ${STATUS_TONE[invoice.status]}`}>
                {STATUS_LABEL[invoice.status]}
              </span>
            </dd>
            <dt>Number</dt>
            <dd>{invoice.number ?? <span className="muted">given at finalization</span>}</dd>
            <dt>Business</dt>
            <dd>
              {business ? `${business.name} (${business.kind})` : `Business ${invoice.businessId}`}
            </dd>
            <dt>Billing account</dt>
            <dd>{invoice.billingAccount}</dd>
            <dt>Period</dt>
            <dd>
              <PeriodText invoice={invoice} /> <span className="muted">(end excluded)</span>
            </dd>
            <dt>Time zone</dt>
            <dd>{zoneLabel}: every time on this page</dd>
            {invoice.finalizedAt && (
              <>
                <dt>Finalized</dt>
                <dd>
                  <Time instant={invoice.finalizedAt} timeZone={zone} />
                </dd>
              </>
            )}
            {invoice.voidReason && (
              <>
                <dt>Void because</dt>
                <dd>{invoice.voidReason}</dd>
              </>
            )}
          </dl>
        </section>
        <section className="card invoice-totals" aria-labelledby="totals-title">
          <h2 id="totals-title">Totals</h2>
          <dl className="totals">
            <dt>Subtotal</dt>
            <dd>
              <Money amount={invoice.subtotal} currency={invoice.currency} />
            </dd>
            <dt>Tax</dt>
            <dd>
              <Money amount={invoice.tax} currency={invoice.currency} />
            </dd>
            <dt className="grand">Total</dt>
            <dd className="grand">
              <Money amount={invoice.total} currency={invoice.currency} />
            </dd>
          </dl>
        </section>
        <Downloads invoice={invoice} />
      </div>

      <Lines invoice={invoice} />
      {invoice.status !== 'draft' && <Deliveries invoice={invoice} />}

      <Dialog
        title={DIALOG_TITLES[dialog ?? 'finalize']}
        open={dialog !== null}
        onClose={closeDialog}
      >
        {dialog === 'finalize' && (
          <Confirm
            confirm="Finalize"
            busy={finalize.isPending}
            error={finalize.error}
            onConfirm={() => finalize.mutate()}
            onCancel={closeDialog}
            onReload={reloadFromDialog}
          >
            It gets the next invoice number of {business?.name ?? 'its business'}, its{' '}
            {invoice.lines.length} {invoice.lines.length === 1 ? 'line becomes' : 'lines become'}{' '}
            invoiced, and it never changes again: it can only be voided.
          </Confirm>
        )}
        {dialog === 'delete' && (
          <Confirm
            confirm="Delete draft"
            danger
            busy={remove.isPending}
            error={remove.error}
            onConfirm={() => remove.mutate()}
            onCancel={closeDialog}
            onReload={reloadFromDialog}
          >
            Its {invoice.lines.length} items are freed for another invoice. Nothing else changes.
          </Confirm>
        )}
        {dialog === 'void' && (
          <VoidForm
            name={invoiceName(invoice)}
            busy={voidIt.isPending}
            error={voidIt.error}
            onVoid={(reason) => voidIt.mutate(reason)}
            onCancel={closeDialog}
            onReload={reloadFromDialog}
          />
        )}
      </Dialog>
    </Page>
  );
}

function Downloads({ invoice }: { invoice: Invoice }) {
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const save = async (choice: Choice) => {
    setBusy(choice.key);
    setError(null);
    try {
      await download(`/api/v1/invoices/${invoice.id}/export?${choice.query}`, choice.fileName);
      notify(`${choice.label} file downloaded.`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="card invoice-files" aria-labelledby="files-title">
      <h2 id="files-title">Files</h2>
      {invoice.status !== 'finalized' && (
        <p className="muted">
          {invoice.status === 'draft'
            ? 'A draft downloads as JSON only, a preview: finalize it for the billing files.'
            : 'A void invoice downloads as JSON only.'}
        </p>
      )}
      <ul className="file-list">
        {choicesOf(invoice).map((choice) => (
          <li key={choice.key}>
            <button type="button" onClick={() => void save(choice)} disabled={busy !== null}>
              {busy === choice.key ? 'Downloading…' : `Download ${choice.label}`}
            </button>
            <span className="muted">{choice.what}</span>
          </li>
        ))}
      </ul>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}

function Lines({ invoice }: { invoice: Invoice }) {
  return (
    <section className="invoice-lines" aria-labelledby="lines-title">
      <h2 id="lines-title">
        Lines <span className="muted">({invoice.lines.length})</span>
      </h2>
      {invoice.lines.length === 0 ? (
        <Empty title="This draft has no lines.">
          <p>Its items were rejected or reset since it was drafted: refresh it or delete it.</p>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">
                  Started ({zoneName(new Date(invoice.periodStart), invoice.timezone)})
                </th>
                <th scope="col">Call</th>
                <th scope="col">Description</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Tax
                </th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((line) => (
                <tr key={line.lineNumber}>
                  <td className="num">{line.lineNumber}</td>
                  <td>
                    <Time instant={line.startTime} timeZone={invoice.timezone} />
                  </td>
                  <td>
                    <Link href={`/review/${line.lineItemId}`} className="call-id">
                      {line.callId}
                    </Link>
                  </td>
                  <td>{line.description}</td>
                  <td className="num">
                    <Money amount={line.amount} currency={invoice.currency} />
                  </td>
                  <td className="num">
                    <Money amount={line.tax} currency={invoice.currency} />
                  </td>
                  <td className="num">
                    <Money amount={line.total} currency={invoice.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
