import { createContext } from 'react';
import type { Id } from '../../../core/model/types';

/** Lets a lane's resize handle report its height to the canvas without prop drilling. */
export const LaneResizeContext = createContext<(laneId: Id, height: number, done: boolean) => void>(() => {});
