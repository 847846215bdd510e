import { ADMIN_PATHS } from './admin-paths';
import { INGRESS_PATHS } from './ingress-paths';
import { SCHEMAS } from './schemas';

const OPS = {
  '/healthz': {
    get: {
      tags: ['operations'],
      summary: 'The process is up (every service)',
      responses: {
        '200': {
          description: 'Up.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
        },
      },
    },
  },
  '/readyz': {
    get: {
      tags: ['operations'],
      summary: 'Ready: the admin projection caught up (the ingress: Kafka reachable)',
      responses: {
        '200': {
          description: 'Ready.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Readiness' } } },
        },
        '503': {
          description: 'Not ready.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Readiness' } } },
        },
      },
    },
  },
  '/metrics': {
    get: {
      tags: ['operations'],
      summary: 'Prometheus metrics (every service)',
      responses: {
        '200': {
          description: 'Text exposition format.',
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
      },
    },
  },
  '/openapi.json': {
    get: {
      tags: ['operations'],
      summary: 'This document',
      responses: {
        '200': {
          description: 'OpenAPI 3.1.',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  },
};

/**
 * The OpenAPI 3.1 description of the admin API and of the ingress's notification endpoint,
 * served at `/openapi.json`. Response schemas are closed (no extra properties), so a test that
 * validates real answers against them fails when the code and the document drift apart.
 */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Clawback admin and ingress',
      version: '1.0.0',
      description:
        'Operator API (cases, resolutions, dead letters, order timelines; docs/operations.md) and the provider-facing ingress.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: 'http://127.0.0.1:8090', description: 'the admin service (ADMIN_PORT)' }],
    tags: [
      { name: 'admin', description: 'Bearer token; viewer reads, operator also resolves.' },
      { name: 'ingress', description: 'Provider notifications.' },
      { name: 'operations', description: 'Health, readiness, metrics: no token.' },
    ],
    paths: { ...ADMIN_PATHS, ...INGRESS_PATHS, ...OPS },
    components: {
      schemas: SCHEMAS,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A token of ADMIN_TOKENS.' },
      },
    },
  };
}
