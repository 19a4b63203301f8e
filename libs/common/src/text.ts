import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Unicode control (Cc) and format (Cf) characters: STX and ETX frame a FIAS record on the wire,
 * NUL ends a string in C, U+202E turns the text a person reads around (decision 0015).
 */
const CONTROL = /[\p{Cc}\p{Cf}]/gu;
/** Line and word breaks among them: a space keeps the words apart. */
const BREAK = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/** `value` without control or format characters, line breaks and tabs turned to spaces. */
export function withoutControlCharacters(value: string): string {
  return value.replace(BREAK, ' ').replace(CONTROL, '');
}

/** Anything a person cannot see or that breaks a line: control, format, line and paragraph separators, a lone surrogate. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

export function isPrintable(value: string): boolean {
  return !NOT_PRINTABLE.test(value);
}

export const NOT_PRINTABLE_MESSAGE =
  'must hold only printable characters (no tab, line break or other control character such as U+0002)';

/** A string a person typed that is later shown, exported or matched: printable only. */
export const Printable = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isPrintable',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || isPrintable(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} ${NOT_PRINTABLE_MESSAGE}`,
      },
    },
    options,
  );
