import { create } from 'zustand';
import type { EarlyMapList } from '../persistence/mapListRows';

/** The map list read from the index at start, shown until the workspace is loaded (then null). */
export const useEarlyMapList = create<{ list: EarlyMapList | null }>(() => ({ list: null }));
