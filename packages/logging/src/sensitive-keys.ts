/**
 * Keys whose values are personal data or secrets. Matching ignores case and separators, so
 * `CUSTOMEREMAIL` (2Checkout IPN), `buyer_email` (Click2Sell) and `customerEmail` all hit
 * `customeremail`.
 */
const sensitiveKeys: ReadonlySet<string> = new Set([
  // Whole objects that are personal data through and through.
  'customer',
  'buyer',
  'lead',
  'billing',
  'shipping',
  'billingaddress',
  'shippingaddress',
  // Notification bodies carry all of the above in provider formats.
  'body',
  'rawbody',
  // Emails and names.
  'email',
  'emailaddress',
  'customeremail',
  'buyeremail',
  'firstname',
  'lastname',
  'fullname',
  'customername',
  'buyername',
  'cardholdername',
  // Card data.
  'cardnumber',
  'ccnumber',
  'pan',
  'cvv',
  'cvc',
  'last4',
  // Addresses and phones.
  'address',
  'address1',
  'address2',
  'street',
  'zip',
  'zipcode',
  'postalcode',
  'postcode',
  'phone',
  'phonenumber',
  'mobile',
  // IP addresses.
  'ip',
  'ipaddress',
  'clientip',
  'remoteaddress',
  'xforwardedfor',
  'xrealip',
  // Secrets, credentials and signatures.
  'password',
  'passwd',
  'secret',
  'secretkey',
  'apikey',
  'token',
  'accesstoken',
  'refreshtoken',
  'authorization',
  'cookie',
  'setcookie',
  'signature',
  'hash',
  'xavangateauthentication',
  'xclawbacksignature',
  'sasl',
]);

/** The form in which keys are compared: lower case, letters and digits only. */
function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** True when a value under `key` must not be logged. */
export function isSensitiveKey(key: string): boolean {
  return sensitiveKeys.has(normalizeKey(key));
}

/**
 * pino `redact` paths for what HTTP frameworks log after their serializers ran (fastify's
 * `req`/`res` serializers build new objects, which the key walk never sees).
 */
export const httpRedactPaths: readonly string[] = [
  'req.remoteAddress',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-forwarded-for"]',
  'req.headers["x-real-ip"]',
  'req.headers["x-avangate-authentication"]',
  'req.headers["x-clawback-signature"]',
  'res.headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
];
