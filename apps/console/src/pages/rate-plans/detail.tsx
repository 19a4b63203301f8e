import { useState } from 'react';
import { Link } from 'wouter';
import { Can } from '../../api/session';
import { zoneName } from '../../ui/format';
import { SelectField } from '../../ui/field';
import { Page } from '../../ui/page';
import { ErrorNotice, Loading } from '../../ui/states';
import { Time } from '../../ui/time';
import { VersionDiff } from './diff';
import { KIND_LABEL } from './list';
import { QuoteForm } from './quote';
import { planZone, usePlan, versionInForce, type RatePlan } from './queries';
import { RateTableImport } from './rate-table';

/** One plan: its versions, a quote, and (admin, per-call plans) a rate-table import. */
export function RatePlanDetail({ id }: { id: number }) {
  const plan = usePlan(id);
  if (plan.isPending) {
    return (
      <Page title="Rate plan">
        <Loading what="Loading the rate plan" />
      </Page>
    );
  }
  if (plan.isError) {
    return (
      <Page title="Rate plan">
        <BackLink />
        <ErrorNotice error={plan.error} retry={() => void plan.refetch()} />
      </Page>
    );
  }
  return <PlanPage plan={plan.data} />;
}

function BackLink() {
  return (
    <p className="back-link">
      <Link href="/rate-plans">← All rate plans</Link>
    </p>
  );
}

function PlanPage({ plan }: { plan: RatePlan }) {
  const current = versionInForce(plan.versions);
  const zone = planZone(current ?? plan.versions[0]);
  return (
    <Page
      title={plan.name}
      intro={`${KIND_LABEL[plan.kind]} plan in ${plan.currency}; its times of day are in ${zone}. ${plan.versions.length} ${plan.versions.length === 1 ? 'version' : 'versions'}, version ${current?.version ?? '—'} in force now.`}
    >
      <BackLink />
      <Versions plan={plan} zone={zone} inForce={current?.version} />
      <VersionDiff key={plan.versions.length} plan={plan} />
      <QuoteForm plan={plan} zone={zone} />
      {plan.kind === 'per-call' && (
        <Can role="admin">
          <RateTableImport plan={plan} zone={zone} />
        </Can>
      )}
    </Page>
  );
}

function Versions({
  plan,
  zone,
  inForce,
}: {
  plan: RatePlan;
  zone: string;
  inForce: number | undefined;
}) {
  const [shown, setShown] = useState(String(inForce ?? plan.versions.at(-1)?.version ?? ''));
  const selected = plan.versions.find((version) => String(version.version) === shown);
  // Newest effective date first: what a person looks for.
  const versions = [...plan.versions].reverse();
  return (
    <section className="plan-section" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <p className="muted">
        Each call is rated with the version in force when it started. Times in {zone} (
        {zoneName(new Date(), zone)}).
      </p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col" className="num">
                Version
              </th>
              <th scope="col">In force from</th>
              <th scope="col">Made</th>
              <th scope="col">By</th>
              <th scope="col">
                <span className="visually-hidden">State</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.version}>
                <td className="num">{version.version}</td>
                <td>
                  {Date.parse(version.effectiveFrom) === 0 ? (
                    'the beginning (every call)'
                  ) : (
                    <Time instant={version.effectiveFrom} timeZone={zone} />
                  )}
                </td>
                <td>
                  <Time instant={version.createdAt} timeZone={zone} />
                </td>
                <td>{version.createdBy}</td>
                <td>
                  {version.version === inForce ? (
                    <span className="badge good">in force now</span>
                  ) : Date.parse(version.effectiveFrom) > Date.now() ? (
                    <span className="badge warn">future</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="plan-document">
        <SelectField
          label="Show the plan document of version"
          value={shown}
          onChange={(event) => setShown(event.target.value)}
        >
          {versions.map((version) => (
            <option key={version.version} value={version.version}>
              Version {version.version}
            </option>
          ))}
        </SelectField>
        {selected && (
          <pre
            className="plan-json"
            tabIndex={0}
            aria-label={`Plan document of version ${selected.version}`}
          >
            {JSON.stringify(selected.plan, null, 2)}
          </pre>
        )}
      </div>
    </section>
  );
}
