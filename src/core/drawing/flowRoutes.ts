import type { Flow, Id, Point, ProcessMap } from '../model/types';
import { detourRoute } from './detourRoute';
import { placeFlowLabels } from './flowLabels';
import { decisionSourceSides } from './decisionPorts';
import { flowSides, polylineRoute, type Route, stepRoute } from './stepRoute';
import { SCREEN_TEXT, type TextStyle } from './textStyle';

// Every flow of a map as it is drawn, by the canvas and the picture alike: the layout's routed
// points where it has them, else the step shape between the two boxes, else a way round; a
// decision's branches leave by different vertices (decisionPorts).

/**
 * The route of each flow whose ends are both drawn: its routed points; else the smooth step;
 * else, where that crosses a node, a way round (`detour` set: the editor then draws those points
 * too). Its label is placed clear of nodes, their marks and other labels; `findings` says what
 * each node's badge says, where a picture draws badges.
 */
export function flowRoutes(map: ProcessMap, style?: TextStyle, findings?: ReadonlyMap<Id, number | string>): { flow: Flow; route: Route; detour?: Point[] }[] {
  const out: { flow: Flow; route: Route; detour?: Point[] }[] = [];
  const boxes = map.nodes.flatMap((n) => map.view.nodes[n.id] ?? []);
  const unrouted = map.flows.filter((f) => (map.view.flowPoints[f.id]?.length ?? 0) < 2);
  const decisionSides = decisionSourceSides(map, unrouted);
  for (const flow of map.flows) {
    const a = map.view.nodes[flow.from];
    const b = map.view.nodes[flow.to];
    if (!a || !b) continue;
    const points = map.view.flowPoints[flow.id];
    if (points && points.length >= 2) {
      out.push({ flow, route: polylineRoute(points) });
      continue;
    }
    const source = decisionSides.get(flow.id);
    if (source) {
      out.push({ flow, route: stepRoute(a, b, { source, target: flowSides(a, b).target }) });
      continue;
    }
    const detour = flow.from === flow.to ? null : detourRoute(a, b, boxes);
    out.push(detour ? { flow, route: polylineRoute(detour), detour } : { flow, route: stepRoute(a, b) });
  }
  const labels = placeFlowLabels(map, out, style, findings);
  return out.map((r) => ({ ...r, route: { ...r.route, label: labels.get(r.flow.id) ?? r.route.label } }));
}

/**
 * Whether flowRoutes draws map `b` exactly as it drew `a` (no findings marks): the same boxes,
 * bends and flows, and every node the same in all that routing and label placement read of it:
 * its kind, its marks (done by hand, notes), and its words only where they hang outside the shape
 * (an event's caption, a decision's text). A step renamed in place changes none of these, so the
 * editor keeps the last drawing rather than route and place every label of the map again.
 */
export function drawsFlowsAlike(a: ProcessMap, b: ProcessMap, style: TextStyle = SCREEN_TEXT): boolean {
  if (a === b) return true;
  if (a.view.nodes !== b.view.nodes || a.view.flowPoints !== b.view.flowPoints || a.flows !== b.flows || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const p = a.nodes[i]!;
    const q = b.nodes[i]!;
    if (p === q) continue;
    if (p.id !== q.id || p.kind !== q.kind || !p.manual !== !q.manual || !p.notes !== !q.notes) return false;
    const place = style.labels[p.kind]?.place;
    if (p.label !== q.label && (place === 'below' || place === 'diamond')) return false;
  }
  return true;
}
