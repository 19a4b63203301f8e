import { plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MinLength,
  Min,
  ValidateBy,
  ValidationArguments,
  ValidationError,
  buildMessage,
  validateSync,
} from 'class-validator';
import { isIP } from 'node:net';
import { validateCronExpression } from 'cron';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_POOL_SIZE,
  DEMO_DATABASE_URL,
  MAX_POOL_SIZE,
  parseDatabaseUrl,
  redactDatabaseUrl,
} from '@app/ledger';
import { LINE_AMOUNT_CEILING, MAX_CURRENCY_DECIMALS, decimalTextProblem } from '@app/money';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

function IsDatabaseUrl(): PropertyDecorator {
  return ValidateBy({
    name: 'isDatabaseUrl',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && !('error' in parseDatabaseUrl(value)),
      defaultMessage: (args?: ValidationArguments) => {
        const parsed = parseDatabaseUrl(String(args?.value ?? ''));
        return 'error' in parsed ? parsed.error : 'is not a valid database URL';
      },
    },
  });
}

function IsCronExpression(): PropertyDecorator {
  return ValidateBy({
    name: 'isCronExpression',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && validateCronExpression(value).valid,
      defaultMessage: buildMessage(() => 'must be a cron expression such as "*/15 * * * *"'),
    },
  });
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or http to this machine only: the Xima token must never cross a network in clear. */
function IsXimaUrl(): PropertyDecorator {
  return ValidateBy({
    name: 'isXimaUrl',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        try {
          const url = new URL(value);
          if (url.username || url.password || url.search || url.hash) return false;
          return (
            url.protocol === 'https:' ||
            (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
          );
        } catch {
          return false;
        }
      },
      defaultMessage: buildMessage(
        () => 'must be an https URL such as https://abc.xima.cloud (http only for localhost)',
      ),
    },
  });
}

function IsListenHost(): PropertyDecorator {
  return ValidateBy({
    name: 'isListenHost',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && (value === 'localhost' || isIP(value) !== 0),
      defaultMessage: buildMessage(() => 'must be an IP address (such as 0.0.0.0) or localhost'),
    },
  });
}

/** The adjustment limit's rules: money of any currency, never more than one line can hold. */
const ADJUSTMENT_LIMIT_RULES = {
  decimals: MAX_CURRENCY_DECIMALS,
  max: LINE_AMOUNT_CEILING,
  maxIs: 'the most one line can hold',
};

function IsAdjustmentLimit(): PropertyDecorator {
  return ValidateBy({
    name: 'isAdjustmentLimit',
    validator: {
      validate: (value: unknown) => decimalTextProblem(value, ADJUSTMENT_LIMIT_RULES) === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        decimalTextProblem(args?.value, ADJUSTMENT_LIMIT_RULES) ?? 'is invalid',
    },
  });
}

/** A whole number in [min, max]; `unit` names what it counts in the message. */
function IsIntegerBetween(min: number, max: number, unit = ''): PropertyDecorator {
  const message = `must be an integer between ${min} and ${max}${unit ? ` (${unit})` : ''}`;
  return (target, property) => {
    IsInt({ message })(target, property);
    Min(min, { message })(target, property);
    Max(max, { message })(target, property);
  };
}

/**
 * The service's environment (README.md, "Configuration"). Read once at start, validated,
 * then reached only through AppConfig.
 */
export class Environment {
  /** `production` (what `npm run start:prod` sets) never falls back to the demo by itself. */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /**
   * `true` asks for demo mode (the bundled sandbox) even in production; `false` refuses it even
   * in development. Unset: demo mode when Xima is not configured, outside production.
   */
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  DEMO?: boolean;

  @IsIntegerBetween(1, 65535)
  PORT: number = 3000;

  /** The interface to listen on; loopback unless the operator opens it up. */
  @IsListenHost()
  HOST: string = '127.0.0.1';

