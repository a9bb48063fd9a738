import { useMemo } from 'react';
import type { UsageIndex } from '../../core/catalogue';
import { DATA_STORE_KINDS, type DataStore, type DataStoreKind, type Id, type Workspace } from '../../core/model/types';
import { STORE_KIND_LABEL } from '../../core/model/vocabulary';
import { confirm } from '../common/confirm';
import { Icon } from '../common/Icon';
import { addDataStore, deleteDataStore, updateDataStore } from '../../state/catalogueActions';
import { type Column, CatalogueTable } from './CatalogueTable';
import { SelectCell, TextCell } from './cells';
import { CustomerFields } from './CustomerFields';
import { Population, SensitiveFields } from './StorePeople';
import { deleteKeepingFocus, departmentOptions, useJustAdded } from './shared';
import { UsedIn } from './UsedIn';

const KIND_OPTIONS = DATA_STORE_KINDS.map((k) => ({ value: k, label: STORE_KIND_LABEL[k] }));

export function DataStoresTable({ ws, usage }: { ws: Workspace; usage: UsageIndex }) {
  const [justAdded, markAdded] = useJustAdded();
  const columns = useMemo(() => storeColumns(ws, usage, justAdded), [ws, usage, justAdded]);
  return <CatalogueTable noun="data stores" rows={ws.dataStores} columns={columns} addLabel="Add data store" onAdd={() => markAdded(addDataStore())} />;
}

function storeColumns(ws: Workspace, usage: UsageIndex, justAdded: Id | null): Column<DataStore>[] {
  const systemName = (id: Id | null) => ws.systems.find((s) => s.id === id)?.name ?? '';
  const department = (id: Id | null | undefined) => ws.departments.find((d) => d.id === id)?.name ?? '';
  const systemOptions = [
    { value: '', label: '(standalone)' },
    ...[...ws.systems].sort((a, b) => a.name.localeCompare(b.name)).map((s) => ({ value: s.id, label: s.name })),
  ];
  return [
    {
      key: 'name',
      label: 'Name',
      rowHeader: true,
      sortValue: (d) => d.name,
      filterText: (d) => d.name,
      render: (d) => <TextCell label={`Name of ${d.name}`} value={d.name} autoFocus={d.id === justAdded} wrap onCommit={(v) => updateDataStore(d.id, { name: v })} />,
    },
    {
      key: 'kind',
      label: 'Kind',
      sortValue: (d) => STORE_KIND_LABEL[d.kind],
      filterText: (d) => STORE_KIND_LABEL[d.kind],
      render: (d) => <SelectCell label={`Kind of ${d.name}`} value={d.kind} options={KIND_OPTIONS} onChange={(v) => updateDataStore(d.id, { kind: v as DataStoreKind })} />,
    },
    {
      key: 'system',
      label: 'In system',
      sortValue: (d) => systemName(d.systemId),
      filterText: (d) => systemName(d.systemId),
      render: (d) => <SelectCell label={`System of ${d.name}`} value={d.systemId ?? ''} options={systemOptions} onChange={(v) => updateDataStore(d.id, { systemId: v || null })} />,
    },
    {
      key: 'owner',
      label: 'Owner department',
      sortValue: (d) => department(d.ownerDepartmentId),
      filterText: (d) => department(d.ownerDepartmentId),
      render: (d) => (
        <SelectCell label={`Owner department of ${d.name}`} value={d.ownerDepartmentId ?? ''} options={departmentOptions(ws)} onChange={(v) => updateDataStore(d.id, { ownerDepartmentId: v || null })} />
      ),
    },
    {
      key: 'fields',
      label: 'Customer fields',
      className: 'cat-wide',
      sortValue: (d) => d.customerFields.length,
      filterText: (d) => d.customerFields.join(' '),
      render: (d) => <CustomerFields ws={ws} store={d} onChange={(customerFields) => updateDataStore(d.id, { customerFields })} />,
    },
    {
      key: 'population',
      label: 'Whose records',
      sortValue: (d) => d.population ?? '',
      filterText: (d) => d.population ?? '',
      render: (d) => <Population ws={ws} store={d} />,
    },
    {
      key: 'sensitive',
      label: 'Sensitive fields',
      sortValue: (d) => d.sensitiveFields?.length ?? 0,
      filterText: (d) => (d.sensitiveFields ?? []).join(' '),
      render: (d) => <SensitiveFields store={d} />,
    },
    {
      key: 'used',
      label: 'Used in',
      sortValue: (d) => usage.dataStores.get(d.id)?.nodes.length ?? 0,
      filterText: (d) => (usage.dataStores.get(d.id)?.maps ?? []).map((m) => m.mapName).join(' '),
      render: (d) => <UsedIn usage={usage.dataStores.get(d.id)} />,
    },
    {
      key: 'actions',
      label: 'Actions',
      hideLabel: true,
      className: 'cat-actions',
      render: (d) => (
        <button type="button" className="cat-delete" aria-label={`Delete data store ${d.name}`} title="Delete" onClick={(e) => void deleteKeepingFocus(e.currentTarget, () => deleteDataStore(ws, d.id, confirm))}>
          <Icon name="trash" />
        </button>
      ),
    },
  ];
}
