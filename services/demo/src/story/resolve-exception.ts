import { runCli } from '@clawback/cli';
import { DemoError } from '../demo-error';
import { pollUntil } from '../observe/poll-until';
import type { Progress } from '../progress';
import type { OrphanException } from './orphan-story';

/** The operator's token of the demo's admin service (fixed, like the other demo secrets). */
export const DEMO_OPERATOR = { id: 'olivia', token: 'demo-operator-token-olivia-0001' } as const;

/** What the operator typed and what the CLI printed, for the report. */
export interface CliSession {
  readonly text: string;
}

async function clawback(adminUrl: string, args: readonly string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    env: { CLAWBACK_ADMIN_URL: adminUrl, CLAWBACK_TOKEN: DEMO_OPERATOR.token },
  });
  if (code !== 0) {
    throw new DemoError('demo_step_refused', `clawback ${args.join(' ')} exited ${code}: ${err}`);
  }
  return `$ npm run clawback -- ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}\n${out}`;
}

/**
 * The operator's part of the story, through the `clawback` CLI against the admin API: wait
 * until the overdue refund is an open case, list the open cases, attach the refund to its
 * sale (the CLI waits until the case shows the outcome), and show the sale's timeline.
 */
export async function resolveException(
  adminUrl: string,
  exception: OrphanException,
  progress: Progress,
): Promise<CliSession> {
  const caseId = await pollUntil(
    async () => {
      const response = await fetch(
        `${adminUrl}/v1/cases?status=open&orderKey=${encodeURIComponent(exception.orphanOrderKey)}`,
        { headers: { authorization: `Bearer ${DEMO_OPERATOR.token}` } },
      );
      if (!response.ok) return undefined;
      const { cases } = (await response.json()) as { cases: { caseId: string }[] };
      return cases[0]?.caseId;
    },
    { description: `a case for ${exception.orphanOrderKey} in the admin API`, timeoutMs: 120_000 },
  );
  progress(`the overdue refund is case ${caseId}; ${DEMO_OPERATOR.id} attaches it to its sale`);
  const session = [
    await clawback(adminUrl, ['cases', '--status', 'open']),
    await clawback(adminUrl, [
      'resolve',
      caseId,
      'attach',
      exception.saleOrderKey,
      '--reason',
      'the buyer sent the order number of the sale',
    ]),
    await clawback(adminUrl, ['order', exception.saleOrderKey]),
  ];
  return { text: session.join('\n') };
}
