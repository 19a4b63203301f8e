import { useEffect, useId, useRef, useState } from 'react';
import { SelectField } from '../../ui/field';
import {
  nextDay,
  PLAIN_DAY,
  previousDay,
  REASONS,
  STATUSES,
  type Filter,
  type FilterField,
} from './filter';
import { useDefaultZone, type Source } from './sources';

/**
 * The queue's filters. Selects and dates apply at once; typed text applies when the typing
 * pauses. Dates are days as people say them: "from the 3rd to the 3rd" is one day (the API's
 * `to` excludes its day, so the page sends the day after).
 */
export { TypedField, DayField };

export function QueueFilters({
  filter,
  sources,
  onChange,
}: {
  filter: Filter;
  sources: Source[];
  onChange: (next: Filter) => void;
}) {
  const set = (field: FilterField, value: string) => onChange({ ...filter, [field]: value });
  const chosen = sources.find((source) => String(source.id) === filter.sourceId);
  const defaultZone = useDefaultZone();
  const toShown = filter.to && PLAIN_DAY.test(filter.to) ? previousDay(filter.to) : '';
  return (
    <form
      className="card review-filters"
      aria-label="Filter the items"
      onSubmit={(event) => event.preventDefault()}
    >
      <SelectField
        label="Status"
        value={filter.status ?? ''}
        onChange={(event) => set('status', event.target.value)}
      >
        <option value="">Any status</option>
        {STATUSES.map((status) => (
          <option key={status.value} value={status.value}>
            {status.label}
          </option>
        ))}
        {filter.status && !STATUSES.some((status) => status.value === filter.status) && (
          <option value={filter.status}>{filter.status}</option>
        )}
      </SelectField>
      <SelectField
        label="Reason"
        value={filter.reason ?? ''}
        onChange={(event) => set('reason', event.target.value)}
      >
        <option value="">Any reason</option>
        {REASONS.map((reason) => (
          <option key={reason.value} value={reason.value}>
            {reason.label}
          </option>
        ))}
        {filter.reason && !REASONS.some((reason) => reason.value === filter.reason) && (
          <option value={filter.reason}>{filter.reason}</option>
        )}
      </SelectField>
      <SelectField
        label="Source"
        value={filter.sourceId ?? ''}
        onChange={(event) => set('sourceId', event.target.value)}
      >
        <option value="">Any source</option>
        {sources.map((source) => (
          <option key={source.id} value={String(source.id)}>
            {source.name}
          </option>
        ))}
      </SelectField>
      <DayField
        label="From"
        value={filter.from && PLAIN_DAY.test(filter.from) ? filter.from : ''}
        onChange={(day) => set('from', day)}
      />
      <DayField label="To" value={toShown} onChange={(day) => set('to', day ? nextDay(day) : '')} />
      <TypedField
        label="Billing account"
        value={filter.billingAccount ?? ''}
        onChange={(value) => set('billingAccount', value)}
      />
      <TypedField
        label="Extension"
        value={filter.extension ?? ''}
        onChange={(value) => set('extension', value)}
      />
      <TypedField
        label="Timekeeper"
        value={filter.timekeeper ?? ''}
        onChange={(value) => set('timekeeper', value)}
      />
      <TypedField
        label="Amount at least"
        inputMode="decimal"
        value={filter.minAmount ?? ''}
        onChange={(value) => set('minAmount', value)}
      />
      <TypedField
        label="Amount at most"
        inputMode="decimal"
        value={filter.maxAmount ?? ''}
        onChange={(value) => set('maxAmount', value)}
      />
      <TypedField
        label="Number or code"
        type="search"
        value={filter.q ?? ''}
        onChange={(value) => set('q', value)}
      />
      <div className="review-filters-foot">
        <p className="field-hint">
          Both days are included.{' '}
          {chosen
            ? `A day starts at midnight in ${chosen.timezone}, the source's time zone.`
            : `A day starts at midnight in ${defaultZone ?? 'the default business’s time zone'}${defaultZone ? ', the default business’s time zone' : ''}; choose a source to use its own.`}
        </p>
        <button
          type="button"
          className="ghost"
          onClick={() => onChange({})}
          disabled={Object.keys(filter).length === 0}
        >
          Clear the filter
        </button>
      </div>
    </form>
  );
}

/**
 * A date input that applies a whole day at once: the field keeps what is being typed, and only
 * a full date (a four-digit year, not the 0002 on the way to 2026) or an emptied field applies.
 */
function DayField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (day: string) => void;
}) {
  const id = useId();
  const [day, setDay] = useState(value);
  const applied = useRef(value);
  useEffect(() => {
    if (value !== applied.current) {
      applied.current = value;
      setDay(value);
    }
  }, [value]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={day}
        onChange={(event) => {
          const typed = event.target.value;
          setDay(typed);
          if (typed === '' || FULL_DAY.test(typed)) {
            applied.current = typed;
            onChange(typed);
          }
        }}
      />
    </div>
  );
}

const FULL_DAY = /^[1-9]\d{3}-\d{2}-\d{2}$/;

const TYPING_PAUSE_MS = 350;

/** A text input whose value applies when the typing pauses, not on every key. */
function TypedField({
  label,
  value,
  onChange,
  type = 'text',
  inputMode,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'search';
  inputMode?: 'decimal';
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const applied = useRef(value);
  const apply = useRef(onChange);
  useEffect(() => {
    apply.current = onChange;
  });
  // The filter changed elsewhere (cleared, a link): show what is in force.
  useEffect(() => {
    if (value !== applied.current) {
      applied.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text.trim() === applied.current) return;
    const timer = setTimeout(() => {
      applied.current = text.trim();
      apply.current(text.trim());
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        autoComplete="off"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
