import { DECORATORS } from '@nestjs/swagger';
import { ApiErrors, ErrorView } from './api-errors';

interface Documented {
  description: string;
  type: unknown;
  example: { statusCode: number; error: string; message: string; details?: unknown[] };
}

class Routes {
  @ApiErrors(400, 401, [409, 'The invoice is not a draft.'])
  finalize(): void {}
}

const responses = Reflect.getMetadata(
  DECORATORS.API_RESPONSE,
  Object.getOwnPropertyDescriptor(Routes.prototype, 'finalize')!.value,
) as Record<string, Documented>;

describe('ApiErrors', () => {
  it('documents exactly the statuses given, each with the shared error body', () => {
    expect(Object.keys(responses)).toEqual(['400', '401', '409']);
    for (const response of Object.values(responses)) expect(response.type).toBe(ErrorView);
  });

  it('gives each an example of its own status, a 400 with details', () => {
    expect(responses['400'].example).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(responses['400'].example.details).toEqual([
      { field: 'periodEnd', message: expect.stringContaining('periodEnd must be') },
    ]);
    expect(responses['401'].example).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message:
        'Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)',
    });
  });

  it("says a route's own meaning in the description and the example alike", () => {
    expect(responses['409'].description).toBe('The invoice is not a draft.');
    expect(responses['409'].example).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'The invoice is not a draft.',
    });
  });
});
