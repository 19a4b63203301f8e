export * from './clock';
export * from './domain-error';
export * from './common.module';
export * from './auth';
export * from './id.param';
export * from './validation';
export * from './time';
export * from './csv';
