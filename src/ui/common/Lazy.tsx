import { Suspense, useState, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';

// Screens, panels and dialogs that the first screen does not show are loaded when first opened
// (React.lazy), so the page starts with less script. While one loads, a status says so: a
// screen in its place, a dialog in a small note over the page.

/** "Loading the catalogue…", read out by screen readers (a polite status). */
export function Loading({ what, over = false }: { what: string; over?: boolean }) {
  return (
    <p className={over ? 'lazy-loading lazy-loading-over' : 'placeholder lazy-loading'} role="status">
      Loading {what}…
    </p>
  );
}

/**
 * A lazily loaded part, with its loading status until it is there. A dialog (`over`) gets its
 * own error boundary, so one that cannot be loaded (offline, before the app was cached) says so
 * instead of taking the page down; screens and panels sit inside one already.
 */
export function LazyPart({ what, over = false, children }: { what: string; over?: boolean; children: ReactNode }) {
  const part = <Suspense fallback={<Loading what={what} over={over} />}>{children}</Suspense>;
  return over ? <ErrorBoundary what={what}>{part}</ErrorBoundary> : part;
}

/**
 * True from the first time `open` is, for a lazily loaded dialog: it stays mounted once loaded,
 * so closing it is the <dialog>'s own close (focus goes back where it was), not an unmount.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
