export * from './wire/charset';
export * from './wire/fias-framer';
export * from './wire/fias-record';
export * from './link/link-types';
export * from './wire/fias-messages';
export * from './wire/fias-time';
export * from './link/fias-link';
