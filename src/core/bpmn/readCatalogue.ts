import type { DataStore, Department, Id, System } from '../model/types';
import { nameKey } from '../formats/reconcile';

// The catalogue a BPMN file brings: a department per pool name, a data store entry per
// bpmn:dataStore (shared by all the references to it), and a system per store Lanemap wrote
// as a system. References to no dataStore get an entry by name, one per name.

export class BpmnCatalogue {
  private readonly departmentsByName = new Map<string, Department>();
  private readonly storesBySource = new Map<string, DataStore>();
  private readonly storesByName = new Map<string, DataStore>();
  private readonly systemsByName = new Map<string, System>();

  constructor(private readonly ids: (sourceId: string) => string) {}

  department(name: string): Id | null {
    const key = nameKey(name);
    if (!key) return null;
    let d = this.departmentsByName.get(key);
    if (!d) this.departmentsByName.set(key, (d = { id: this.ids(`department-${this.departmentsByName.size + 1}`), name }));
    return d.id;
  }

  /** The entry for a bpmn:dataStore (by its id), else for a bare reference (by its name). */
  store(sourceId: string | undefined, name: string): Id | undefined {
    const key = nameKey(name);
    const known = sourceId ? this.storesBySource.get(sourceId) : undefined;
    if (known) return known.id;
    if (!sourceId && !key) return undefined;
    let s = !sourceId ? this.storesByName.get(key) : undefined;
    if (!s) {
      s = { id: this.ids(sourceId ?? `store-${key}`), name: name || 'Data store', kind: 'database', systemId: null, customerFields: [] };
      if (sourceId) this.storesBySource.set(sourceId, s);
      if (key && !this.storesByName.has(key)) this.storesByName.set(key, s);
    }
    return s.id;
  }

  system(name: string): Id | undefined {
    const key = nameKey(name);
    if (!key) return undefined;
    let s = this.systemsByName.get(key);
    if (!s) this.systemsByName.set(key, (s = { id: this.ids(`system-${key}`), name, kind: 'application', integratesWith: [] }));
    return s.id;
  }

  get departments(): Department[] {
    return [...this.departmentsByName.values()];
  }

  get dataStores(): DataStore[] {
    return [...new Set([...this.storesBySource.values(), ...this.storesByName.values()])];
  }

  get systems(): System[] {
    return [...this.systemsByName.values()];
  }
}
