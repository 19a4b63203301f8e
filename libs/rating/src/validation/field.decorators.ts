import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isPlainObject, type JsonObject } from './json-value';

/** What is wrong with a field's value, or undefined when it is fine. */
export type Check = (
  value: unknown,
  object: Readonly<Record<string, unknown>>,
) => string | undefined;

/** What is wrong with one item of an array of scalars (`days.1`), or undefined. */
export type ItemCheck = (
  item: unknown,
  index: number,
  items: readonly unknown[],
) => string | undefined;

/** A DTO class; nested classes may be chosen from the raw value (`billingAccount.by`). */
export type DtoClass = abstract new () => object;
export type DtoClassOf = (raw: JsonObject) => DtoClass;

/** How the tree walker descends into a field; class-validator only checks the field's shape. */
export type NestedSpec =
  { shape: 'object' | 'array' | 'record'; type: DtoClassOf } | { shape: 'items'; check: ItemCheck };

const nestedSpecs = new Map<Function, Map<string, NestedSpec>>();

const nestedFieldsCache = new Map<Function, Map<string, NestedSpec>>();

/** The nested fields of a DTO class and of the classes it extends (read once all are defined). */
export function nestedFieldsOf(cls: Function): Map<string, NestedSpec> {
  const cached = nestedFieldsCache.get(cls);
  if (cached) return cached;
  const fields = new Map<string, NestedSpec>();
  for (
    let c = cls;
    c !== Function.prototype && c !== null;
    c = Object.getPrototypeOf(c) as Function
  ) {
    for (const [key, spec] of nestedSpecs.get(c) ?? []) if (!fields.has(key)) fields.set(key, spec);
  }
  nestedFieldsCache.set(cls, fields);
  return fields;
}

/**
 * class-validator replaces `$value`, `$property`... in messages; ours quote the caller's text
 * (a pattern, a prefix), so `$` travels as a private-use character and comes back in
 * `unescapeMessage`.
 */
const DOLLAR = '\uE000';
export function unescapeMessage(message: string): string {
  return message.replaceAll(DOLLAR, '$');
}

const declaredFields = new Map<Function, string[]>();

const declaredFieldsCache = new Map<Function, readonly string[]>();

/** The fields of a DTO class as written, those of the class it extends first. */
export function declaredFieldsOf(cls: Function): readonly string[] {
  const cached = declaredFieldsCache.get(cls);
  if (cached) return cached;
  const chain: Function[] = [];
  for (
    let c = cls;
    c !== Function.prototype && c !== null;
    c = Object.getPrototypeOf(c) as Function
  ) {
    chain.unshift(c);
  }
  const fields = chain.flatMap((c) => declaredFields.get(c) ?? []);
  declaredFieldsCache.set(cls, fields);
  return fields;
}

function fieldDecorator(name: string, check: Check): PropertyDecorator {
  return (target, propertyKey) => {
    const fields = declaredFields.get(target.constructor) ?? [];
    // Decorators run bottom-up within a property, but properties in the order written.
    if (!fields.includes(String(propertyKey))) fields.push(String(propertyKey));
    declaredFields.set(target.constructor, fields);
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyKey),
      options: {
        message: (args: ValidationArguments) =>
          (check(args.value, args.object as Record<string, unknown>) ?? '').replaceAll('$', DOLLAR),
      },
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          check(value, (args?.object ?? {}) as Record<string, unknown>) === undefined,
      },
    });
  };
}

export const REQUIRED = 'is required';

/** A field the object must have; `check` judges its value (null included). */
export function Required(check: Check): PropertyDecorator {
  return fieldDecorator('required', (value, object) =>
    value === undefined ? REQUIRED : check(value, object),
  );
}

/** A field the object may leave out; when given, even as null, `check` judges it. */
export function Optional(check: Check): PropertyDecorator {
  return fieldDecorator('optional', (value, object) =>
    value === undefined ? undefined : check(value, object),
  );
}

/** A field whose rules depend on another field that is wrong (`kind`, `by`): not judged yet. */
export function Unchecked(): PropertyDecorator {
  return fieldDecorator('unchecked', () => undefined);
}

/** A field of the other kind of plan (or rule): refused with a message saying where it belongs. */
export function Forbidden(message: string): PropertyDecorator {
  return Optional(() => message);
}

export const MUST_BE_OBJECT = 'must be an object';
export const MUST_BE_ARRAY = 'must be an array';
export const MUST_NOT_BE_EMPTY = 'must not be empty';

function shapeCheck(shape: NestedSpec['shape'], nonEmpty: boolean): Check {
  return (value) => {
    if (shape === 'object' || shape === 'record') {
      return isPlainObject(value) ? undefined : MUST_BE_OBJECT;
    }
    if (!Array.isArray(value)) return MUST_BE_ARRAY;
    return nonEmpty && value.length === 0 ? MUST_NOT_BE_EMPTY : undefined;
  };
}

interface NestedOptions {
  optional?: boolean;
  nonEmpty?: boolean;
}

function nested(spec: NestedSpec, options: NestedOptions): PropertyDecorator {
  return (target, propertyKey) => {
    const cls = target.constructor;
    const fields = nestedSpecs.get(cls) ?? new Map<string, NestedSpec>();
    fields.set(String(propertyKey), spec);
    nestedSpecs.set(cls, fields);
    const check = shapeCheck(spec.shape, options.nonEmpty ?? false);
    (options.optional ? Optional(check) : Required(check))(target, propertyKey);
  };
}

/** An object validated as `type` (a class, or a function choosing one from the raw value). */
export function NestedObject(type: DtoClassOf, options: NestedOptions = {}): PropertyDecorator {
  return nested({ shape: 'object', type }, options);
}

/** An array of objects, each validated as `type`. */
export function NestedArray(type: DtoClassOf, options: NestedOptions = {}): PropertyDecorator {
  return nested({ shape: 'array', type }, options);
}

/** An object keyed by names the plan chooses (`rates`), each value validated as `type`. */
export function NestedRecord(type: DtoClassOf, options: NestedOptions = {}): PropertyDecorator {
  return nested({ shape: 'record', type }, options);
}

/** An array of scalars, each item judged by `check` at its own path (`days.1`). */
export function ArrayOf(check: ItemCheck, options: NestedOptions = {}): PropertyDecorator {
  return nested({ shape: 'items', check }, options);
}
