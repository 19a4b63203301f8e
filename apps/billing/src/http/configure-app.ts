import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { SESSION_COOKIE } from '../session/session-token';
import { AppConfig } from '../config/app-config';
import { consoleAssets } from './console-assets';
import { importBodies } from './import-bodies';
import { requireJsonBody } from './require-json-body';

/** Largest JSON body accepted: a quote of a few thousand records fits; anything bigger is refused. */
export const JSON_BODY_LIMIT = '1mb';

export const API_DOCS_PATH = 'api/docs';
/** The OpenAPI document as JSON, next to the UI (README sends people here). */
export const API_DOCUMENT_PATH = `/${API_DOCS_PATH}-json`;

/**
 * What the HTTP server needs beyond the module: JSON bodies only (415 for any other; CSV too
 * for the law firms' list imports), body limits, security headers, API docs.
 * Shared by main.ts and the e2e tests, so that tests run what production runs.
 */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  // Answers hold call records, invoices and keys: no browser or proxy may keep a copy. First,
  // so that an answer the body parser gives (413) has it too.
  app.use((_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  // A law firm's list imports take CSV and larger bodies; they are read first.
  express.use(importBodies());
  express.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  express.disable('x-powered-by');
  app.use(
    helmet({
      // The service is often reached over plain HTTP on a LAN: asking browsers to upgrade the
      // API docs' scripts to https would break them.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  // After helmet, so that the 415 carries the security headers too.
  express.use(requireJsonBody);
  express.use(consoleAssets(app.get(AppConfig).consoleDir));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('xima-billing')
      .setDescription(
        'Call accounting for Xima CCaaS: rate plans, sources and sync, line item review, invoices. ' +
          'Every route but /health and signing in needs `Authorization: Bearer <API key>`, or the ' +
          `session cookie (${SESSION_COOKIE}) that \`POST /api/v1/session\` sets; a request by cookie ` +
          'that is not GET or HEAD sends the session’s CSRF token in `X-CSRF-Token`. ' +
          `This document as JSON: [${API_DOCUMENT_PATH}](${API_DOCUMENT_PATH}).`,
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup(API_DOCS_PATH, app, document, { jsonDocumentUrl: API_DOCUMENT_PATH });
  app.enableShutdownHooks();
  return app;
}
