import { maskText } from '@clawback/logging';
import type { Case } from '../cases/case';
import { caseIdOf, deadLetterSource } from '../cases/case-sources';
import { allowedResolutions } from '../commands/allowed-resolutions';
import type { DeadLetterEntry } from '../log/log-entry';

const iso = (ms: number) => new Date(ms).toISOString();

/** A case as the API shows it (the book's internal `openedAtMs` left out). */
export function caseView(c: Case & { readonly openedAtMs?: number }) {
  const { openedAtMs: _openedAtMs, ...shown } = c;
  return { ...shown, allowedResolutions: allowedResolutions(c) };
}

/**
 * A dead letter as the API shows it: the raw body as base64 of its text with personal data
 * (emails, card numbers, phone numbers, IP addresses) masked as in the logs.
 */
export function deadLetterView(d: DeadLetterEntry) {
  return {
    id: d.id,
    queue: d.queue,
    caseId: caseIdOf(deadLetterSource(d.id)),
    topic: d.position.topic,
    partition: d.position.partition,
    offset: d.position.offset,
    orderKey: d.orderKey,
    merchantId: d.merchantId,
    provider: d.provider,
    errorCode: d.errorCode,
    errorMessage: maskText(d.errorMessage),
    deadLetteredAt: iso(d.deadLetteredAt),
    cancellationEventId: d.cancellationEventId,
    raw:
      d.raw === null
        ? null
        : {
            ingressId: d.raw.ingressId,
            provider: d.raw.provider,
            merchantId: d.raw.merchantId,
            orderKey: d.raw.orderKey,
            receivedAt: iso(d.raw.receivedAt),
            contentType: d.raw.contentType,
            bodyMasked: true,
            body: Buffer.from(maskText(d.raw.body.toString('utf8')), 'utf8').toString('base64'),
          },
  };
}
