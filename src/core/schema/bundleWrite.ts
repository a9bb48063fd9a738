import { laneBands } from '../model/geometry';
import type { Flow, Lane, MapNode, Point, ProcessMap, Workspace } from '../model/types';

// Writing the workspace bundle (shared/FORMAT.md), apart from reading it (bundle.ts, with its
// zod schemas): "Export workspace" and the backups need no validation to write a file.

export const BUNDLE_FORMAT = 'lanemap.workspace';
export const SCHEMA_VERSION = 1;

/** The workspace as a FORMAT.md v1 bundle, view fields inline. */
export function toBundle(ws: Workspace, exportedAt: string): WorkspaceBundle {
  return {
    format: BUNDLE_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt,
    workspace: { ...ws.meta },
    departments: ws.departments.map((d) => ({ ...d })),
    systems: ws.systems.map((s) => ({ ...s, integratesWith: [...s.integratesWith] })),
    dataStores: ws.dataStores.map((d) => ({ ...d, customerFields: [...d.customerFields] })),
    maps: ws.maps.map(mapToBundle),
  };
}

// ---------------------------------------------------------------- conversion

// Between the bundle's shape (geometry inline on the records, FORMAT.md) and the in-memory
// one (geometry apart in `map.view`, types.ts).

export interface BundleLane extends Lane {
  y: number;
  height: number;
}
export interface BundleNode extends MapNode {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}
export interface BundleFlow extends Flow {
  points?: Point[];
}
export interface WorkspaceBundleMap {
  id: string;
  name: string;
  departmentId: string | null;
  updatedAt: string;
  casesPerYear?: number;
  review?: ProcessMap['review'];
  comments?: ProcessMap['comments'];
  lanes: BundleLane[];
  nodes: BundleNode[];
  flows: BundleFlow[];
  [extra: string]: unknown;
}
export interface WorkspaceBundle {
  format: string;
  schemaVersion: number;
  exportedAt: string;
  workspace: Workspace['meta'];
  departments: Workspace['departments'];
  systems: Workspace['systems'];
  dataStores: Workspace['dataStores'];
  maps: WorkspaceBundleMap[];
}

/** One map in the bundle's shape, with its view fields inline. */
export function mapToBundle(map: ProcessMap): WorkspaceBundleMap {
  const bands = laneBands(map);
  const out: WorkspaceBundleMap = {
    id: map.id,
    name: map.name,
    departmentId: map.departmentId,
    updatedAt: map.updatedAt,
    ...(map.casesPerYear !== undefined ? { casesPerYear: map.casesPerYear } : {}),
    ...(map.review !== undefined ? { review: { ...map.review } } : {}),
    ...(map.comments?.length ? { comments: map.comments.map((c) => ({ ...c })) } : {}),
    lanes: map.lanes.map((lane, i) => ({ ...lane, y: bands[i]!.y, height: bands[i]!.height })),
    nodes: map.nodes.map((node) => {
      const box = map.view.nodes[node.id];
      return box ? { ...node, x: box.x, y: box.y, width: box.width, height: box.height } : { ...node };
    }),
    flows: map.flows.map((flow) => {
      const points = map.view.flowPoints[flow.id];
      return points ? { ...flow, points: points.map((p): Point => [p[0], p[1]]) } : { ...flow };
    }),
  };
  // Fields from other tools go back where they came from, but never over our own.
  for (const [k, v] of Object.entries(map.extra ?? {})) if (!(k in out)) out[k] = v;
  return out;
}