  /** `sqlite:<path>`, or `postgres://user:password@host:port/database` (README.md). */
  @IsOptional()
  @IsDatabaseUrl()
  DATABASE_URL?: string;

  /**
   * Connections each process keeps open to PostgreSQL, at most (unused with SQLite). Several
   * instances on one server share its max_connections (100 by default).
   */
  @IsIntegerBetween(1, MAX_POOL_SIZE)
  DATABASE_POOL_SIZE: number = DEFAULT_POOL_SIZE;

  /**
   * The built console (`npm run build`): a folder holding index.html and assets/, served at `/`.
   * Default: apps/console/dist under the working directory.
   */
  @IsOptional()
  @IsString({ message: 'must be a folder path' })
  CONSOLE_DIR?: string;

  @IsOptional()
  @IsXimaUrl()
  XIMA_BASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  XIMA_API_KEY?: string;

  @IsCronExpression()
  SYNC_CRON: string = '*/15 * * * *';

  /** `false` turns every sync schedule off (manual and CLI syncs still work). */
  @IsBoolean({ message: 'must be true or false' })
  SYNC_SCHEDULE_ENABLED: boolean = true;

  /** `false` keeps every PMS link down in this process (its postings wait in the ledger). */
  @IsBoolean({ message: 'must be true or false' })
  PMS_LINKS_ENABLED: boolean = true;

  /**
   * `true`: a proxy in front terminates TLS, so listening beyond loopback is not plain HTTP on
   * the network (no warning at start).
   */
  @IsBoolean({ message: 'must be true or false' })
  BEHIND_TLS_PROXY: boolean = false;

  /**
   * Hosts a source's deliveryUrl may name, comma-separated (`billing.example.com,10.0.0.7`);
   * unset: any host that is not link-local or a cloud metadata address.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9.:[\]-]+(,[A-Za-z0-9.:[\]-]+)*$/, {
    message:
      'must be host names or IP addresses separated by commas (billing.example.com,10.0.0.7)',
  })
  DELIVERY_ALLOWED_HOSTS?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (try: openssl rand -hex 32)' })
  @Matches(/^\S+$/, { message: 'must not contain spaces' })
  ADMIN_API_KEY?: string;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /** Unset: readable lines on a terminal, JSON lines otherwise (see logging/log-format.ts). */
  @IsOptional()
  @IsIn(LOG_FORMATS, { message: `must be one of ${LOG_FORMATS.join(', ')}` })
  LOG_FORMAT?: LogFormat;

  /** Attempts to deliver an invoice to its billing system before giving up, the first included. */
  @IsIntegerBetween(1, 100)
  DELIVERY_MAX_ATTEMPTS: number = 6;

  /** The wait before the first retry of a delivery; each later wait doubles. */
  @IsIntegerBetween(1, 86_400_000, 'milliseconds')
  DELIVERY_BACKOFF_MS: number = 2_000;

  /** The longest wait between two delivery attempts. */
  @IsIntegerBetween(1, 86_400_000, 'milliseconds')
  DELIVERY_BACKOFF_MAX_MS: number = 300_000;

  /** One delivery attempt, from connecting to the end of the answer. */
  @IsIntegerBetween(1, 600_000, 'milliseconds')
  DELIVERY_TIMEOUT_MS: number = 10_000;

  /**
   * The largest amount a reviewer may bill by an adjustment, in the item's currency's units
   * (decision 0018): a typo such as 125000 for 1250.00 is refused instead of billed.
   */
  @IsAdjustmentLimit()
  ADJUSTMENT_LIMIT: string = '10000.00';

  /**
   * `true`: the session cookie is `Secure`, sent by browsers over https only (set it when the
   * service is reached through https, e.g. behind a TLS proxy).
   */
  @IsBoolean({ message: 'must be true or false' })
  SESSION_COOKIE_SECURE: boolean = false;

  /** A signed-in person's session ends after this many minutes without a request. */
  @IsIntegerBetween(1, 43_200, 'minutes')
  SESSION_IDLE_MINUTES: number = 30;

