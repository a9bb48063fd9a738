/// <reference lib="webworker" />
// The whole lane layout (ELK and our own phases) runs here, off the page's thread, so a
// 1000-node map never freezes the editor. A request that is no longer wanted is cancelled
// by terminating this worker.
import { defaultElk } from '../core/layout/elkNode';
import { layoutOrQuick } from '../core/layout/layoutOrQuick';
import type { LayoutRequest, LayoutResponse } from './layoutProtocol';

self.onmessage = async (e: MessageEvent<LayoutRequest>) => {
  const { id, map } = e.data;
  let reply: LayoutResponse;
  try {
    const result = await layoutOrQuick(map, { elk: defaultElk() });
    reply = { id, ok: true, view: result.view, ...(result.fallback ? { fallback: result.fallback } : {}) };
  } catch (err) {
    reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(reply);
};
