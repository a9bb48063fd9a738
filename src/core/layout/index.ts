// The lane layout's public face. Everything here is safe in the browser; the Node default ELK
// lives in ./elkNode (it loads the 1.6 MB elk.bundled.js).

export { withLayout, layoutMap, naiveLayout } from './layout';
export { measureLayout, type LayoutMetrics } from './metrics';
export { generateMap, seededRandom, type GenerateOptions } from './generate';
export { quickLayout } from './quickLayout';
export type { ElkLike, LayoutOptions, LayoutResult, LayoutStats } from './types';
