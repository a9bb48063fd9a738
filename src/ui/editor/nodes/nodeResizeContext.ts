import { createContext } from 'react';
import type { Id, NodeBox } from '../../../core/model/types';

/** Lets a node's resizer report its box to the canvas; null where nodes may not be resized (a read-only tab). */
export const NodeResizeContext = createContext<((nodeId: Id, box: NodeBox, done: boolean) => void) | null>(null);
