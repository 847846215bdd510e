import { IngressError } from '../errors/ingress-error';

/** What fastify reports about requests it rejects before our handler runs. */
interface FrameworkError {
  readonly code?: string;
  readonly statusCode?: number;
  readonly message: string;
}

/**
 * Translates fastify's own rejections (body too large, broken framing) into our stable codes,
 * so every error answer has the same shape. Anything unexpected is a 500 `internal_error`.
 */
export function ingressErrorOf(error: FrameworkError): IngressError {
  // The URL is never echoed: it may carry Kartra's ?token=.
  if (error.code === 'FST_ERR_BAD_URL') {
    return new IngressError('bad_request', 'the URL is not valid', error);
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH' || error.statusCode === 414) {
    return new IngressError('url_too_long', 'a path segment of the URL is too long', error);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
    return new IngressError('body_too_large', 'request body exceeds the size limit', error);
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new IngressError('malformed_notification', error.message, error);
  }
  if (error.statusCode === 503) {
    return new IngressError('shutting_down', 'the ingress is shutting down', error);
  }
  return new IngressError('internal_error', 'internal error', error);
}
