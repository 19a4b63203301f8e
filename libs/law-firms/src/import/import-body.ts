import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
import { ListInput, readCsvList, readJsonList } from './list-input';

/**
 * An import route's body, either way it may come: text/csv (the global body parsing reads it
 * as text for the import routes only) or JSON `{ [key]: [...] }`.
 */
export function listInput(
  body: unknown,
  key: string,
  columns: readonly string[],
  optional: readonly string[],
): ListInput {
  return typeof body === 'string'
    ? readCsvList(body, columns, key)
    : readJsonList(body, key, columns, optional);
}

/**
 * The OpenAPI body of an import route: JSON (the DTO) or the CSV as text, each with an
 * example.
 */
export const ApiImportBody = (
  dto: Function,
  jsonExample: unknown,
  csvExample: string,
  description: string,
): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(dto),
    ApiConsumes('application/json', 'text/csv'),
    ApiBody({
      description,
      required: true,
      schema: {
        oneOf: [
          { $ref: getSchemaPath(dto) },
          { type: 'string', description: 'The CSV file, header first.' },
        ],
      },
      examples: {
        json: { summary: 'JSON', value: jsonExample },
        csv: { summary: 'CSV (send as text/csv)', value: csvExample },
      },
    }),
  );
