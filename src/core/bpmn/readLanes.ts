import { childrenNamed, firstChild, type XmlElement } from '../formats/xml';
import { nameOf } from './readDocument';

/** Leaf lanes of a process, each with the names of the lanes above it (nested lanes flattened). */
export function leafLanes(process: XmlElement | undefined): { lane: XmlElement; path: string[] }[] {
  const out: { lane: XmlElement; path: string[] }[] = [];
  const visit = (laneSet: XmlElement, path: string[]) => {
    for (const lane of childrenNamed(laneSet, 'lane')) {
      const here = [...path, nameOf(lane)].filter(Boolean);
      const inner = firstChild(lane, 'childLaneSet');
      if (inner && childrenNamed(inner, 'lane').length) visit(inner, here);
      else out.push({ lane, path: here });
    }
  };
  for (const set of process ? childrenNamed(process, 'laneSet') : []) visit(set, []);
  return out;
}
