/**
 * Keys whose string values are identifiers the system made or the log carries by design
 * (UUIDs, order keys, Kafka coordinates). Masking by shape must not touch them: a 16-digit
 * 2Checkout reference inside an `orderKey` can pass the Luhn check and would read `[card]`,
 * breaking the search for a notification across services.
 */
export const ID_KEYS: ReadonlySet<string> = new Set([
  'ingressId',
  'notificationId',
  'orderKey',
  'eventId',
  'causationId',
  'correlationId',
  'commandId',
  'offset',
  'partition',
  'topic',
  'transactionalId',
  'reqId',
]);
