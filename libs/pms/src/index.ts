export * from './wire/charset';
export * from './wire/fias-framer';
export * from './wire/fias-record';
export * from './link/link-types';
