import { PATCHED_KAFKAJS_VERSION } from './aborted-transactions';
import { KafkaError } from './kafka-error';

/**
 * The kafkajs release in `node_modules`. A patch of kafkajs's private classes reads it before
 * it replaces anything.
 */
function installedKafkajsVersion(): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('kafkajs/package.json') as { version?: string }).version;
}

/**
 * Refuses, at start-up and loudly, to install `patch` into another kafkajs than
 * {@link PATCHED_KAFKAJS_VERSION} or into one without the private methods it replaces
 * (`needs`, as the message names them; `shapeOk` says whether they are there).
 *
 * @throws KafkaError `kafka_client_incompatible`
 */
export function refuseUnlessPatchable(
  patch: string,
  needs: string,
  shapeOk: boolean,
): asserts shapeOk {
  const version = installedKafkajsVersion();
  if (version === PATCHED_KAFKAJS_VERSION && shapeOk) return;
  throw new KafkaError(
    'kafka_client_incompatible',
    `the ${patch} in @clawback/kafka was written for kafkajs ${PATCHED_KAFKAJS_VERSION} ` +
      `(${needs}); found kafkajs ${version ?? '(unknown version)'}`,
    { retriable: false },
  );
}
