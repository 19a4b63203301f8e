import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { ApiKeyRole } from '@app/common';
import { bearer } from './test-app';

/** A signed-in browser, as the tests drive it: its cookie and its CSRF token. */
export interface Browser {
  /** `xb_session=…`, as a `Cookie` header sends it. */
  cookie: string;
  csrfToken: string;
  userId: number;
}

/** The `name=value` of the session cookie an answer sets, or undefined. */
export function sessionCookieOf(res: request.Response): string | undefined {
  const setCookie = res.headers['set-cookie'] as unknown as string[] | undefined;
  const cookie = (setCookie ?? []).find((line) => line.startsWith('xb_session='));
  return cookie?.split(';')[0];
}

/** Makes a user through the API (admin key), with the password given. */
export async function createUser(
  app: INestApplication,
  adminKey: string,
  user: { email: string; name: string; role: ApiKeyRole; password: string },
): Promise<number> {
  const res = await request(app.getHttpServer())
    .post('/api/v1/users')
    .set(...bearer(adminKey))
    .send(user)
    .expect(201);
  return res.body.id as number;
}

/** Signs in through the API; fails the test unless the sign-in succeeds. */
export async function signIn(
  app: INestApplication,
  email: string,
  password: string,
): Promise<Browser> {
  const res = await request(app.getHttpServer())
    .post('/api/v1/session')
    .send({ email, password })
    .expect(200);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error('sign-in set no session cookie');
  return { cookie, csrfToken: res.body.csrfToken, userId: res.body.user.id };
}
