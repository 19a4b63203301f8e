export * from './clock';
export * from './domain-error';
export * from './common.module';
