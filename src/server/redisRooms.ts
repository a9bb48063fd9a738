// With REDIS_URL set, several server processes share rooms: @hocuspocus/extension-redis passes
// each room's updates and presence between the processes that hold it. Loaded only then, so a
// single server never opens a Redis connection. The processes should share one LANEMAP_DATA
// file (SQLite in WAL mode takes several writers): a room is loaded from it by whichever
// process a client reaches first.

export async function redisExtension(redisUrl: string): Promise<object> {
  const url = new URL(redisUrl);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`REDIS_URL must be redis://host:port, found "${redisUrl}"`);
  const { Redis } = await import('@hocuspocus/extension-redis');
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined;
  return new Redis({
    host: url.hostname,
    port: Number(url.port || 6379),
    options: {
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  });
}
