import { ServiceError } from '../errors.js';

/**
 * A write that failed in a way that may have gone through (5xx, timeout, dropped connection) is looked up
 * once; only when it is not there is it tried again. Rate limits and rejections are not retried here.
 */
export async function withGuardedRetry<T>(write: () => Promise<T>, lookup: () => Promise<T | undefined>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ServiceError) || !error.transient) throw error;
    const existing = await lookup();
    if (existing !== undefined) return existing;
    return write();
  }
}
