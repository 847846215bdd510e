import { ProvidersError } from '../providers-error';

/** `read()`, or `null` when it throws `ProvidersError` (a body this version cannot read). */
export function unlessUnreadable<T>(read: () => T | null): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof ProvidersError) return null;
    throw error;
  }
}
