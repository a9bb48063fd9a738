import { memo, useMemo } from 'react';
import { renderMapSvg } from '../../core/picture';
import type { Department, ProcessMap } from '../../core/model/types';

// A still picture of a map, drawn from the model by the SVG export: for looking at an earlier
// version without opening it in the editor. As an image, nothing in it can run.

export const MapPreview = memo(function MapPreview({ map, departments, label }: { map: ProcessMap; departments: Department[]; label: string }) {
  const src = useMemo(() => {
    const { svg } = renderMapSvg(map, { meta: { id: '', name: '' }, departments, systems: [], dataStores: [], maps: [map] });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }, [map, departments]);
  return <img className="map-preview" src={src} alt={label} />;
});
