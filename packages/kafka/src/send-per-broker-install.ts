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
import { createSendPerBroker } from './send-per-broker';
import type { SendMessagesDeps } from './send-per-broker-deps';

/** Whether the replacement is in place, and if not, why. */
export type SendPerBrokerInstall = 'installed' | 'kafkajs-loaded-first' | 'other-kafkajs';

type SendMessagesFactory = (deps: SendMessagesDeps) => unknown;

let built = 0;
let install: SendPerBrokerInstall | undefined;
let kafkajsOwn: SendMessagesFactory | undefined;
let buildingWithKafkajsOwn = false;

/** The factory kafkajs's message producer calls once per producer and per transaction. */
function sendMessagesFactory(deps: SendMessagesDeps) {
  if (buildingWithKafkajsOwn && kafkajsOwn) return kafkajsOwn(deps);
  built += 1;
  return createSendPerBroker(deps);
}

/**
 * Builds a producer (`build`, e.g. `() => kafka.producer(…)`) whose sends go through kafkajs's
 * own `sendMessages`, not the replacement: for the benchmarks' bare-kafkajs baselines only,
 * which must measure kafkajs as it ships. Holds for the producer's own `send` and `sendBatch`;
 * transactions it begins later are built with the replacement.
 */
export function withKafkajsOwnSends<T>(build: () => T): T {
  buildingWithKafkajsOwn = true;
  try {
    return build();
  } finally {
    buildingWithKafkajsOwn = false;
  }
}

/**
 * How many kafkajs message producers were built with the replacement so far: a producer
 * built while this grew sends through it.
 */
export function sendPerBrokerBuilt(): number {
  return built;
}

/**
 * What an operator should hear at start-up about `install`, or `undefined` when all is as it
 * should be: the fallback is safe but sends a request per partition, so it is worth a warning.
 */
export function sendPerBrokerWarning(install: SendPerBrokerInstall): string | undefined {
  if (install === 'installed') return undefined;
  const why =
    install === 'kafkajs-loaded-first'
      ? 'kafkajs was loaded before @clawback/kafka'
      : `kafkajs is not version ${PATCHED_KAFKAJS_VERSION}`;
  return `${why}: producers send one request per partition (safe, slower; ADR 0004)`;
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
  kafkajsOwn = cached.exports as SendMessagesFactory;
  cached.exports = sendMessagesFactory;
  return (install = 'installed');
}

installSendPerBroker();
