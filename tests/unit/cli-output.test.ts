import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCommand, MAX_BUNDLE_BYTES } from '../../src/cli/analyzeCommand';
import { MAX_ANALYSED_NODES, tooLargeToAnalyse } from '../../src/core/analysis';
import { demoWorkspace } from '../../src/core/demo';
import type { Workspace } from '../../src/core/model/types';
import { toBundle } from '../../src/core/schema/bundle';
import { uniqueNames } from '../../src/core/text/fileNames';
import { memoryCli } from './fixtures/memoryCli';

const NOW = '2026-11-23T10:00:00Z';

/** The demo with its maps renamed: names that clash once made into file names. */
function bundleNamed(names: string[]): string {
  const ws = demoWorkspace(NOW);
  ws.maps = ws.maps.slice(0, names.length).map((m, i) => ({ ...m, name: names[i]! }));
  return JSON.stringify(toBundle(ws, NOW));
}

describe('lanemap export never writes two maps to one file, nor over a file that is there', () => {
  it('maps named “Intake”, “Intake”, “Intake-2” and “intake” get four files', async () => {
    expect(uniqueNames(['Intake', 'Intake', 'Intake-2', 'intake'], 'svg')).toEqual(['Intake.svg', 'Intake-2.svg', 'Intake-2-2.svg', 'intake-3.svg']);
    const cli = memoryCli({ 'ws.json': bundleNamed(['Intake', 'Intake', 'Intake-2', 'intake']) });
    const r = await cli.run(['export', 'ws.json', '--format', 'svg', '--out', 'out']);
    expect(r.code).toBe(0);
    expect([...cli.written.keys()]).toEqual(['out/Intake.svg', 'out/Intake-2.svg', 'out/Intake-2-2.svg', 'out/intake-3.svg']);
    expect(new Set([...cli.written.keys()].map((k) => k.toLowerCase())).size).toBe(4);
  });

  it('refuses, writing nothing, when a file to write is there already; --force replaces it', async () => {
    const cli = memoryCli({ 'ws.json': bundleNamed(['Intake', 'Enquiry']), 'out/Enquiry.bpmn': 'my own file' });
    const r = await cli.run(['export', 'ws.json', '--format', 'bpmn', '--out', 'out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Not written: out\/Enquiry\.bpmn exists already\. Choose another --out, or add --force to replace it\./);
    expect(cli.written.size).toBe(0);
    const single = await cli.run(['export', 'ws.json', '--format', 'html', '--out', 'out/Enquiry.bpmn']);
    expect(single.code).toBe(2);

    const forced = await cli.run(['export', 'ws.json', '--format', 'bpmn', '--out', 'out', '--force']);
    expect(forced.code).toBe(0);
    expect(String(cli.written.get('out/Enquiry.bpmn'))).toContain('http://www.omg.org/spec/BPMN/20100524/MODEL');
  });

  it('lanemap report keeps a file already at --out too, unless --force', async () => {
    const cli = memoryCli({ 'ws.json': bundleNamed(['Intake']), 'policy.html': 'the draft I edited' });
    const r = await cli.run(['report', 'ws.json', '--format', 'html', '--out', 'policy.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Not written: policy\.html exists already\. Choose another --out, or add --force to replace it\./);
    expect(cli.written.size).toBe(0);
    const forced = await cli.run(['report', 'ws.json', '--format', 'html', '--out', 'policy.html', '--force']);
    expect(forced.code).toBe(0);
    expect(String(cli.written.get('policy.html'))).toContain('<html');
  });
});

describe('lanemap analyze', () => {
  it('refuses a workspace too large to analyse, and a bundle over 100 MB, with the reason', async () => {
    const huge = { meta: { id: 'w', name: 'W' }, departments: [], systems: [], dataStores: [], maps: [{ nodes: { length: MAX_ANALYSED_NODES + 1 }, flows: [] }] } as unknown as Workspace;
    expect(tooLargeToAnalyse(huge)).toBe('The workspace has 200,001 steps and other shapes; the analysis reads up to 200,000. Analyse a part of it (fewer maps).');
    expect(tooLargeToAnalyse(demoWorkspace(NOW))).toBeNull();

    const err: string[] = [];
    const code = await analyzeCommand(['big.json'], { readText: async () => ' '.repeat(MAX_BUNDLE_BYTES + 1), out: () => {}, err: (t) => void err.push(t) });
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/big\.json is larger than 100 MB, far past any Lanemap workspace/);
  });

  it('piped into a reader that closes early (`| head`), ends quietly with status 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lanemap-pipe-'));
    try {
      const path = join(dir, 'ws.json');
      await writeFile(path, JSON.stringify(toBundle(demoWorkspace(NOW), NOW)));
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'analyze', path, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      // The reader is gone before the command writes a byte: its first write meets a closed pipe.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(stderr).toBe('');
      expect(code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
