import { isRetriableProtocolType } from './kafka-error';

/** A protocol error as kafkajs lists it (its `protocol/error` module). */
interface ProtocolErrorCode {
  readonly type: string;
  readonly message: string;
}

const SEND_RETRY_PREFIX = 'Failed to send messages: ';

let byMessage: ReadonlyMap<string, string> | undefined;

/**
 * The retriable protocol error types by the message kafkajs logs for them. kafkajs logs a
 * broker's error answer with the message only (`{ error: '<message>' }`), so the message is
 * what there is to recognise it by.
 */
function retriableTypesByMessage(): ReadonlyMap<string, string> {
  if (byMessage === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { errorCodes } = require('kafkajs/src/protocol/error') as {
      errorCodes: readonly ProtocolErrorCode[];
    };
    byMessage = new Map(
      errorCodes.filter((e) => isRetriableProtocolType(e.type)).map((e) => [e.message, e.type]),
    );
  }
  return byMessage;
}

/**
 * The protocol error type when a kafkajs log entry reports a broker answer that a retry fixes
 * (kafkajs's or ours), else `null`. kafkajs logs every error answer at error level before it
 * retries — e.g. `CONCURRENT_TRANSACTIONS` while the previous transaction's markers are still
 * being written, which is routine between back-to-back transactions. Such an entry is not a
 * failure: the caller logs it below error and counts it; a retry that finally fails reaches
 * the application as an error, which logs it itself.
 */
export function retriableResponseType(entry: {
  readonly message?: unknown;
  readonly error?: unknown;
  readonly retryCount?: unknown;
}): string | null {
  if (typeof entry.message !== 'string') return null;
  if (entry.message.startsWith('Response ')) {
    if (typeof entry.error !== 'string') return null;
    return retriableTypesByMessage().get(entry.error) ?? null;
  }
  // The producer's own retrier logs `Failed to send messages: <message>` with its retry count
  // before each retry of a send (e.g. a send that met CONCURRENT_TRANSACTIONS): also a retry,
  // not a failure. A send that runs out of retries rejects, and the caller logs that.
  if (entry.message.startsWith(SEND_RETRY_PREFIX) && typeof entry.retryCount === 'number') {
    return retriableTypesByMessage().get(entry.message.slice(SEND_RETRY_PREFIX.length)) ?? null;
  }
  return null;
}
