// npm run demo:views: lays out the demo's maps with the quick layout and writes their views to
// src/core/demo/demoViews.json, which a first run shows without laying anything out. Run it
// when the demo or the quick layout changes; tests/unit/demo-views.test.ts says when.

import { writeFileSync } from 'node:fs';
import { demoMapsUnlaid } from '../../src/core/demo/demoMaps';
import { quickLayout } from '../../src/core/layout/quickLayout';

const views = Object.fromEntries(demoMapsUnlaid(new Date(0).toISOString()).map((m) => [m.id, quickLayout(m).view]));
const file = new URL('../../src/core/demo/demoViews.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(views)}\n`);
console.log(`wrote the views of ${Object.keys(views).length} demo maps to ${file.pathname}`);
