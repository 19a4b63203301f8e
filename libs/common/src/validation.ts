import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateBy, ValidateIf } from 'class-validator';
import { DomainError, ErrorDetail } from './domain-error';
import { dateOrInstantProblem } from './time';

/** Flattens class-validator's tree into one detail per failing field, named by its path. */
export function validationDetails(errors: ValidationError[]): ErrorDetail[] {
  const messages = new Map<string, Set<string>>();
  const walk = (list: ValidationError[], parentPath: string): void => {
    for (const error of list) {
      const path = parentPath ? `${parentPath}.${error.property}` : error.property;
      const constraints = Object.values(error.constraints ?? {});
      if (constraints.length > 0) {
        const set = messages.get(path) ?? new Set<string>();
        constraints.forEach((message) => set.add(message));
        messages.set(path, set);
      }
      walk(error.children ?? [], path);
    }
  };
  walk(errors, '');
  return [...messages].map(([field, set]) => ({ field, message: [...set].join('; ') }));
}

/** The global pipe: unknown fields are refused, bodies become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) =>
      DomainError.invalid('request', validationDetails(errors)),
  });
}

/**
 * Like `@IsOptional()`, but only an absent field is skipped: `null` is validated (and refused
 * by the field's own rules) instead of reaching the code as a value nobody expected.
 */
export const Absent = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * A date filter or period bound: a plain date (`2026-11-30`) or a date-time with an offset.
 * Only the shape is checked here; `instantOrLocalDate` reads it in the zone the service knows.
 */
export const IsDateOrInstant = (): PropertyDecorator =>
  ValidateBy({
    name: 'isDateOrInstant',
    validator: {
      validate: (value: unknown, args) =>
        dateOrInstantProblem(value, args?.property ?? '') === null,
      defaultMessage: (args) => dateOrInstantProblem(args?.value, args?.property ?? '') ?? '',
    },
  });
