import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatMoney, minorToDecimal } from '../../ui/format';
import { Money } from '../../ui/money';
import { count } from './common';

/** One day of the overview: its calls and its charges per currency, in integer minor units. */
export interface Day {
  date: string;
  calls: number;
  byCurrency: { currency: string; amountMinor: number }[];
}

const CALLS_COLOUR = '#8fb3e8';
const CURRENCY_COLOURS = ['#a3212b', '#17663a', '#8a5a00', '#6b3fa0', '#0f6b7a'];

const dayLabel = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const longDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** `2026-12-03` as the instant uPlot puts on its x axis (seconds; read back in UTC). */
const xOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000;

export function currenciesOf(days: Day[]): string[] {
  return [...new Set(days.flatMap((day) => day.byCurrency.map((sum) => sum.currency)))].sort();
}

const money = (minor: number, currency: string): string =>
  formatMoney(minorToDecimal(Math.round(minor), currency), currency);

/**
 * Calls per day as bars on the left axis, and a line a currency for the charges, each on an
 * axis of its own at the right; uPlot's legend names each series and shows the day under the
 * cursor. A screen reader gets the summary in the label and the numbers in the table beside.
 */
export function DailyChart({ days, label }: { days: Day[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const currencies = currenciesOf(days);
    const data: uPlot.AlignedData = [
      days.map((day) => xOf(day.date)),
      days.map((day) => day.calls),
      ...currencies.map((currency) =>
        days.map(
          (day) => day.byCurrency.find((sum) => sum.currency === currency)?.amountMinor ?? 0,
        ),
      ),
    ];
    const options: uPlot.Options = {
      width: Math.max(320, element.clientWidth),
      height: 300,
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'UTC'),
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, calls: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      series: [
        {
          label: 'Day',
          value: (_u, x) =>
            x === null || x === undefined ? '—' : longDay.format(new Date(x * 1000)),
        },
        {
          label: 'Calls',
          scale: 'calls',
          stroke: CALLS_COLOUR,
          fill: CALLS_COLOUR,
          paths: uPlot.paths.bars!({ size: [0.6, 40] }),
          value: (_u, v) => (v === null || v === undefined ? '—' : count(v)),
        },
        ...currencies.map((currency, index): uPlot.Series => ({
          label: `Charges (${currency})`,
          scale: currency,
          stroke: CURRENCY_COLOURS[index % CURRENCY_COLOURS.length],
          width: 2,
          points: { show: true, size: 5 },
          value: (_u, v) => (v === null || v === undefined ? '—' : money(v, currency)),
        })),
      ],
      axes: [
        {
          values: (_u, splits) => splits.map((x) => dayLabel.format(new Date(x * 1000))),
          grid: { stroke: '#eef1f5' },
        },
        {
          scale: 'calls',
          label: 'Calls',
          values: (_u, splits) => splits.map((v) => count(v)),
          grid: { stroke: '#eef1f5' },
          size: 60,
        },
        ...currencies.map((currency, index): uPlot.Axis => ({
          scale: currency,
          side: 1,
          label: `Charges (${currency})`,
          stroke: CURRENCY_COLOURS[index % CURRENCY_COLOURS.length],
          values: (_u, splits) => splits.map((v) => money(v, currency)),
          grid: { show: false },
          size: 90,
        })),
      ],
    };
    const chart = new uPlot(options, data, element);
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(320, element.clientWidth), height: 300 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days]);
  return <div ref={box} className="daily-chart" role="img" aria-label={label} />;
}

/** The chart's numbers as a table, for a screen reader or a person who wants them exact. */
export function DailyTable({ days }: { days: Day[] }) {
  const currencies = currenciesOf(days);
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">Calls and charges per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col" className="num">
              Calls
            </th>
            {currencies.map((currency) => (
              <th scope="col" className="num" key={currency}>
                Charges ({currency})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.date}>
              <th scope="row" className="nowrap">
                {longDay.format(new Date(xOf(day.date) * 1000))}
              </th>
              <td className="num">{count(day.calls)}</td>
              {currencies.map((currency) => (
                <td className="num" key={currency}>
                  <Money
                    amount={minorToDecimal(
                      day.byCurrency.find((sum) => sum.currency === currency)?.amountMinor ?? 0,
                      currency,
                    )}
                    currency={currency}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
