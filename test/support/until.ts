/** Polls `check` until it holds, or fails the test naming `what` after `timeoutMs`: for state another process changes. */
export async function until(check: () => boolean, what = 'the condition', timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
