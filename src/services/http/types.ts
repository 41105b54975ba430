/** The fetch every gateway is built from: the real one in production, the same one in tests (pointed at an emulator). */
export type FetchFn = typeof fetch;

/** `--debug` sink. Only method, URL path, status and timing are ever passed to it: no headers, no bodies. */
export type DebugLog = (message: string) => void;

export interface GatewayOptions {
  token: string;
  baseUrl: string;
  fetch: FetchFn;
  /** Per-request timeout. */
  timeoutMs?: number;
  debug?: DebugLog;
  /** Waits between retries; injected so tests need not sleep for real. */
  sleep?: (ms: number) => Promise<void>;
  /** How many times a safe request is retried after a transient fault. */
  retries?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRIES = 3;

export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