  /**
   * A session ends this many hours after its sign-in, however busy it is: a cookie copied or a
   * browser left signed in does not last for ever.
   */
  @IsIntegerBetween(1, 720, 'hours')
  SESSION_MAX_HOURS: number = 12;

  /**
   * This process's name among the instances of the service on one ledger, as the holder of its
   * leases (docs/decisions/0032). Unset: `host-pid-random`, another on each start. Each running
   * process needs its own; a process started again under the same one takes back at once what
   * its previous process held.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, {
    message:
      'must be 1 to 100 letters, digits, dots, colons, underscores or hyphens, starting with a letter or digit',
  })
  INSTANCE_ID?: string;

  /**
   * How long a lease (a sync, a delivery, a PMS link) lasts unless its instance renews it; it
   * renews every third of it. An instance that dies is taken over within about this long (plus
   * LEASE_POLL_MS). Every instance on one ledger should have the same.
   */
  @IsIntegerBetween(1_000, 3_600_000, 'milliseconds')
  LEASE_TTL_MS: number = 30_000;

  /** How often each instance looks for deliveries and PMS links a stopped instance left. */
  @IsIntegerBetween(100, 600_000, 'milliseconds')
  LEASE_POLL_MS: number = 15_000;
}

/** Variables that hold whole numbers: `PORT=3000abc` is refused, not read as 3000. */
const INTEGER_VARIABLES = [
  'PORT',
  'DATABASE_POOL_SIZE',
  'DELIVERY_MAX_ATTEMPTS',
  'DELIVERY_BACKOFF_MS',
  'DELIVERY_BACKOFF_MAX_MS',
  'DELIVERY_TIMEOUT_MS',
  'SESSION_IDLE_MINUTES',
  'SESSION_MAX_HOURS',
  'LEASE_TTL_MS',
  'LEASE_POLL_MS',
] as const;

/** Variables whose values are secrets: never echoed in an error message. */
const SECRET_VARIABLES = new Set(['XIMA_API_KEY', 'ADMIN_API_KEY']);

export class ConfigurationError extends Error {}

const VARIABLES = [
  'NODE_ENV',
  'DEMO',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'CONSOLE_DIR',
  'XIMA_BASE_URL',
  'XIMA_API_KEY',
  'SYNC_CRON',
  'SYNC_SCHEDULE_ENABLED',
  'PMS_LINKS_ENABLED',
  'BEHIND_TLS_PROXY',
  'DELIVERY_ALLOWED_HOSTS',
  'ADMIN_API_KEY',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'DELIVERY_MAX_ATTEMPTS',
  'DELIVERY_BACKOFF_MS',
  'DELIVERY_BACKOFF_MAX_MS',
  'DELIVERY_TIMEOUT_MS',
  'ADJUSTMENT_LIMIT',
  'SESSION_COOKIE_SECURE',
  'SESSION_IDLE_MINUTES',
  'SESSION_MAX_HOURS',
  'INSTANCE_ID',
  'LEASE_TTL_MS',
  'LEASE_POLL_MS',
] as const;

/** Variables that say true or false: `true`/`false` in any case, anything else is refused. */
const BOOLEAN_VARIABLES = [
  'SYNC_SCHEDULE_ENABLED',
  'PMS_LINKS_ENABLED',
  'DEMO',
  'BEHIND_TLS_PROXY',
  'SESSION_COOKIE_SECURE',
] as const;

/** Keeps only the variables we own: the rest of the process environment is not ours to read. */
function pick(raw: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of VARIABLES) {
    const value = raw[name];
    // An empty variable (`PORT=`) means "not set".
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}

/** Variables whose values may hold a password: echoed with the password hidden. */
const URL_VARIABLES = new Set(['DATABASE_URL']);

