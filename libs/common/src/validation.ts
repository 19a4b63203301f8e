import { ValidationError, ValidationPipe } from '@nestjs/common';
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
