import { formatMoney } from './format';

/** An amount in its currency; negative amounts (credits) are marked for the eye and the reader. */
export function Money({ amount, currency }: { amount: string; currency: string }) {
  const negative = amount.startsWith('-');
  return (
    <span className={negative ? 'money negative' : 'money'} data-amount={amount}>
      {formatMoney(amount, currency)}
    </span>
  );
}
