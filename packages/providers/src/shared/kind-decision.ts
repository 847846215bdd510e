import type { NotificationKind, RefundScope } from '@clawback/notifications';

/** What a provider's status fields mean: the canonical kind and its qualifiers. */
export interface KindDecision {
  readonly kind: NotificationKind;
  readonly refundScope?: RefundScope;
  /** Chargeback reason code or denial reason. */
  readonly reason?: string;
  /** The provider's own status string(s) that decided the kind, for reports. */
  readonly providerStatus: string;
}
