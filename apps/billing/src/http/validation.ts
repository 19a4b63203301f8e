import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorDetail } from '@app/common';

/** Flattens class-validator's tree into one detail per failing field, named by its path. */
export function validationDetails(errors: ValidationError[], parentPath = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      details.push({ field: path, message });
    }
    details.push(...validationDetails(error.children ?? [], path));
  }
  return details;
}

/** The global pipe: unknown fields are refused, bodies become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => {
      const details = validationDetails(errors);
      const fields = [...new Set(details.map((d) => d.field))];
      return new DomainError('bad-request', `Invalid request: check ${fields.join(', ')}`, details);
    },
  });
}
