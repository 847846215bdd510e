import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { maskJsonLine } from './mask-text';
import { censor, redactKeys } from './redact-keys';
import { httpRedactPaths } from './sensitive-keys';

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  /** The service or tool name, on every line as `service`. */
  readonly service: string;
  readonly level?: LevelWithSilent;
  /** Where lines go; stdout by default. Tests pass a stream to inspect the output. */
  readonly destination?: DestinationStream;
}

/**
 * A pino logger that keeps personal data and secrets out of the logs, in three layers:
 * values under sensitive keys are replaced by `[Redacted]` at any depth (a key walk, because
 * pino's wildcard `redact` paths cost ~75 µs per level per line with this many keys); pino
 * `redact` paths cover what HTTP serializers produce; and emails, IPs, card numbers and
 * phone numbers that slip into free strings (messages, error texts) are masked on the way out.
 */
export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level ?? 'info',
    base: { service: options.service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      log: (object: Record<string, unknown>) => redactKeys(object) as Record<string, unknown>,
    },
    redact: { paths: [...httpRedactPaths], censor },
    hooks: { streamWrite: maskJsonLine },
  };
  // Synchronous stdout by default: a crashing service must not lose its last lines.
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
