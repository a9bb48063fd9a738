import { useState } from 'react';
import type { Id, Workspace } from '../../core/model/types';
import type { Option } from './cells';

/** Departments by name, after "(none)". */
export function departmentOptions(ws: Workspace): Option[] {
  const sorted = [...ws.departments].sort((a, b) => a.name.localeCompare(b.name));
  return [{ value: '', label: '(none)' }, ...sorted.map((d) => ({ value: d.id, label: d.name }))];
}

/** The row just added, whose name box takes the focus so the user can type its name at once. */
export function useJustAdded(): [Id | null, (id: Id | undefined) => void] {
  const [id, setId] = useState<Id | null>(null);
  return [id, (added) => setId(added ?? null)];
}

/**
 * Run a row's delete, then put the keyboard on the neighbouring row's same control (or the
 * table's Add button when no row is left), instead of losing it to the page.
 */
export async function deleteKeepingFocus(button: HTMLElement, run: () => Promise<void>): Promise<void> {
  const row = button.closest('tr');
  const selector = `.${[...button.classList].join('.')}`;
  const neighbours = [row?.nextElementSibling, row?.previousElementSibling];
  const add = button.closest('section')?.querySelector<HTMLElement>('.cat-toolbar button');
  await run();
  // Let React take the row out first.
  await new Promise((r) => requestAnimationFrame(r));
  if (button.isConnected) return;
  const target = neighbours.map((r) => r?.querySelector<HTMLElement>(selector)).find((el) => el?.isConnected);
  (target ?? add)?.focus();
}
