/**
 * Puts `createSendPerBroker` (`send-per-broker.ts`) in the place of kafkajs 2.2.4's
 * `producer/sendMessages.js`. kafkajs's message producer takes that module with `require` when
 * kafkajs itself is first loaded and keeps it in a closure, so it cannot be wrapped afterwards:
 * this module must run before anything loads kafkajs. It loads kafkajs's original module first
 * and replaces that module's exports in the module cache (Node's, or jest's registry, which
 * `require.cache` reads through), so the message producer's later `require` gets ours.
 *
 * It is imported for its effect at the top of every module of this package that loads kafkajs,
 * before kafkajs. If kafkajs was loaded earlier (by another package), nothing is replaced and
 * the producers of this package fall back to one request per topic-partition
 * (`per-partition-sends.ts`), which is safe but costs a round trip per partition.
 */

import { PATCHED_KAFKAJS_VERSION } from './aborted-transactions';
import { createSendPerBroker, type SendMessagesDeps } from './send-per-broker';

/** Whether the replacement is in place, and if not, why. */
export type SendPerBrokerInstall = 'installed' | 'kafkajs-loaded-first' | 'other-kafkajs';

let built = 0;
let install: SendPerBrokerInstall | undefined;

/** The factory kafkajs's message producer calls once per producer and per transaction. */
function sendMessagesFactory(deps: SendMessagesDeps) {
  built += 1;
  return createSendPerBroker(deps);
}

/**
 * How many kafkajs message producers were built with the replacement so far: a producer
 * built while this grew sends through it.
 */
export function sendPerBrokerBuilt(): number {
  return built;
}

/** Installs the replacement once; later calls return what the first found. */
export function installSendPerBroker(): SendPerBrokerInstall {
  if (install) return install;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require('kafkajs/package.json') as { version?: string };
  if (version !== PATCHED_KAFKAJS_VERSION) return (install = 'other-kafkajs');
  const sendMessagesPath = require.resolve('kafkajs/src/producer/sendMessages');
  if (require.resolve('kafkajs/src/producer/messageProducer') in require.cache) {
    return (install = 'kafkajs-loaded-first');
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(sendMessagesPath);
  const cached = require.cache[sendMessagesPath];
  if (!cached) return (install = 'kafkajs-loaded-first');
  cached.exports = sendMessagesFactory;
  return (install = 'installed');
}

installSendPerBroker();
