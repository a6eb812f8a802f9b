/** Runs `fn` a number of times after a warm-up and reports the median and 95th percentile in ms. */
export async function measure(
  runs: number,
  fn: () => unknown | Promise<unknown>,
): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 3; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
