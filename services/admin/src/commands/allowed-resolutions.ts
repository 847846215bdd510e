import { isProviderName, OPERATOR_RESOLUTIONS } from '@clawback/notifications';
import { resolutionFits } from '@clawback/order-machine';
import type { Case } from '../cases/case';

/** What an operator may do with a case now: what `POST …/resolutions` or redrive accept. */
export function allowedResolutions(c: Case): string[] {
  const redrive = c.kind === 'dead_letter' ? ['redrive'] : [];
  if (c.status !== 'open') return redrive; // a second redrive is a harmless duplicate
  const [provider = '', merchantId = '', ...ref] = c.orderKey.split(':');
  const isOrder = isProviderName(provider) && merchantId !== '' && ref.join(':') !== '';
  const fitting = isOrder
    ? OPERATOR_RESOLUTIONS.filter((r) => resolutionFits(r, c.reasonCode))
    : [];
  return [...fitting, ...redrive];
}
