import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@app/common';
import { ErrorBody, errorBody } from './error-body';

function messageOf(response: string | object): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : 'Request failed';
}

/**
 * Every error becomes `{ statusCode, error, message, details? }`. Unknown errors are logged
 * and answered with a bare 500: their messages may hold internals, never shown to a caller.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return errorBody(exception.status, exception.message, exception.details);
    }
    if (exception instanceof HttpException) {
      return errorBody(exception.getStatus(), messageOf(exception.getResponse()));
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return errorBody(500, 'Internal server error');
  }
}
