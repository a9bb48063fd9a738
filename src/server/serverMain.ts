import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { startServer } from './lanemapServer';
import { redisExtension } from './redisRooms';

// `npm run server`: the app and its rooms on one port. Environment:
//   PORT (default 1234), HOST (default all interfaces), LANEMAP_DATA (default ./data/lanemap.sqlite),
//   LANEMAP_DIST (default the repository's dist/), LANEMAP_MAX_MESSAGE_BYTES (default 16 MiB),
//   LANEMAP_MAX_MESSAGES_PER_SECOND (default 200 per connection), REDIS_URL (redis://host:port:
//   share rooms with the other processes on that Redis).

const env = process.env;
const number = (name: string, fallback: number): number => {
  const raw = env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, found "${raw}"`);
  return n;
};

const dataFile = resolve(env.LANEMAP_DATA || './data/lanemap.sqlite');
const running = await startServer({
  port: number('PORT', 1234),
  host: env.HOST || undefined,
  dataFile,
  distDir: resolve(env.LANEMAP_DIST || fileURLToPath(new URL('../../dist', import.meta.url))),
  maxMessageBytes: number('LANEMAP_MAX_MESSAGE_BYTES', 16 * 1024 * 1024),
  maxMessagesPerSecond: number('LANEMAP_MAX_MESSAGES_PER_SECOND', 200),
  compactEveryMs: 1000,
  extensions: env.REDIS_URL ? [await redisExtension(env.REDIS_URL)] : [],
});
console.log(`Lanemap server listening on port ${running.port} (rooms stored in ${dataFile}${env.REDIS_URL ? ', shared through Redis' : ''})`);

// SIGTERM and SIGINT close the rooms and compact what is stored before leaving.
let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    running.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('Lanemap server: shutdown failed', e);
        process.exit(1);
      },
    );
  });
}
