import { spawn } from 'node:child_process';

// The built app served by `vite preview` for a browser benchmark: resolves once it answers, with
// the function that stops it.

export async function servePreview(dist: string, port: number): Promise<() => void> {
  const url = `http://localhost:${port}/`;
  const server = spawn('npx', ['vite', 'preview', '--outDir', dist, '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return () => process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(-server.pid!, 'SIGTERM');
  throw new Error(`vite preview did not answer on ${url}; build it first`);
}
