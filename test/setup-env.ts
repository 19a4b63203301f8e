// Pinned for every test: times in assertions are UTC, and no test reads a developer's .env.
process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';

// Nest's default console logger (used where no app has replaced it, e.g. TypeORM messages in
// unit specs) prints only problems; e2e apps install their own logger.
import { Logger } from '@nestjs/common';
Logger.overrideLogger(['fatal', 'error', 'warn']);
