/** JSON Schema 2020-12 helpers for the OpenAPI document. */
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const nullable = (type: 'string' | 'integer') => ({ type: [type, 'null'] });
const time = { type: 'string', format: 'date-time' } as const;

/** A closed object: every property required, nothing else allowed (so drift fails a test). */
function closed(properties: Record<string, unknown>, optional: readonly string[] = []) {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((p) => !optional.includes(p)),
    properties,
  };
}

const entryBase = { topic: str, partition: int, offset: str, at: time, summary: str };

const operatorCommand = closed({
  version: { const: 1 },
  commandId: str,
  resolution: { enum: ['apply', 'attach', 'dismiss'] },
  caseId: str,
  caseReason: str,
  operatorId: str,
  reason: str,
  issuedAt: str,
  subjectNotificationId: str,
  subject: {
    oneOf: [
      { type: 'null' },
      closed({ provider: str, merchantId: str, contentType: str, receivedAt: int, body: str }),
    ],
  },
});

/** `components.schemas` of the document. */
export const SCHEMAS = {
  AdminError: closed({
    error: {
      enum: [
        'unauthorized',
        'forbidden',
        'not_found',
        'invalid_request',
        'resolution_not_allowed',
        'not_ready',
        'write_failed',
        'internal_error',
      ],
    },
    message: str,
  }),
  IngressError: closed({ error: closed({ code: str, message: str }) }),
  OperatorCommand: operatorCommand,
  Case: closed({
    caseId: str,
    kind: {
      enum: ['rejected', 'overdue', 'dead_letter', 'cancellation_dead_letter', 'provider_time'],
    },
    orderKey: str,
    merchantId: str,
    provider: str,
    reasonCode: str,
    detail: str,
    subjectId: str,
    amounts: closed({
      currency: nullable('string'),
      amount: nullable('integer'),
      applied: int,
      excess: nullable('integer'),
    }),
    firstSeen: time,
    lastSeen: time,
    status: { enum: ['open', 'resolved', 'dismissed'] },
    resolutions: {
      type: 'array',
      items: closed({
        commandId: str,
        resolution: { enum: ['apply', 'attach', 'dismiss', 'redrive'] },
        operatorId: str,
        reason: str,
        orderKey: str,
        eventIds: { type: 'array', items: str },
        refusal: nullable('string'),
      }),
    },
    allowedResolutions: {
      type: 'array',
      items: { enum: ['apply', 'attach', 'dismiss', 'redrive'] },
    },
  }),
  TimelineEntry: {
    oneOf: [
      closed({
        kind: { const: 'notification' },
        ...entryBase,
        provider: str,
        merchantId: str,
        contentType: str,
        receivedAt: time,
        ingressId: str,
        notificationId: nullable('string'),
        notificationKind: nullable('string'),
        signatureScheme: nullable('string'),
        amount: nullable('integer'),
        currency: nullable('string'),
        operatorCommand: {
          oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/OperatorCommand' }],
        },
        redriveOf: nullable('string'),
        outcome: { enum: ['applied', 'duplicate', 'parked', 'rejected', 'pending'] },
        reason: nullable('string'),
      }),
      closed({
        kind: { const: 'event' },
        ...entryBase,
        type: str,
        eventId: str,
        occurredAt: time,
        causationId: str,
        sequence: int,
        currency: str,
        amount: nullable('integer'),
        refundedTotal: nullable('integer'),
        remaining: nullable('integer'),
        reason: nullable('string'),
        detail: nullable('string'),
      }),
      closed({
        kind: { const: 'commission_adjustment' },
        ...entryBase,
        type: str,
        adjustmentId: str,
        affiliateId: str,
        sourceEventId: str,
        reason: str,
        currency: str,
        amount: int,
        earnedTotal: int,
        reversedTotal: int,
      }),
      closed({
        kind: { const: 'cancellation' },
        ...entryBase,
        type: str,
        eventId: str,
        subscriptionRef: str,
        causationId: str,
        cause: str,
        attempts: int,
      }),
      closed({
        kind: { const: 'dead_letter' },
        ...entryBase,
        deadLetterId: str,
        queue: { enum: ['raw', 'cancellations'] },
        errorCode: str,
        errorMessage: str,
      }),
    ],
  },
  DeadLetter: closed({
    id: str,
    queue: { enum: ['raw', 'cancellations'] },
    caseId: str,
    topic: str,
    partition: int,
    offset: str,
    orderKey: str,
    merchantId: str,
    provider: str,
    errorCode: str,
    errorMessage: str,
    deadLetteredAt: time,
    cancellationEventId: nullable('string'),
    raw: {
      oneOf: [
        { type: 'null' },
        closed({
          ingressId: str,
          provider: str,
          merchantId: str,
          orderKey: str,
          receivedAt: time,
          contentType: str,
          bodyMasked: { const: true },
          body: { type: 'string', contentEncoding: 'base64' },
        }),
      ],
    },
  }),
  ResolutionRequest: closed(
    {
      resolution: { enum: ['apply', 'attach', 'dismiss'] },
      orderKey: { type: 'string', description: 'The target order of an attach.' },
      reason: { type: 'string', minLength: 1, maxLength: 500 },
    },
    ['orderKey'],
  ),
  ResolutionAccepted: closed({ commandId: str, caseId: str, orderKey: str }),
  RedriveRequest: closed({ reason: { type: 'string', minLength: 1, maxLength: 500 } }),
  RedriveAccepted: closed({ redriveId: str, deadLetterId: str }),
  Health: closed({ status: { const: 'ok' } }),
  Readiness: closed({
    status: { enum: ['ready', 'not_ready'] },
    checks: { type: 'object', additionalProperties: { type: ['boolean', 'string'] } },
  }),
} as const;
