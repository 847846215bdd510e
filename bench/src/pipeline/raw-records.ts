import { randomUUID } from 'node:crypto';
import type { Message } from '@clawback/kafka';
import type { AvroRegistry } from '@clawback/schema-registry';
import type { IpnRequest } from './ipn-pool';

/**
 * Encodes IPNs as the ingress writes them to the raw topic: Avro (Confluent wire format)
 * records keyed by order key, with the raw schema registered under `rawTopic`.
 */
export async function rawMessages(
  registry: AvroRegistry,
  rawTopic: string,
  requests: readonly IpnRequest[],
  merchantId: string,
  receivedAt: number,
): Promise<Message[]> {
  const messages: Message[] = [];
  for (const request of requests) {
    const value = await registry.encode(rawTopic, {
      ingressId: randomUUID(),
      provider: '2checkout',
      merchantId,
      orderKey: request.orderKey,
      receivedAt,
      contentType: request.contentType,
      body: request.body,
    });
    messages.push({ key: request.orderKey, value });
  }
  return messages;
}
