import type { CancellationRequest } from '../policy/cancellation-request';
import type { MerchantCancellationSettings } from '../settings/merchant-settings';
import type { RedriveCommand } from './redrive-command';

/** What one redrive command asks of this service. */
export type RedrivePlan =
  | { readonly kind: 'redrive'; readonly request: CancellationRequest }
  | { readonly kind: 'ignore'; readonly reason: 'already_redriven' | 'merchant_not_configured' };

/**
 * Pure: whether a redrive command attempts its cancellation again (ADR 0019). A dead letter is
 * redriven once: a command for one already in `redriven` (the dead letters of earlier commands
 * of the partition) is ignored. The request keeps the failed one's `causationId` and
 * `idempotencyKey`, so the completed record (a cancellation that meanwhile succeeded is not
 * called again) and the receivers' dedupe see the same cancellation; the adapter is the
 * merchant's current one, since fixing it is often why the operator redrives.
 */
export function planRedrive(
  command: RedriveCommand,
  settings: MerchantCancellationSettings | undefined,
  redriven: ReadonlySet<string>,
): RedrivePlan {
  if (redriven.has(command.origin.deadLetterId))
    return { kind: 'ignore', reason: 'already_redriven' };
  if (settings?.target === undefined) return { kind: 'ignore', reason: 'merchant_not_configured' };
  return {
    kind: 'redrive',
    request: { ...command.request, adapter: settings.target.adapter, redrive: command.origin },
  };
}
