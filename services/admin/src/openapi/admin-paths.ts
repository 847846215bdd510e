const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('AdminError')) });
const secured = [{ bearer: [] }];
const reads = {
  '401': error('No or unknown bearer token (`unauthorized`).'),
  '503': error('The projection is still reading the log (`not_ready`).'),
};
const writes = {
  ...reads,
  '400': error('Bad body (`invalid_request`).'),
  '403': error('The token is a viewer’s (`forbidden`).'),
  '404': error('Unknown case or dead letter (`not_found`).'),
  '409': error('The resolution does not fit the case (`resolution_not_allowed`).'),
  '503': error(
    'Still catching up (`not_ready`) or Kafka did not take the record (`write_failed`).',
  ),
};
const param = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const query = (name: string, schema: unknown, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

/** The admin API's `/v1/` paths (docs/operations.md). */
export const ADMIN_PATHS = {
  '/v1/orders/{orderKey}': {
    get: {
      tags: ['admin'],
      summary: 'An order’s whole timeline',
      security: secured,
      parameters: [param('orderKey', '`{provider}:{merchantId}:{orderRef}`')],
      responses: {
        '200': {
          description:
            'Raw notifications with their outcome, lifecycle events, commission adjustments, cancellations and dead letters, by record time.',
          content: json(
            closed2({
              orderKey: { type: 'string' },
              entries: { type: 'array', items: ref('TimelineEntry') },
            }),
          ),
        },
        '404': error('Nothing is known about the order (`not_found`).'),
        ...reads,
      },
    },
  },
  '/v1/cases': {
    get: {
      tags: ['admin'],
      summary: 'Cases, oldest first',
      security: secured,
      parameters: [
        query(
          'reason',
          { type: 'string' },
          'A reason code, e.g. `over_refund`, `overdue`, `malformed_body`.',
        ),
        query('merchant', { type: 'string' }, 'A merchant id.'),
        query('status', { enum: ['open', 'resolved', 'dismissed'] }, 'The case status.'),
        query('orderKey', { type: 'string' }, 'An order key.'),
      ],
      responses: {
        '200': {
          description: 'Matching cases.',
          content: json(closed2({ cases: { type: 'array', items: ref('Case') } })),
        },
        '400': error('A bad filter (`invalid_request`).'),
        ...reads,
      },
    },
  },
  '/v1/cases/{caseId}': {
    get: {
      tags: ['admin'],
      summary: 'One case, with the resolutions that fit it',
      security: secured,
      parameters: [param('caseId', '`case-` and 16 hex digits')],
      responses: {
        '200': { description: 'The case.', content: json(ref('Case')) },
        '404': error('Unknown case (`not_found`).'),
        ...reads,
      },
    },
  },
  '/v1/cases/{caseId}/resolutions': {
    post: {
      tags: ['admin'],
      summary: 'Resolve a case: writes an operator command to payments.notifications.raw',
      security: secured,
      parameters: [param('caseId', 'The case')],
      requestBody: { required: true, content: json(ref('ResolutionRequest')) },
      responses: {
        '202': {
          description: 'The command is committed to the log; the lifecycle decides it in order.',
          content: json(ref('ResolutionAccepted')),
        },
        ...writes,
      },
    },
  },
  '/v1/dead-letters': {
    get: {
      tags: ['admin'],
      summary: 'Dead letters of both queues, or one',
      security: secured,
      parameters: [query('queue', { enum: ['raw', 'cancellations'] }, 'Which dead-letter topic.')],
      responses: {
        '200': {
          description: 'Dead letters, personal data masked.',
          content: json(closed2({ deadLetters: { type: 'array', items: ref('DeadLetter') } })),
        },
        '400': error('An unknown queue (`invalid_request`).'),
        ...reads,
      },
    },
  },
  '/v1/dead-letters/{id}': {
    get: {
      tags: ['admin'],
      summary: 'One dead letter',
      security: secured,
      parameters: [param('id', '`{queue}-{partition}-{offset}`')],
      responses: {
        '200': { description: 'The dead letter.', content: json(ref('DeadLetter')) },
        '404': error('Unknown dead letter (`not_found`).'),
        ...reads,
      },
    },
  },
  '/v1/dead-letters/{id}/redrive': {
    post: {
      tags: ['admin'],
      summary:
        'Redrive a dead letter: republish its notification to payments.notifications.raw, or ask subscription-cancellations to attempt its cancellation again',
      security: secured,
      parameters: [param('id', 'The dead letter')],
      requestBody: { required: true, content: json(ref('RedriveRequest')) },
      responses: {
        '202': {
          description:
            'Written and committed. A raw dead letter is republished with headers `clawback-redrive-of`, `clawback-operator` and `clawback-reason`; a cancellation dead letter becomes a command on subscriptions.cancellations.redrive (`redriveId` `redrive-cancellations-{partition}-{offset}`), attempted once per dead letter and never for a subscription already cancelled (ADR 0019). A second redrive is a harmless duplicate.',
          content: json(ref('RedriveAccepted')),
        },
        ...writes,
      },
    },
  },
};

function closed2(properties: Record<string, unknown>) {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
  };
}
