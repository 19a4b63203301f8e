import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModulesContainer, Reflector } from '@nestjs/core';
import request from 'supertest';
import { ApiKeyRole, PUBLIC_ROUTE, REQUIRED_ROLE } from '@app/common';
import { EXPORT_CONTENT_TYPES } from '@app/invoice-export/exporters/invoice-file';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { registeredRoutes } from './support/routes';
import { API_DOCUMENT_PATH } from '../apps/billing/src/http/configure-app';

const DOCS_PAGES = /^\/api\/docs(\/|-json$|-yaml$|$)/;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  type?: string;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  example?: unknown;
  examples?: unknown;
}

interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}

interface Operation {
  summary?: string;
  operationId?: string;
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, MediaType> };
  responses: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}

interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

interface Documented {
  /** `POST /api/v1/invoices/{id}/void`: how a failure names it. */
  route: string;
  method: string;
  op: Operation;
}

describe('the OpenAPI document (e2e)', () => {
  let t: TestApp;
  let doc: Document;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await request(t.app.getHttpServer()).get(API_DOCUMENT_PATH).expect(200)).body;
  });

  afterAll(async () => {
    await t.close();
  });

  const operations = (): Documented[] =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, method, op })),
    );

  /** The routes a check fails on, by method and path: the failure message lists them. */
  const offenders = (check: (documented: Documented) => boolean): string[] =>
    operations()
      .filter((documented) => !check(documented))
      .map(({ route }) => route);

  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (schema?.$ref === undefined) return schema;
    return resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  };

  /** A body schema's properties, through $ref and allOf. */
  const propertiesOf = (schema: Schema | undefined): [string, Schema][] => {
    const resolved = resolve(schema);
    if (!resolved) return [];
    return [
      ...Object.entries(resolved.properties ?? {}),
      ...(resolved.allOf ?? []).flatMap((part) => propertiesOf(part)),
    ];
  };

  /** What a route's handler needs, read from the same metadata the global guard reads. */
  const access = (op: Operation): 'public' | ApiKeyRole => {
    const [controllerName, methodName] = (op.operationId ?? '').split('_');
    const reflector = new Reflector();
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
        if (controller?.name !== controllerName) continue;
        const targets = [
          (controller.prototype as Record<string, () => unknown>)[methodName],
          controller,
        ];
        if (reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return 'public';
        return reflector.getAllAndOverride<ApiKeyRole>(REQUIRED_ROLE, targets) ?? 'admin';
      }
    }
    throw new Error(`No controller for operation ${op.operationId}`);
  };

  it('is served as JSON next to the UI, and the UI is served', async () => {
    // The README sends people to this path: it must stay where @nestjs/swagger serves it.
    expect(API_DOCUMENT_PATH).toBe('/api/docs-json');
    expect(doc.openapi).toMatch(/^3\./);
    expect(operations().length).toBeGreaterThanOrEqual(40);
    const ui = await request(t.app.getHttpServer()).get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('documents every route the service answers, and no other', () => {
    const answered = registeredRoutes(t.app)
      .filter(({ path }) => !DOCS_PAGES.test(path))
      .map(({ method, path }) => `${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    expect(
      operations()
        .map(({ route }) => route)
        .sort(),
    ).toEqual(answered.sort());
  });

  it('gives every route a summary', () => {
    expect(offenders(({ op }) => (op.summary ?? '').trim().length > 0)).toEqual([]);
  });

  it('gives every route its success answer', () => {
    expect(offenders(({ op }) => Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)))).toEqual(
      [],
    );
  });

  it('documents 401 and the bearer key on every route but the public ones, and neither there', () => {
    expect(offenders(({ op }) => access(op) === 'public' || '401' in op.responses)).toEqual([]);
    expect(
      offenders(({ op }) => access(op) === 'public' || (op.security ?? []).length > 0),
    ).toEqual([]);
    const open = operations().filter(({ op }) => access(op) === 'public');
    expect(open.map(({ route }) => route).sort()).toEqual(['GET /health', 'POST /api/v1/session']);
    expect(open.filter(({ op }) => op.security)).toEqual([]);
    // Only signing in answers 401 without needing a key: a wrong password.
    expect(open.filter(({ op }) => '401' in op.responses).map(({ route }) => route)).toEqual([
      'POST /api/v1/session',
    ]);
  });

  it('documents 403 exactly where a role above viewer is needed or a session sends its CSRF token', () => {
    const needsMore = (op: Operation) => !['public', 'viewer'].includes(access(op));
    // A change by session cookie without its X-CSRF-Token is 403, whatever the role.
    const changes = (method: string, op: Operation) => method !== 'get' && access(op) !== 'public';
    expect(
      offenders(
        ({ method, op }) => (needsMore(op) || changes(method, op)) === '403' in op.responses,
      ),
    ).toEqual([]);
  });

  it('documents 400, 413 and 415 on every body, and an example of every body field', () => {
    const withBody = operations().filter(({ op }) => op.requestBody !== undefined);
    expect(withBody.length).toBeGreaterThanOrEqual(15);
    expect(
      offenders(
        ({ op }) => !op.requestBody || ['400', '413', '415'].every((s) => s in op.responses),
      ),
    ).toEqual([]);
    const missing = withBody.flatMap(({ route, op }) => {
      const json = op.requestBody?.content?.['application/json'];
      if (!json) return [`${route}: no application/json body`];
      if (json.example !== undefined || Object.keys(json.examples ?? {}).length > 0) return [];
      const properties = propertiesOf(json.schema);
      if (properties.length === 0) return [`${route}: no example and no properties`];
      const bare = properties
        .filter(([, property]) => property.example === undefined && property.examples === undefined)
        .map(([name]) => name);
      return bare.length > 0 ? [`${route}: no example for ${bare.join(', ')}`] : [];
    });
    expect(missing).toEqual([]);
  });

  it('types every body field, so that the generated client of the console can send it', () => {
    // A `string | null` field documented without its type comes out as a bare object, which the
    // generated client types as an empty record (no string fits it).
    const bare = (schema: Schema | undefined): boolean =>
      schema !== undefined &&
      schema.$ref === undefined &&
      schema.type === 'object' &&
      schema.properties === undefined &&
      schema.additionalProperties === undefined;
    const untyped = operations().flatMap(({ route, op }) =>
      propertiesOf(op.requestBody?.content?.['application/json']?.schema)
        .filter(([, property]) => bare(property) || bare(property.items))
        .map(([name]) => `${route}: ${name}`),
    );
    expect(untyped).toEqual([]);
  });

  it('answers 400 in the documented way wherever input is read: a path id, a query, a body', () => {
    const readsInput = ({ route, op }: Documented) =>
      route.includes('{') ||
      op.requestBody !== undefined ||
      ((op as { parameters?: { in: string }[] }).parameters ?? []).some((p) => p.in === 'query');
    expect(
      offenders((documented) => !readsInput(documented) || '400' in documented.op.responses),
    ).toEqual([]);
  });

  it('describes every error with the error body and an example of its own status', () => {
    const wrong = operations().flatMap(({ route, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => /^4\d\d$/.test(status))
        .filter(([status, response]) => {
          const json = response.content?.['application/json'];
          return (
            !response.description ||
            json?.schema?.$ref !== '#/components/schemas/ErrorView' ||
            (json.example as { statusCode?: number } | undefined)?.statusCode !== Number(status)
          );
        })
        .map(([status]) => `${route} ${status}`),
    );
    expect(wrong).toEqual([]);
  });

  it('shows as error examples the answers the API really gives', async () => {
    const http = () => request(t.app.getHttpServer());
    const example = (route: string, status: number) => {
      const [method, path] = route.split(' ');
      return doc.paths[path][method.toLowerCase()].responses[String(status)].content![
        'application/json'
      ].example;
    };
    const viewer = await http()
      .post('/api/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'Front desk', role: 'viewer' })
      .expect(201);
    const answers = {
      400: await http()
        .post('/api/v1/invoices')
        .set(...bearer(t.adminKey))
        .send({ billingAccount: 'ROOM-1012', periodStart: '2026-03-01', periodEnd: 'soon' }),
      401: await http().post('/api/v1/invoices').send({}),
      403: await http()
        .post('/api/v1/invoices')
        .set(...bearer(viewer.body.key))
        .send({}),
      413: await http()
        .post('/api/v1/invoices')
        .set(...bearer(t.adminKey))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ billingAccount: 'x'.repeat(2_000_000) })),
      415: await http()
        .post('/api/v1/invoices')
        .set(...bearer(t.adminKey))
        .set('Content-Type', 'text/plain')
        .send('billingAccount=ROOM-1012'),
    };
    for (const [status, answer] of Object.entries(answers)) {
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: Number(status),
        body: example('POST /api/v1/invoices', Number(status)),
      });
    }
  });

  it('documents the files exports answer with, by content type', () => {
    const contentTypes = (route: string) => {
      const [method, path] = route.split(' ');
      return Object.keys(doc.paths[path][method.toLowerCase()].responses['200'].content ?? {});
    };
    expect(contentTypes('GET /api/v1/line-items/export.csv')).toEqual(['text/csv']);
    expect(contentTypes('GET /api/v1/invoices/export')).toEqual(['application/zip']);
    expect(contentTypes('GET /api/v1/invoices/{id}/export').sort()).toEqual(
      [...new Set(Object.values(EXPORT_CONTENT_TYPES))].sort(),
    );
    expect(contentTypes('GET /api/v1/invoices/{id}/export')).toContain('application/pdf');
  });

  describe('the rate plan examples', () => {
    const examplesOf = (path: string) =>
      doc.paths[path].post.requestBody!.content!['application/json'].examples!;

    it('show the demo hotel plan', () => {
      const demo = JSON.parse(
        readFileSync(join(__dirname, '../apps/billing/src/demo/plans/grand-hotel.json'), 'utf8'),
      );
      expect(Object.values(examplesOf('/api/v1/rate-plans'))[0].value).toEqual(demo);
    });

    it('are taken by the API as they are shown', async () => {
      const http = () => request(t.app.getHttpServer());
      const [plan] = Object.values(examplesOf('/api/v1/rate-plans'));
      const created = await http()
        .post('/api/v1/rate-plans')
        .set(...bearer(t.adminKey))
        .send(plan.value as object)
        .expect(201);
      const id = created.body.id as number;
      const [version] = Object.values(examplesOf('/api/v1/rate-plans/{id}/versions'));
      await http()
        .post(`/api/v1/rate-plans/${id}/versions`)
        .set(...bearer(t.adminKey))
        .send(version.value as object)
        .expect(201);
      const [quote] = Object.values(examplesOf('/api/v1/rate-plans/{id}/quote'));
      const quoted = await http()
        .post(`/api/v1/rate-plans/${id}/quote`)
        .set(...bearer(t.adminKey))
        .send(quote.value as object)
        .expect(200);
      expect(quoted.body.results.length).toBeGreaterThan(0);
    });
  });
});
