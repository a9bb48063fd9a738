// The ELK instance for Node (tests, CLI, benchmark). Kept apart from the layout itself so the
// browser bundle never pulls in elk.bundled.js (1.6 MB); the browser passes a worker-backed
// elk-api instance instead.

import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkLike } from './types';

let shared: ElkLike | undefined;

export function defaultElk(): ElkLike {
  return (shared ??= new ELK());
}
