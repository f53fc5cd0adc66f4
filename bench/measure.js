// Milliseconds an (async) job takes, and the job's result.
export async function timed(job) {
  const start = process.hrtime.bigint();
  const result = await job();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

// Times an async job and samples its peak resident memory (what every benchmark reports).
export async function measure(job) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const { result, ms } = await timed(job);
    return { result, seconds: +(ms / 1000).toFixed(2), peak_rss_mb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1e6) };
  } finally {
    clearInterval(timer);
  }
}
