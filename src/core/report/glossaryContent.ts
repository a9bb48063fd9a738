import { count } from '../model/vocabulary';
import { integrationsOf } from '../catalogue/integrations';
import type { Id, ProcessMap, Workspace } from '../model/types';
import { storeKindWord } from './acrossContent';
import { capitalise } from '../model/vocabulary';
import type { Heading } from './heading';
import type { Catalogue } from './mapSteps';
import { byName } from './reportText';

// The glossary: the systems and stores the chosen maps draw, what they are, who owns them and
// what they hold. A store drawn in a map brings its system; a system drawn brings its stores.

export interface GlossarySystem {
  name: string;
  kind: string;
  owner: string;
  stores: string[];
  integrations: string[];
}

export interface GlossaryStore {
  name: string;
  kind: string;
  system: string;
  owner: string;
  fields: string[];
}

export interface GlossaryPart {
  heading: Heading;
  intro: string;
  systems: GlossarySystem[];
  stores: GlossaryStore[];
}

export function glossaryContent(ws: Workspace, maps: ProcessMap[], cat: Catalogue, deptName: ReadonlyMap<Id, string>, heading: Heading): GlossaryPart {
  const drawn = new Set(maps.flatMap((m) => m.nodes.flatMap((n) => (n.refId && (n.kind === 'system' || n.kind === 'dataStore') ? [n.refId] : []))));
  const storeIds = new Set(ws.dataStores.filter((d) => drawn.has(d.id) || (d.systemId !== null && drawn.has(d.systemId))).map((d) => d.id));
  const systemIds = new Set([...ws.systems.filter((s) => drawn.has(s.id)).map((s) => s.id), ...ws.dataStores.filter((d) => storeIds.has(d.id) && d.systemId).map((d) => d.systemId!)]);
  const owner = (id: Id | null | undefined): string => (id ? (deptName.get(id) ?? '') : '');
  const systems = ws.systems.filter((s) => systemIds.has(s.id)).sort(byName).map((s): GlossarySystem => ({
    name: s.name.trim() || 'Unnamed system',
    kind: capitalise(s.kind.trim()),
    owner: owner(s.ownerDepartmentId),
    stores: ws.dataStores.filter((d) => d.systemId === s.id && storeIds.has(d.id)).map((d) => d.name),
    integrations: integrationsOf(ws.systems, s.id).map((id) => cat.systems.get(id)!.name),
  }));
  const stores = ws.dataStores.filter((d) => storeIds.has(d.id)).sort(byName).map((d): GlossaryStore => ({
    name: d.name.trim() || 'Unnamed data store',
    kind: storeKindWord(d.kind),
    system: d.systemId ? (cat.systems.get(d.systemId)?.name ?? '') : '',
    owner: owner(d.ownerDepartmentId),
    fields: d.customerFields.filter((f) => f.trim()),
  }));
  const intro = `The systems and data stores that the maps in this report use: ${count(systems.length, 'system')} and ${count(stores.length, 'data store')}, in alphabetical order.`;
  return { heading, intro, systems, stores };
}
