import { validateSync, type ValidatorOptions } from 'class-validator';
import {
  declaredFieldsOf,
  type DtoClass,
  type DtoClassOf,
  MUST_BE_OBJECT,
  nestedFieldsOf,
  type NestedSpec,
  unescapeMessage,
} from './field.decorators';
import { isJsonObject, type JsonObject, type JsonValue } from './json-value';
import type { PathSegment, Problem } from './problem';

export const UNKNOWN_FIELD = 'is not a known field';
export const RESERVED_NAME = 'is a reserved name';

const OPTIONS: ValidatorOptions = {
  forbidUnknownValues: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
};

/**
 * Validates `raw` as an instance of `cls` with class-validator, then each nested object, array
 * item and record entry at its own path. Instances are built here rather than by
 * class-transformer, which skips `__proto__`, `constructor` and keys named like a method
 * (`toString`, a Map's `size`): those would be typos accepted in silence. Only declared fields
 * reach an instance, so `__proto__` or `constructor` never change one.
 */
export function validateTree(
  cls: DtoClass,
  raw: JsonObject,
  path: PathSegment[],
  problems: Problem[],
): void {
  const order = declaredFieldsOf(cls);
  const instance = Object.create(cls.prototype as object) as Record<string, JsonValue>;
  for (const key of Object.keys(raw)) {
    // Unknown keys are found here, not by class-validator's whitelist, which lets through keys
    // named like a function of Object.prototype (`hasOwnProperty`).
    if (order.includes(key)) instance[key] = raw[key];
    else problems.push({ path: [...path, key], message: UNKNOWN_FIELD });
  }

  // Missing fields have no place in the document: they are listed in the order the DTO has them.
  const errors = validateSync(instance, OPTIONS).sort(
    (a, b) => order.indexOf(a.property) - order.indexOf(b.property),
  );
  for (const error of errors) {
    for (const message of Object.values(error.constraints ?? {})) {
      problems.push({
        path: [...path, error.property],
        message: unescapeMessage(message),
      });
    }
  }

  for (const [key, spec] of nestedFieldsOf(cls)) {
    if (Object.hasOwn(raw, key)) validateNested(spec, raw[key], [...path, key], problems);
  }
}

function validateNested(
  spec: NestedSpec,
  value: JsonValue,
  path: PathSegment[],
  problems: Problem[],
): void {
  const validateObject = (type: DtoClassOf, item: JsonValue, itemPath: PathSegment[]): void => {
    if (isJsonObject(item)) validateTree(type(item), item, itemPath, problems);
    else problems.push({ path: itemPath, message: MUST_BE_OBJECT });
  };

  // A value of the wrong shape has had its error from class-validator: nothing to descend into.
  switch (spec.shape) {
    case 'object':
      if (isJsonObject(value)) validateObject(spec.type, value, path);
      break;
    case 'array':
      if (Array.isArray(value)) {
        value.forEach((item, index) => validateObject(spec.type, item, [...path, index]));
      }
      break;
    case 'record':
      if (isJsonObject(value)) {
        for (const key of Object.keys(value)) {
          // Code that indexes a record by name must never meet `__proto__`.
          if (key === '__proto__') problems.push({ path: [...path, key], message: RESERVED_NAME });
          else validateObject(spec.type, value[key], [...path, key]);
        }
      }
      break;
    case 'items':
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          const message = spec.check(item, index, value);
          if (message !== undefined) problems.push({ path: [...path, index], message });
        });
      }
      break;
  }
}
