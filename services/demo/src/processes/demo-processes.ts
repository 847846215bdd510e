import type { Env } from '@clawback/config';
import { DEMO_SECRETS } from '../merchants/demo-merchants';
import { DEMO_OPERATOR } from '../story/resolve-exception';
import type { DemoRun } from '../run/demo-run';
import { type RunGroups, runGroups } from '../run/run-names';
import type { ProcessSpec } from './service-process';

/** When a started process counts as ready. */
interface Readiness {
  /** An HTTP URL that answers 2xx once the process is ready (`/readyz` of the services). */
  readonly url: string;
  /** Consumer groups that must have a member with partitions. */
  readonly groups: readonly string[];
}

/** A process of the demo and how to tell it is ready. */
export interface DemoProcess extends ProcessSpec {
  readonly readiness: Readiness;
}

const local = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;

/**
 * The demo's processes, in start order: the receiver first (cancellations call it), the
 * consumers and the admin API next, the ingress last. Each service gets the run's environment plus its port.
 */
export function demoProcesses(run: DemoRun, env: Env): readonly DemoProcess[] {
  const { ports } = run;
  const groups: RunGroups = runGroups(run.id);
  return [
    {
      name: 'webhook-receiver',
      main: 'services/demo/src/receiver/main.ts',
      env: {
        DEMO_RECEIVER_PORT: String(ports.receiver),
        DEMO_WEBHOOK_SECRET: DEMO_SECRETS.DEMO_WEBHOOK_SECRET,
      },
      readiness: { url: local(ports.receiver, '/healthz'), groups: [] },
    },
    {
      name: 'order-lifecycle',
      main: 'services/order-lifecycle/src/main.ts',
      env: { ...env, OBSERVABILITY_PORT: String(ports.lifecycleOps) },
      readiness: { url: local(ports.lifecycleOps, '/readyz'), groups: [groups.lifecycle] },
    },
    {
      name: 'commission-reversals',
      main: 'services/commission-reversals/src/main.ts',
      env: { ...env, OBSERVABILITY_PORT: String(ports.commissionsHttp) },
      readiness: {
        url: local(ports.commissionsHttp, '/readyz'),
        groups: [groups.commissions, groups.commissionsLedger],
      },
    },
    {
      name: 'subscription-cancellations',
      main: 'services/subscription-cancellations/src/main.ts',
      env: { ...env, OBSERVABILITY_PORT: String(ports.cancellationsOps) },
      readiness: { url: local(ports.cancellationsOps, '/readyz'), groups: [groups.cancellations] },
    },
    {
      name: 'admin',
      main: 'services/admin/src/main.ts',
      env: {
        ...env,
        ADMIN_PORT: String(ports.admin),
        // The story's operator (the CLI session) and the console's per-run login token.
        ADMIN_TOKENS: `operator:${DEMO_OPERATOR.id}:${DEMO_OPERATOR.token},operator:demo-operator:${run.adminToken}`,
        ADMIN_GROUP_ID_PREFIX: `${run.id}-admin`,
        COMMISSIONS_URL: local(ports.commissionsHttp, ''),
        CONSOLE_SERVICES: [
          `order-lifecycle=${local(ports.lifecycleOps, '')}`,
          `commission-reversals=${local(ports.commissionsHttp, '')}`,
          `subscription-cancellations=${local(ports.cancellationsOps, '')}`,
          `ingress=${local(ports.ingress, '')}`,
        ].join(','),
      },
      readiness: { url: local(ports.admin, '/readyz'), groups: [] },
    },
    {
      name: 'ingress',
      main: 'services/ingress/src/main.ts',
      env: { ...env, INGRESS_PORT: String(ports.ingress) },
      readiness: { url: local(ports.ingress, '/readyz'), groups: [] },
    },
  ];
}
