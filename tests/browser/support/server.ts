import { spawn, type ChildProcess } from 'node:child_process';

// Serves the built app (dist/, made by `vite build` in `npm run test:browser`) with
// `vite preview` for the browser tests, and stops it afterwards.

// Both can be moved so that two checkouts' test runs can share a machine.
export const PORT = Number(process.env.LANEMAP_TEST_PORT ?? 4179);
const DIST = process.env.LANEMAP_DIST ?? 'dist';
let server: ChildProcess | undefined;

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${url} within ${ms} ms`);
}

export async function setup(): Promise<void> {
  server = spawn('npx', ['vite', 'preview', '--outDir', DIST, '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  await waitForServer(`http://localhost:${PORT}/`, 30_000);
}

export async function teardown(): Promise<void> {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill('SIGTERM');
    }
  }
}
