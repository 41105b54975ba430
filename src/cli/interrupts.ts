import { InterruptedError, type InterruptSignal } from '../errors.js';

/**
 * The entry point's stop channel: `signal` aborts on the first SIGINT or SIGTERM, with the signal's name as its
 * reason. Only bin/triage.js listens to the process; everything else watches this signal.
 */
export interface Interrupts {
  signal: AbortSignal;
}

export const NO_INTERRUPTS: Interrupts = { signal: new AbortController().signal };

export function interruptOf(signal: AbortSignal): InterruptedError | undefined {
  if (!signal.aborted) return undefined;
  const reason = signal.reason as unknown;
  if (reason instanceof InterruptedError) return reason;
  return new InterruptedError(reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT');
}

export function throwIfInterrupted(signal: AbortSignal): void {
  const interrupted = interruptOf(signal);
  if (interrupted) throw interrupted;
}

/** Settles like `promise`, or rejects with the interrupt as soon as the signal fires: nothing waits on a stopped run. */
export function raceInterrupt<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(interruptOf(signal)!);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => {});
      reject(interruptOf(signal)!);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

/**
 * A gateway whose every asynchronous method stops waiting when the run is interrupted. The request itself may
 * still be processed by the service: a filing journals each write before it is sent, and a resume looks for it.
 */
export function interruptible<T extends object>(gateway: T, signal: AbortSignal): T {
  return new Proxy(gateway, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        throwIfInterrupted(signal);
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise ? raceInterrupt(result, signal) : result;
      };
    },
  });
}

export type { InterruptSignal };
