/** After the run, delete every Redis key written under this run's prefix (see vitest.config.mts). */
export default function setup() {
  return async () => {
    const url = process.env.REDIS_URL;
    const prefix = process.env.REDIS_KEY_PREFIX;
    if (!url || !prefix) return;
    const { default: Redis } = await import("ioredis");
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      keys.push(...(batch as string[]));
    }
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  };
}
