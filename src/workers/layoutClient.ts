import type { MapView, ProcessMap } from '../core/model/types';
import type { LayoutRequest, LayoutResponse } from './layoutProtocol';

// Runs layouts in a worker. A new request cancels the one running: a running ELK layout
// cannot be stopped, so its worker is terminated and a fresh one started.

export class LayoutCancelled extends Error {
  constructor() {
    super('Layout cancelled by a newer request');
  }
}

interface Running {
  worker: Worker;
  reject: (e: Error) => void;
}

let running: Running | null = null;
let idle: Worker | null = null;
let seq = 0;

const newWorker = () => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'lanemap-layout' });

/** Start the worker ahead of need, so the first layout does not wait for it to load. */
export function warmLayoutWorker(): void {
  if (!running && !idle) idle = newWorker();
}

export function layoutInWorker(map: ProcessMap): Promise<{ view: MapView; fallback?: string }> {
  if (running) {
    running.worker.terminate();
    running.reject(new LayoutCancelled());
    running = null;
  }
  const worker = idle ?? newWorker();
  idle = null;
  const id = ++seq;
  return new Promise<{ view: MapView; fallback?: string }>((resolve, reject) => {
    running = { worker, reject };
    const done = () => {
      worker.onmessage = null;
      worker.onerror = null;
      running = null;
      idle = worker; // kept warm for the next layout
    };
    worker.onmessage = (e: MessageEvent<LayoutResponse>) => {
      if (e.data.id !== id) return;
      done();
      if (e.data.ok) resolve({ view: e.data.view, fallback: e.data.fallback });
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      running = null;
      reject(new Error(e.message || 'The layout worker failed'));
    };
    const request: LayoutRequest = { id, map };
    worker.postMessage(request);
  });
}
