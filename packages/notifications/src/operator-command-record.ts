import {
  OPERATOR_COMMAND_CONTENT_TYPE,
  OPERATOR_SOURCE,
  type OperatorCommandBody,
  type OperatorCommandSubject,
} from './operator-command';
import type { RawNotificationRecord } from './raw-notification-record';

/** Where a command is written: the target order (its record key) and its merchant. */
export interface OperatorCommandTarget {
  readonly orderKey: string;
  readonly merchantId: string;
}

/**
 * The subject of a command: the original raw notification, carried verbatim (body as base64)
 * so the lifecycle normalizes exactly the bytes the provider sent.
 */
export function operatorCommandSubject(raw: RawNotificationRecord): OperatorCommandSubject {
  return {
    provider: raw.provider,
    merchantId: raw.merchantId,
    contentType: raw.contentType,
    receivedAt: raw.receivedAt,
    body: raw.body.toString('base64'),
  };
}

/**
 * The `payments.notifications.raw` value of an operator command (ADR 0014): provider
 * `operator`, `ingressId` = the command id (the lifecycle's dedupe key), the body as UTF-8 JSON
 * with one fixed key order. `writtenAt` (epoch ms) is informative only: commands never move
 * the lifecycle's watermark.
 *
 * @throws RangeError when the command id does not start with `op-` or the target is not an
 *   order of the merchant (`{provider}:{merchantId}:{orderRef}`), which the lifecycle would
 *   dead-letter.
 */
export function encodeOperatorCommand(
  body: OperatorCommandBody,
  target: OperatorCommandTarget,
  writtenAt: number,
): RawNotificationRecord {
  if (!body.commandId.startsWith('op-'))
    throw new RangeError(`command id ${body.commandId} does not start with op-`);
  const [, merchantId, ...ref] = target.orderKey.split(':');
  if (merchantId !== target.merchantId || ref.join(':') === '')
    throw new RangeError(`${target.orderKey} is not an order of merchant ${target.merchantId}`);
  const ordered: OperatorCommandBody = {
    version: 1,
    commandId: body.commandId,
    resolution: body.resolution,
    caseId: body.caseId,
    caseReason: body.caseReason,
    operatorId: body.operatorId,
    reason: body.reason,
    issuedAt: body.issuedAt,
    subjectNotificationId: body.subjectNotificationId,
    subject: body.subject,
  };
  return {
    ingressId: body.commandId,
    provider: OPERATOR_SOURCE,
    merchantId: target.merchantId,
    orderKey: target.orderKey,
    receivedAt: writtenAt,
    contentType: OPERATOR_COMMAND_CONTENT_TYPE,
    body: Buffer.from(JSON.stringify(ordered), 'utf8'),
  };
}
