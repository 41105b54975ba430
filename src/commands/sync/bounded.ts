/**
 * Runs `fn` over `items` with at most `concurrency` in flight, in order of the items. A result is kept per
 * item; an error `isFatal` says ends the run (nothing new starts, what is in flight finishes, then it is thrown),
 * any other error becomes that item's result.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
  isFatal: (error: unknown) => boolean = () => true,
): Promise<Array<{ ok: true; value: R } | { ok: false; error: unknown }>> {
  const results = new Array<{ ok: true; value: R } | { ok: false; error: unknown }>(items.length);
  let next = 0;
  let fatal: { error: unknown } | undefined;
  const worker = async () => {
    while (!fatal && next < items.length) {
      const index = next++;
      try {
        results[index] = { ok: true, value: await fn(items[index]!, index) };
      } catch (error) {
        if (isFatal(error)) fatal ??= { error };
        results[index] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  if (fatal) throw fatal.error;
  return results;
}
