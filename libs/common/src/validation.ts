import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { DomainError, ErrorDetail } from './domain-error';

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
