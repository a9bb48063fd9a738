import { useSyncExternalStore } from 'react';
import { activeDb, onActiveDbChange } from '../../persistence/historyQueries';

/** The open workspace's database, as a subscription: a panel reading history follows a switch of workspace. */
export function useActiveDb() {
  return useSyncExternalStore(onActiveDbChange, activeDb);
}
