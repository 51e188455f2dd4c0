/**
 * Runs at most `limit` tasks at once; the rest wait their turn in arrival order. For work whose cost
 * lands on a shared resource (the database): letting every caller in together makes each one slower
 * and the unluckiest much slower, while a short queue keeps that resource busy without thrashing it
 * and answers callers in the order they came, so the slowest answer stays close to the typical one.
 */
export function fifoLimit(limit: number) {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`fifoLimit: limit must be a positive integer, not ${limit}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    // The slot passes straight to the next in line, so a newcomer cannot jump the queue.
    if (next) next();
    else running--;
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running < limit) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    get waiting() {
      return waiting.length;
    },
  };
}
