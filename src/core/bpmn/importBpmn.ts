import { emptyWorkspace } from '../model/factory';
import { count } from '../model/vocabulary';
import { checkSize, ImportError, importIds, type ImportResult, type ReaderOptions } from '../formats/importResult';
import { descendants } from '../formats/xml';
import { BpmnCatalogue } from './readCatalogue';
import { readPlanes } from './readDiagram';
import { nameOf, readDocument, type BpmnDocument } from './readDocument';
import { readMap, type Tally } from './readMap';
import { readUnits, type MapUnit } from './readUnits';

// BPMN 2.0 import: a map per collaboration (its pools' lanes stacked as bands) or per process
// on its own; each named pool a department; each bpmn:dataStore a catalogue entry. Positions
// come from the file's diagram; a map drawn nowhere is laid out when it is opened.


/** Own name first; several maps from one file fall back to their pool's name before the file's. */
function mapNames(units: MapUnit[], doc: BpmnDocument, base: string): string[] {
  const fileName = nameOf(doc.root);
  const raw = units.map((u) => {
    const pools = u.pools.filter((p) => p.participant);
    const soloPool = pools.length === 1 ? pools[0]!.name : '';
    return units.length === 1 ? u.ownName || fileName || soloPool || base : u.ownName || soloPool || fileName || base;
  });
  const seen = new Map<string, number>();
  return raw.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n} (${k})`;
  });
}

function tallyWarnings(t: Tally, extensions: number): string[] {
  const out: string[] = [];
  if (t.middleEvents) out.push(`${count(t.middleEvents, 'intermediate or boundary event')} became ${t.middleEvents === 1 ? 'a step' : 'steps'}: Lanemap has no event shapes between start and end. Unnamed ones are labelled by their trigger, such as “(timer)”.`);
  if (t.collapsed) out.push(`${count(t.collapsed, 'sub-process', 'sub-processes')} drawn closed became ${t.collapsed === 1 ? 'a single step' : 'single steps'}; what each holds is listed in its notes.`);
  if (t.standIns) out.push(`${count(t.standIns, 'pool')} that messages reach as a whole got a step named after the pool.`);
  if (t.groups) out.push(`${count(t.groups, 'group')} left out: Lanemap has no groups.`);
  if (extensions) out.push(`${count(extensions, 'block')} of tool-specific settings (BPMN extension elements) left out.`);
  return out;
}

export function importBpmn(text: string, opts: ReaderOptions): ImportResult {
  checkSize(text.length, opts.fileName);
  const base = opts.fileName.replace(/\.[^.]+$/, '') || opts.fileName;
  const doc = readDocument(text, opts.fileName);
  const units = readUnits(doc, readPlanes(doc.root));
  if (units.length === 0) {
    throw new ImportError(`“${opts.fileName}” is a BPMN file with no process or collaboration in it, so there is nothing to import. Check in the modelling tool that the diagram has shapes, then export it again.`);
  }
  const ids = importIds('bpmn', text);
  const catalogue = new BpmnCatalogue(ids);
  const tally: Tally = { middleEvents: 0, collapsed: 0, groups: 0, standIns: 0 };
  const ctx = { doc, ids, catalogue, tally, now: opts.now };
  const ws = emptyWorkspace(ids('workspace'), nameOf(doc.root) || base);
  const notes: string[] = [];
  const names = mapNames(units, doc, base);
  units.forEach((unit, i) => {
    opts.progress?.(`Reading map ${i + 1} of ${units.length}`);
    const { map, warnings } = readMap(unit, names[i]!, ctx);
    ws.maps.push({ ...map, extra: { source: 'bpmn', file: opts.fileName } });
    notes.push(...warnings);
  });
  ws.departments = catalogue.departments;
  ws.dataStores = catalogue.dataStores;
  ws.systems = catalogue.systems;
  return { workspace: ws, warnings: [...tallyWarnings(tally, descendants(doc.root, 'extensionElements').length), ...notes] };
}
