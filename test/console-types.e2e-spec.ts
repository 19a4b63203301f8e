import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

// The console's API client is typed from the service's OpenAPI document (apps/console/openapi.json
// -> apps/console/src/api/schema.d.ts, by `npm run console:types`). This test fails when either
// is older than the document the service serves, so that the console cannot drift from the API.
const DOCUMENT = join(__dirname, '..', 'apps', 'console', 'openapi.json');
const SCHEMA = join(__dirname, '..', 'apps', 'console', 'src', 'api', 'schema.d.ts');

function stable(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

describe('the console API types', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('were generated from the OpenAPI document the service serves', async () => {
    const res = await request(app.app.getHttpServer()).get('/api/docs-json').expect(200);
    const served = stable(res.body);
    if (process.env.UPDATE_OPENAPI === '1') {
      // `npm run console:types` regenerates schema.d.ts from this file next.
      writeFileSync(DOCUMENT, served);
      return;
    }
    const committed = readFileSync(DOCUMENT, 'utf8');
    if (committed !== served) {
      throw new Error(
        'apps/console/openapi.json differs from the document the service serves: run `npm run console:types`',
      );
    }
    const digest = createHash('sha256').update(committed).digest('hex');
    const header = readFileSync(SCHEMA, 'utf8').split('\n', 1)[0];
    if (header !== `// Generated from openapi.json sha256:${digest}. Do not edit.`) {
      throw new Error(
        'apps/console/src/api/schema.d.ts was not generated from apps/console/openapi.json: run `npm run console:types`',
      );
    }
  });
});
