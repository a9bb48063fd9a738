import { create } from 'zustand';

// The colours of the page: light (the print colours), dark, high contrast for a projector, or
// whatever the system asks for (prefers-color-scheme). The choice is remembered in this browser;
// the palettes themselves are CSS custom properties on the root (styles/themes.css).

export type ThemeChoice = 'system' | 'light' | 'dark' | 'contrast';
export type Theme = Exclude<ThemeChoice, 'system'>;

export const THEME_CHOICES: readonly { id: ThemeChoice; label: string }[] = [
  { id: 'system', label: 'System' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
  { id: 'contrast', label: 'High contrast' },
];

const KEY = 'lanemap.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

const isChoice = (v: unknown): v is ThemeChoice => THEME_CHOICES.some((c) => c.id === v);

function stored(): ThemeChoice {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return isChoice(v) ? v : 'system';
  } catch {
    // Blocked storage: follow the system.
    return 'system';
  }
}

const systemQuery = () => (typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null);

export const useTheme = create<{ choice: ThemeChoice; systemDark: boolean }>(() => ({ choice: stored(), systemDark: !!systemQuery()?.matches }));

/** The palette in use: the choice, or the system's light or dark. */
export const themeOf = (s: { choice: ThemeChoice; systemDark: boolean }): Theme => (s.choice === 'system' ? (s.systemDark ? 'dark' : 'light') : s.choice);
export const useAppliedTheme = () => useTheme(themeOf);

export function setTheme(choice: ThemeChoice): void {
  useTheme.setState({ choice });
  try {
    globalThis.localStorage?.setItem(KEY, choice);
  } catch {
    // Not remembered after a reload; the page still changes now.
  }
}

/** The next choice in the list, for the key that steps through them. */
export function nextTheme(): ThemeChoice {
  const i = THEME_CHOICES.findIndex((c) => c.id === useTheme.getState().choice);
  const next = THEME_CHOICES[(i + 1) % THEME_CHOICES.length]!.id;
  setTheme(next);
  return next;
}

function apply(theme: Theme): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
}

/** Put the theme on the page now (before the first paint) and keep it there as the choice or the system changes. */
export function startTheme(): void {
  apply(themeOf(useTheme.getState()));
  useTheme.subscribe((s) => apply(themeOf(s)));
  systemQuery()?.addEventListener('change', (e) => useTheme.setState({ systemDark: e.matches }));
}

/**
 * Run `draw` with `el` in the print colours (the light palette), for a picture taken from the
 * page: what goes into the policy document looks the same whatever the theme on screen.
 */
export async function inPrintColours<T>(el: Element, draw: () => Promise<T>): Promise<T> {
  const had = el.classList.contains('print-colours');
  el.classList.add('print-colours');
  try {
    return await draw();
  } finally {
    if (!had) el.classList.remove('print-colours');
  }
}
