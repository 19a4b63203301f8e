import { Global, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import PinoPretty from 'pino-pretty';
import { AppConfig } from '../config/app-config';
import { chooseLogFormat } from './log-format';
import { REDACTED, redactSecrets } from './redact-secrets';

/** Where log lines go; tests replace it to read what was logged. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/**
 * Credentials never reach a log line: pino's `redact` censors the serialized request headers,
 * and `redactSecrets` censors any secret-named field at any depth of what the code logs.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/**
 * JSON lines for machines; readable lines when a person watches a terminal (or LOG_FORMAT says
 * so). Redaction happens before either, so both are free of secrets.
 */
function defaultDestination(config: AppConfig): DestinationStream {
  const tty = process.stdout.isTTY === true;
  return chooseLogFormat(config.logFormat, tty) === 'pretty'
    ? PinoPretty({
        // Colours only for a terminal: escape codes in a file or a pipe are noise.
        colorize: tty,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname,context,req,res,responseTime',
        messageFormat:
          '{if context}[{context}] {end}{msg}{if req.method} {req.method} {req.url} -> {res.statusCode} ({responseTime} ms){end}',
      })
    : process.stdout;
}

@Global()
@Module({
  providers: [{ provide: LOG_DESTINATION, inject: [AppConfig], useFactory: defaultDestination }],
  exports: [LOG_DESTINATION],
})
class LogDestinationModule {}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      imports: [LogDestinationModule],
      inject: [AppConfig, LOG_DESTINATION],
      useFactory: (config: AppConfig, destination: DestinationStream) => ({
        // nestjs-pino 4 (decision 0014) mounts on `*`, which Express 5 no longer reads: mount
        // where nestjs-pino 5 does, on every path, `/` included.
        forRoutes: [{ path: '{/*splat}', method: RequestMethod.ALL }],
        pinoHttp: [
          {
            level: config.logLevel,
            redact: { paths: REDACTED_PATHS, censor: REDACTED },
            formatters: { log: (record: Record<string, unknown>) => redactSecrets(record) },
            // Health probes every few seconds would drown the log.
            autoLogging: { ignore: (req) => req.url === '/health' },
            serializers: {
              req: (req: { id: unknown; method: string; url: string; headers: object }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
                headers: req.headers,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
          destination,
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
