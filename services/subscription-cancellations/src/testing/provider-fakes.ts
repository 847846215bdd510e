import { avangateAuthentication } from '../adapters/twocheckout/avangate-auth';
import { type LocalServer, startLocalServer } from './local-server';

/**
 * A stand-in for the 2Checkout REST API: accepts `DELETE /rest/6.0/subscriptions/{ref}/` with a
 * valid `X-Avangate-Authentication` (recomputed from the header's own date), answers 401
 * otherwise, and "already disabled" for the refs in `alreadyCancelled`.
 */
export function startTwoCheckoutFake(
  merchantCode: string,
  secretKey: string,
  alreadyCancelled: readonly string[] = [],
): Promise<LocalServer> {
  return startLocalServer((request) => {
    const match = /^\/rest\/6\.0\/subscriptions\/([^/]+)\/$/.exec(request.path);
    if (request.method !== 'DELETE' || !match) return { status: 404 };
    const header = String(request.headers['x-avangate-authentication'] ?? '');
    const date = /date="([^"]+)"/.exec(header)?.[1] ?? '';
    const expected = avangateAuthentication(merchantCode, secretKey, Date.parse(`${date}Z`));
    if (header !== expected) return { status: 401, body: '{"error_code":"AUTH_ERROR"}' };
    if (alreadyCancelled.includes(decodeURIComponent(match[1]!))) {
      return {
        status: 400,
        body: '{"error_code":"SUBSCRIPTION_ALREADY_DISABLED","message":"already disabled"}',
      };
    }
    return { status: 200, body: 'true' };
  });
}

/**
 * A stand-in for the Kartra inbound API: `POST /api` with the app's credentials and
 * `cancel_transaction`; answers type 252 for the ids in `alreadyCancelled`.
 */
export function startKartraFake(
  credentials: { readonly appId: string; readonly apiKey: string; readonly apiPassword: string },
  alreadyCancelled: readonly string[] = [],
): Promise<LocalServer> {
  return startLocalServer((request) => {
    if (request.method !== 'POST' || request.path !== '/api') return { status: 404 };
    const form = new URLSearchParams(request.body.toString('utf8'));
    if (
      form.get('app_id') !== credentials.appId ||
      form.get('api_key') !== credentials.apiKey ||
      form.get('api_password') !== credentials.apiPassword
    ) {
      return { status: 200, body: '{"status":"Error","message":"API key not valid","type":"203"}' };
    }
    const id = form.get('actions[0][transaction_internal_subscription_id]');
    if (form.get('actions[0][cmd]') !== 'cancel_transaction' || id === null) {
      return { status: 200, body: '{"status":"Error","message":"bad command","type":"999"}' };
    }
    if (alreadyCancelled.includes(id)) {
      return {
        status: 200,
        body: '{"status":"Error","message":"Subscription already cancelled","type":"252"}',
      };
    }
    return {
      status: 200,
      body: JSON.stringify({
        status: 'Success',
        actions: [
          { cancel_transaction: { status: 'Success', transaction_internal_subscription_id: id } },
        ],
      }),
    };
  });
}
