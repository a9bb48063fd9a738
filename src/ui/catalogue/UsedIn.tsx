import type { MapUse, SystemUsage, Usage } from '../../core/catalogue';
import { ACCESS_WORD, count } from '../../core/model/vocabulary';
import { mapHash } from '../shell/useHashRoute';

// "Used in": the maps that draw an entry, as links, and the steps there that read or write it.

export function UsedIn({ usage }: { usage: Usage | SystemUsage | undefined }) {
  if (!usage) return null;
  const via = 'viaStores' in usage ? usage.viaStores : [];
  const viaSteps = 'viaStoreSteps' in usage ? usage.viaStoreSteps : [];
  if (usage.maps.length === 0 && via.length === 0) return <span className="cat-muted">Not on any map</span>;
  return (
    <>
      {usage.maps.length > 0 && (
        <ul className="cat-used">
          {usage.maps.map((m) => (
            <li key={m.mapId}>
              <MapLink use={m} />
              {usage.steps.some((s) => s.mapId === m.mapId) && (
                <span className="cat-steps">
                  {usage.steps
                    .filter((s) => s.mapId === m.mapId)
                    .map((s) => `${s.label} (${ACCESS_WORD[s.access]})`)
                    .join('; ')}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {via.length > 0 && (
        <div className="cat-via">
          <span className="cat-muted">Through its data stores:</span>
          <ul className="cat-used">
            {via.map((m) => (
              <li key={m.mapId}>
                <MapLink use={m} />
                {viaSteps.some((s) => s.mapId === m.mapId) && (
                  <span className="cat-steps">
                    {viaSteps
                      .filter((s) => s.mapId === m.mapId)
                      .map((s) => `${s.label} (${ACCESS_WORD[s.access]} ${s.storeName})`)
                      .join('; ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** The map's name, then how many of its nodes stand for the entry. */
function MapLink({ use }: { use: MapUse }) {
  return (
    <>
      <a href={mapHash(use.mapId)}>{use.mapName}</a>{' '}
      <span className="cat-count">{count(use.nodes, 'node')}</span>
    </>
  );
}
