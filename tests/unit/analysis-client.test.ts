import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/core/analysis/types';
import { demoWorkspace } from '../../src/core/demo';
import { updateNode } from '../../src/core/commands';
import type { AnalysisReply, AnalysisRequest } from '../../src/workers/analysisProtocol';
import { startAnalysisWorker } from '../../src/workers/analysisClient';
import { ctx, NOW } from './fixtures/maps';

// The page's side of the analysis worker, against a stand-in worker whose answers the test
// sends, in any order.

class FakeWorker {
  static last: FakeWorker;
  sent: AnalysisRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<AnalysisReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(m: AnalysisRequest) {
    this.sent.push(structuredClone(m));
  }
  terminate() {
    this.terminated = true;
  }
  answer(reply: AnalysisReply) {
    this.onmessage!({ data: reply } as MessageEvent<AnalysisReply>);
  }
}

const finding = (title: string) => ({ id: title, title }) as unknown as Finding;

describe('the analysis worker client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('passes on only the answer to the newest request: a slow, older answer never overwrites it', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const results: string[][] = [];
    const client = startAnalysisWorker((r) => results.push(r.findings.map((f) => f.title)), () => {});
    const worker = FakeWorker.last;
    const ws = demoWorkspace(NOW);
    const map = ws.maps[0]!;
    const edited = updateNode.run(ws, { mapId: map.id, nodeId: map.nodes[0]!.id, patch: { label: 'Typed' } }, ctx);
    client.analyse(ws);
    client.analyse(edited);
    expect(worker.sent.map((r) => [r.seq, r.kind])).toStrictEqual([[1, 'full'], [2, 'patch']]);
    worker.answer({ seq: 2, ok: true, findings: [finding('newer')], tooLarge: null });
    worker.answer({ seq: 1, ok: true, findings: [finding('older')], tooLarge: null });
    expect(results).toStrictEqual([['newer']]);
  });

  it('reports a failure once, stops the worker and sends it nothing more', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const failures: string[] = [];
    const client = startAnalysisWorker(() => {}, (reason) => failures.push(reason));
    const worker = FakeWorker.last;
    client.analyse(demoWorkspace(NOW));
    worker.answer({ seq: 1, ok: false, message: 'rule exploded' });
    worker.onerror!({ message: 'and then died', preventDefault() {} } as ErrorEvent);
    expect(failures).toStrictEqual(['rule exploded']);
    expect(worker.terminated).toBe(true);
    client.analyse(demoWorkspace(NOW));
    expect(worker.sent).toHaveLength(1);
  });
});
