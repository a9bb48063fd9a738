import type { MapView, ProcessMap } from '../core/model/types';

export interface LayoutRequest {
  id: number;
  map: ProcessMap;
}

/** `fallback`: ELK failed (the reason) and the quick layout drew the map instead. */
export type LayoutResponse = { id: number; ok: true; view: MapView; fallback?: string } | { id: number; ok: false; message: string };
