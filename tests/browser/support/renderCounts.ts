import type { Page } from 'playwright-core';

// Which steps, flows and lanes React rendered, read the way React DevTools reads it: a stand-in
// for the DevTools hook, installed before the page loads, is told of every commit and walks the
// fibers that did work in it. Nothing in the app is changed for it, and the production build is
// what is counted.

export interface Rendered {
  shapes: string[];
  flows: string[];
  lanes: string[];
  /** How many times the canvas around React Flow (its node list and hooks) was rendered. */
  canvas: number;
}

// A string: tsx would wrap the named inner functions in a helper the page does not have.
const HOOK = `(() => {
  const PERFORMED_WORK = 1;
  const seen = { on: false, shapes: [], flows: [], lanes: [], canvas: 0 };
  window.__rendered = seen;
  const kindOf = (props) => {
    if (!props || typeof props !== 'object' || typeof props.id !== 'string' || !props.data) return null;
    if (props.type === 'shape' && props.data.node) return 'shapes';
    if (props.type === 'flow' && props.data.flow) return 'flows';
    if (props.type === 'lane' && props.data.laneId) return 'lanes';
    return null;
  };
  const visit = (fiber) => {
    for (let f = fiber; f; f = f.sibling) {
      const before = f.alternate;
      // The canvas's section gets new props only when the component drawing it ran again.
      if (f.type === 'section' && f.memoizedProps && f.memoizedProps.className === 'canvas' && (!before || f.memoizedProps !== before.memoizedProps)) seen.canvas++;
      if (typeof f.type === 'function' || (f.type && typeof f.type === 'object')) {
        const kind = kindOf(f.memoizedProps);
        if (kind && (!before || (f.flags & PERFORMED_WORK))) seen[kind].push(f.memoizedProps.id);
      }
      // A subtree React did not enter keeps its old children: nothing in it rendered.
      if (f.child && (!before || f.child !== before.child)) visit(f.child);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id, root) => {
      if (seen.on) visit(root.current);
    },
  };
})()`;

/** Call before the page is opened: from then on, startCounting/rendered report what re-rendered. */
export const installRenderCounter = (page: Page) => page.addInitScript(HOOK);

export const startCounting = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __rendered: Rendered & { on: boolean } };
    Object.assign(w.__rendered, { on: true, shapes: [], flows: [], lanes: [], canvas: 0 });
  });

/** What rendered since startCounting, each id once per render; counting stops. */
export const rendered = (page: Page) =>
  page.evaluate(() => {
    const r = (window as unknown as { __rendered: Rendered & { on: boolean } }).__rendered;
    r.on = false;
    return { shapes: [...r.shapes], flows: [...r.flows], lanes: [...r.lanes], canvas: r.canvas };
  });
