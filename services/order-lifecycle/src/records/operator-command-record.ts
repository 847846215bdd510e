import {
  OPERATOR_RESOLUTIONS,
  isProviderName,
  orderKeyOf,
  type OperatorCommand,
  type OperatorCommandBody,
  type OperatorCommandSubject,
} from '@clawback/notifications';
import { ProvidersError, normalizeNotification } from '@clawback/providers';
import type { RawNotificationRecord } from './raw-notification';
import type { NormalizeOptionsFor } from './to-partition-records';

/** Why an operator command record cannot be used: dead-lettered as `invalid_operator_command`. */
export class InvalidOperatorCommand extends Error {}

const fail = (why: string): never => {
  throw new InvalidOperatorCommand(why);
};

function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  return typeof value === 'string' && value !== '' ? value : fail(`${field} must be a string`);
}

function parseBody(raw: RawNotificationRecord): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.body.toString('utf8'));
  } catch {
    return fail('the body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return fail('the body is not a JSON object');
  const body = parsed as Record<string, unknown>;
  if (body.version !== 1) return fail(`unknown command version ${String(body.version)}`);
  return body;
}

function subjectOf(body: Record<string, unknown>): OperatorCommandSubject | null {
  const subject = body.subject;
  if (subject === null || subject === undefined) return null;
  if (typeof subject !== 'object') return fail('subject must be an object or null');
  const s = subject as Record<string, unknown>;
  const receivedAt = s.receivedAt;
  if (typeof receivedAt !== 'number' || !Number.isSafeInteger(receivedAt))
    return fail('subject.receivedAt must be epoch milliseconds');
  return {
    provider: text(s, 'provider'),
    merchantId: text(s, 'merchantId'),
    contentType: typeof s.contentType === 'string' ? s.contentType : '',
    receivedAt,
    body: typeof s.body === 'string' ? s.body : fail('subject.body must be base64'),
  };
}

/** The command body of an operator record, field-checked. */
function operatorCommandBody(raw: RawNotificationRecord): OperatorCommandBody {
  const body = parseBody(raw);
  const resolution = text(body, 'resolution');
  if (!(OPERATOR_RESOLUTIONS as readonly string[]).includes(resolution))
    fail(`unknown resolution ${resolution}`);
  return {
    version: 1,
    commandId: text(body, 'commandId'),
    resolution: resolution as OperatorCommandBody['resolution'],
    caseId: text(body, 'caseId'),
    caseReason: text(body, 'caseReason'),
    operatorId: text(body, 'operatorId'),
    reason: text(body, 'reason'),
    issuedAt: text(body, 'issuedAt'),
    subjectNotificationId: text(body, 'subjectNotificationId'),
    subject: subjectOf(body),
  };
}

/**
 * Decodes an operator command record (ADR 0014) into the machine's input. The subject is
 * normalized by the same adapter and options as the provider's own record, so the operator
 * never supplies facts, only where and whether they apply.
 *
 * @throws InvalidOperatorCommand when the record is not a usable command
 */
export function toOperatorCommand(
  raw: RawNotificationRecord,
  key: string | undefined,
  optionsFor: NormalizeOptionsFor,
): OperatorCommand {
  const body = operatorCommandBody(raw);
  const [provider = '', merchantId = '', ...rest] = raw.orderKey.split(':');
  const orderRef = rest.join(':');
  if (!isProviderName(provider) || merchantId !== raw.merchantId || orderRef === '')
    fail(`orderKey ${raw.orderKey} is not an order of merchant ${raw.merchantId}`);
  if (key !== undefined && key !== raw.orderKey) fail(`record key ${key} is not ${raw.orderKey}`);
  if (body.commandId !== raw.ingressId) fail('commandId differs from the record ingressId');
  const subject = body.subject === null ? null : normalizedSubject(body.subject, optionsFor);
  if (subject !== null && subject.notificationId !== body.subjectNotificationId)
    fail(`the subject is ${subject.notificationId}, not ${body.subjectNotificationId}`);
  if (body.resolution !== 'dismiss' && subject === null) fail(`${body.resolution} needs a subject`);
  const { version: _version, subject: _subject, ...fields } = body;
  return {
    ...fields,
    orderKey: orderKeyOf(provider as Parameters<typeof orderKeyOf>[0], merchantId, orderRef),
    provider: provider as OperatorCommand['provider'],
    merchantId,
    orderRef,
    subject,
  };
}

function normalizedSubject(subject: OperatorCommandSubject, optionsFor: NormalizeOptionsFor) {
  if (!isProviderName(subject.provider)) return fail(`no adapter for ${subject.provider}`);
  try {
    return normalizeNotification(
      {
        provider: subject.provider,
        merchantId: subject.merchantId,
        body: Buffer.from(subject.body, 'base64'),
        contentType: subject.contentType,
        receivedAt: new Date(subject.receivedAt).toISOString(),
      },
      optionsFor(subject.provider, subject.merchantId),
    );
  } catch (error) {
    if (!(error instanceof ProvidersError)) throw error;
    return fail(`the subject does not normalize: ${error.code}: ${error.message}`);
  }
}
