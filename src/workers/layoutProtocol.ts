import type { MapView, ProcessMap } from '../core/model/types';

export interface LayoutRequest {
  id: number;
  map: ProcessMap;
}

export type LayoutResponse = { id: number; ok: true; view: MapView } | { id: number; ok: false; message: string };
