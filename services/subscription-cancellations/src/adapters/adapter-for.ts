import type { CancellationTarget } from '../settings/merchant-settings';
import type { CancellationAdapter } from './cancellation-adapter';
import type { HttpClient } from './http/http-client';
import { kartraAdapter } from './kartra/kartra-adapter';
import { twoCheckoutAdapter } from './twocheckout/twocheckout-adapter';
import { webhookAdapter } from './webhook/webhook-adapter';

/** What adapters need from outside. */
export interface AdapterDeps {
  readonly http: HttpClient;
  /** Wall clock for signatures and auth headers only (epoch ms). */
  readonly now: () => number;
}

/** The adapter a merchant's `cancellation` section chose. */
export function adapterFor(target: CancellationTarget, deps: AdapterDeps): CancellationAdapter {
  switch (target.adapter) {
    case 'webhook':
      return webhookAdapter(target.webhook, deps);
    case '2checkout':
      return twoCheckoutAdapter(target.twoCheckout, deps);
    case 'kartra':
      return kartraAdapter(target.kartra, deps);
  }
}
