import { ValidateBy, ValidationArguments } from 'class-validator';
import { DecimalTextRules, decimalTextProblem } from '@app/money';

/**
 * A money string in a body or query, judged as everywhere else (`decimalTextProblem`): the
 * message names the field and says what is wrong (`amount must not be negative`).
 */
export function IsMoneyText(rules: DecimalTextRules = {}): PropertyDecorator {
  return ValidateBy({
    name: 'isMoneyText',
    validator: {
      validate: (value: unknown) => decimalTextProblem(value, rules) === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property ?? 'amount'} ${decimalTextProblem(args?.value, rules) ?? 'is invalid'}`,
    },
  });
}
