/**
 * Samples this process's resident set size until stopped and keeps the largest. `maxRSS` from
 * `getrusage` cannot be used in a forked child: Linux carries the parent's high-water mark
 * across fork and exec, so a child would report the parent's peak.
 */
export function sampleRss(intervalMs = 50): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}