function describe(error: ValidationError): string {
  const reason = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
  const value: unknown =
    URL_VARIABLES.has(error.property) && typeof error.value === 'string'
      ? redactDatabaseUrl(error.value)
      : error.value;
  const shown = SECRET_VARIABLES.has(error.property) ? '' : ` (got ${JSON.stringify(value)})`;
  return `${error.property} ${reason}${shown}`;
}

const XIMA_SETTINGS_HINT =
  "set XIMA_BASE_URL (such as https://abc.xima.cloud), XIMA_API_KEY (the Xima service user's token) and ADMIN_API_KEY to bill from Xima";

/**
 * Validates the environment; throws a ConfigurationError whose message is one line naming
 * the variable and what is wrong with it.
 */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const picked = pick(raw);
  const environment = plainToInstance(Environment, picked, { exposeDefaultValues: true });
  for (const name of BOOLEAN_VARIABLES) {
    const raw = picked[name];
    if (typeof raw !== 'string') continue;
    const flag = raw.trim().toLowerCase();
    environment[name] = (flag === 'true' ? true : flag === 'false' ? false : raw) as boolean;
  }
  // Numbers arrive as strings: anything but digits stays a string and fails validation.
  for (const name of INTEGER_VARIABLES) {
    const raw = picked[name];
    if (typeof raw !== 'string') continue;
    environment[name] = /^\d+$/.test(raw) ? Number(raw) : (raw as never);
  }
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigurationError(errors.map(describe).join('; '));
  }
  const hasBaseUrl = environment.XIMA_BASE_URL !== undefined;
  const hasApiKey = environment.XIMA_API_KEY !== undefined;
  const demoHint = isProduction(environment)
    ? 'or unset both and set DEMO=true for the demo'
    : 'or unset both for demo mode';
  if (hasBaseUrl !== hasApiKey) {
    throw new ConfigurationError(
      hasBaseUrl
        ? `XIMA_API_KEY must be set when XIMA_BASE_URL is (${demoHint})`
        : `XIMA_BASE_URL must be set when XIMA_API_KEY is (${demoHint})`,
    );
  }
  if (environment.DEMO === true && hasBaseUrl) {
    throw new ConfigurationError(
      'DEMO=true runs the bundled Xima sandbox instead of Xima: unset XIMA_BASE_URL and XIMA_API_KEY, or DEMO',
    );
  }
  if (!hasBaseUrl && environment.DEMO === false) {
    throw new ConfigurationError(
      `XIMA_BASE_URL and XIMA_API_KEY must be set when DEMO=false (${XIMA_SETTINGS_HINT})`,
    );
  }
  if (!hasBaseUrl && environment.DEMO === undefined && isProduction(environment)) {
    // A production start without Xima would otherwise bill from generated demo calls.
    throw new ConfigurationError(
      `XIMA_BASE_URL and XIMA_API_KEY are not set, and NODE_ENV=production never starts the demo by itself: ${XIMA_SETTINGS_HINT}, or run the demo on purpose with DEMO=true npm run start:prod`,
    );
  }
  if (!isDemoMode(environment) && environment.ADMIN_API_KEY === undefined) {
    throw new ConfigurationError(
      'ADMIN_API_KEY must be set when Xima credentials are (it bootstraps the first admin key)',
    );
  }
  return environment;
}

/** NODE_ENV=production: what `npm run start:prod` sets. */
export function isProduction(environment: Pick<Environment, 'NODE_ENV'>): boolean {
  return environment.NODE_ENV === 'production';
}

/** Demo mode: no Xima credentials, so the bundled sandbox stands in for Xima. */
export function isDemoMode(environment: Pick<Environment, 'XIMA_BASE_URL'>): boolean {
  return environment.XIMA_BASE_URL === undefined;
}

export function databaseUrlOf(
  environment: Pick<Environment, 'XIMA_BASE_URL' | 'DATABASE_URL'>,
): string {
  return (
    environment.DATABASE_URL ?? (isDemoMode(environment) ? DEMO_DATABASE_URL : DEFAULT_DATABASE_URL)
  );
}
