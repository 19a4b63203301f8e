// Writes apps/console/src/api/schema.d.ts from apps/console/openapi.json (which
// `npm run console:types` has just refreshed from the service), with the document's digest on its
// first line: test/console-types.e2e-spec.ts fails when the two disagree.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(import.meta.dirname, '..');
const documentPath = join(root, 'apps', 'console', 'openapi.json');
const schemaPath = join(root, 'apps', 'console', 'src', 'api', 'schema.d.ts');

const text = readFileSync(documentPath, 'utf8');
const digest = createHash('sha256').update(text).digest('hex');
const ast = await openapiTS(JSON.parse(text));
writeFileSync(
  schemaPath,
  `// Generated from openapi.json sha256:${digest}. Do not edit.\n${astToString(ast)}`,
);
process.stdout.write(`wrote ${schemaPath}\n`);
