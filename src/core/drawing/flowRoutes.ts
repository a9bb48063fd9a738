import type { Flow, Id, Point, ProcessMap } from '../model/types';
import { detourRoute } from './detourRoute';
import { placeFlowLabels } from './flowLabels';
import { decisionSourceSides } from './decisionPorts';
import { flowSides, polylineRoute, type Route, stepRoute } from './stepRoute';
import type { TextStyle } from './textStyle';

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
