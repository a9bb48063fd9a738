import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/server/staticFiles';

// The built app as the server hands it out: pages fall back to index.html, a missing asset is a
// 404, and nothing outside the folder is ever read, however the path is spelt.

const root = mkdtempSync(join(tmpdir(), 'lanemap-static-'));
const dist = join(root, 'dist');
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<title>app</title>');
writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(root, 'secret.txt'), 'do not serve');

afterAll(() => rmSync(root, { recursive: true, force: true }));

function get(url: string, method = 'GET'): Promise<{ status: number; type: string; body: string } | null> {
  return new Promise((resolve) => {
    let status = 0;
    let type = '';
    let body = '';
    const response = new Writable({
      write(chunk: Buffer, _enc, done) {
        body += chunk.toString();
        done();
      },
    }) as Writable & { writeHead: (s: number, h: Record<string, string>) => void };
    response.writeHead = (s, h) => {
      status = s;
      type = h['Content-Type'] ?? '';
    };
    response.on('finish', () => resolve({ status, type, body }));
    const handled = serveStatic(dist, { method, url } as IncomingMessage, response as unknown as ServerResponse);
    if (!handled) resolve(null);
  });
}

describe('the app from the server', () => {
  it('serves files with their type, and index.html for pages', async () => {
    expect(await get('/assets/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log(1)' });
    expect(await get('/')).toMatchObject({ status: 200, body: '<title>app</title>' });
    expect(await get('/anything/here?x=1')).toMatchObject({ status: 200, body: '<title>app</title>' });
    expect(await get('/assets/missing.js')).toMatchObject({ status: 404 });
  });

  it('never reads outside its folder', async () => {
    for (const url of ['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/..\\\\secret.txt']) {
      const answer = await get(url);
      expect(answer?.body, url).not.toContain('do not serve');
    }
  });

  it('leaves other methods to the caller', async () => {
    expect(await get('/', 'POST')).toBeNull();
  });
});
