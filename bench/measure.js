// Times an async job and samples its peak resident memory (what every benchmark reports).
export async function measure(job) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = process.hrtime.bigint();
  try {
    const result = await job();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { result, seconds: +seconds.toFixed(2), peak_rss_mb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1e6) };
  } finally {
    clearInterval(timer);
  }
}
