import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok, type Schema } from '../../api/client';
import { SelectField } from '../../ui/field';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import type { RatePlan } from './queries';

type PlanChange = Schema<'PlanChangeView'>;

/** The parts of a plan, in the order the API lists changes, in a person's words. */
const SECTION_LABEL: Record<PlanChange['section'], string> = {
  settings: 'Settings',
  dialPlan: 'Dial plan',
  billingAccount: 'Billing account',
  extensionRanges: 'Extension ranges',
  taxes: 'Taxes',
  destinations: 'Destinations',
  rates: 'Rates',
  timeBands: 'Time bands',
  summaryRate: 'Summary rate',
  accounts: 'Account overrides',
  ledes: 'LEDES',
};

const KIND_TONE: Record<PlanChange['kind'], string> = {
  added: 'good',
  removed: 'bad',
  changed: 'warn',
};

/** A value of a plan as text: a string as it is, a row as `field: value` pairs, others as JSON. */
function valueText(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'string') return value === '' ? '“” (empty)' : value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([key, field]) => `${key}: ${valueText(field)}`)
      .join(', ');
  }
  return JSON.stringify(value);
}

/** What changed between two versions of a plan: two pickers, the changes by section. */
export function VersionDiff({ plan }: { plan: RatePlan }) {
  const numbers = plan.versions.map((version) => version.version).sort((a, b) => a - b);
  const [from, setFrom] = useState(numbers.at(-2) ?? numbers[0]);
  const [to, setTo] = useState(numbers.at(-1) ?? numbers[0]);
  const diff = useQuery({
    queryKey: ['rate-plans', 'diff', plan.id, from, to],
    queryFn: () =>
      ok(
        api.GET('/api/v1/rate-plans/{id}/versions/{a}/diff/{b}', {
          params: { path: { id: plan.id, a: from, b: to } },
        }),
      ),
    enabled: numbers.length > 1 && from !== to,
    staleTime: Infinity,
  });

  const sections = new Map<PlanChange['section'], PlanChange[]>();
  for (const change of diff.data?.changes ?? []) {
    sections.set(change.section, [...(sections.get(change.section) ?? []), change]);
  }

  return (
    <section className="plan-section" aria-labelledby="diff-title">
      <h2 id="diff-title">What changed</h2>
      {numbers.length < 2 ? (
        <Empty title="This plan has one version: nothing to compare yet." />
      ) : (
        <>
          <div className="diff-pickers">
            <SelectField
              label="From version"
              value={from}
              onChange={(event) => setFrom(Number(event.target.value))}
            >
              {numbers.map((version) => (
                <option key={version} value={version}>
                  Version {version}
                </option>
              ))}
            </SelectField>
            <span aria-hidden="true" className="diff-arrow">
              →
            </span>
            <SelectField
              label="To version"
              value={to}
              onChange={(event) => setTo(Number(event.target.value))}
            >
              {numbers.map((version) => (
                <option key={version} value={version}>
                  Version {version}
                </option>
              ))}
            </SelectField>
          </div>
          {from === to ? (
            <Empty title="Pick two different versions to compare." />
          ) : diff.isPending ? (
            <Loading what="Comparing the versions" />
          ) : diff.isError ? (
            <ErrorNotice error={diff.error} retry={() => void diff.refetch()} />
          ) : diff.data.changes.length === 0 ? (
            <Empty title={`Versions ${from} and ${to} are the same plan.`} />
          ) : (
            <>
              <p className="diff-summary" aria-live="polite">
                From version {from} to version {to}: {diff.data.summary.added} added,{' '}
                {diff.data.summary.removed} removed, {diff.data.summary.changed} changed.
              </p>
              {[...sections].map(([section, changes]) => (
                <div key={section} className="diff-section">
                  <h3>
                    {SECTION_LABEL[section]} <span className="muted">({changes.length})</span>
                  </h3>
                  <div className="table-wrap">
                    <table className="data">
                      <thead>
                        <tr>
                          <th scope="col">Change</th>
                          <th scope="col">What</th>
                          <th scope="col">Field</th>
                          <th scope="col">Before</th>
                          <th scope="col">
                            <span className="visually-hidden">becomes</span>
                          </th>
                          <th scope="col">After</th>
                        </tr>
                      </thead>
                      <tbody>
                        {changes.map((change, index) => (
                          <tr key={index}>
                            <td>
                              <span className={`badge ${KIND_TONE[change.kind]}`}>
                                {change.kind}
                              </span>
                            </td>
                            <td>
                              <code>
                                {change.key === '' ? '“” (every other number)' : change.key}
                              </code>
                            </td>
                            <td>{change.field ?? <span className="muted">—</span>}</td>
                            <td className="diff-before">
                              {change.kind === 'added' ? (
                                <span className="muted">—</span>
                              ) : (
                                valueText(change.before)
                              )}
                            </td>
                            <td aria-hidden="true">{change.kind === 'changed' ? '→' : ''}</td>
                            <td className="diff-after">
                              {change.kind === 'removed' ? (
                                <span className="muted">—</span>
                              ) : (
                                valueText(change.after)
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              ))}
            </>
          )}
        </>
      )}
    </section>
  );
}
