import { useMemo } from 'react';
import { integrationsOf, type UsageIndex } from '../../core/catalogue';
import type { Id, System, Workspace } from '../../core/model/types';
import { confirm } from '../common/confirm';
import { Icon } from '../common/Icon';
import { addSystem, deleteSystem, updateSystem } from '../../state/catalogueActions';
import { type Column, CatalogueTable } from './CatalogueTable';
import { SelectCell, TagList, TextCell } from './cells';
import { deleteKeepingFocus, departmentOptions, useJustAdded } from './shared';
import { UsedIn } from './UsedIn';

const KINDS_LIST = 'cat-system-kinds';
const COMMON_KINDS = ['application', 'website', 'email', 'desktop database', 'cloud service'];

export function SystemsTable({ ws, usage }: { ws: Workspace; usage: UsageIndex }) {
  const [justAdded, markAdded] = useJustAdded();
  const columns = useMemo(() => systemColumns(ws, usage, justAdded), [ws, usage, justAdded]);
  const kinds = useMemo(() => [...new Set([...ws.systems.map((s) => s.kind), ...COMMON_KINDS])].sort(), [ws.systems]);
  return (
    <>
      <datalist id={KINDS_LIST}>
        {kinds.map((k) => <option key={k} value={k} />)}
      </datalist>
      <CatalogueTable noun="systems" rows={ws.systems} columns={columns} addLabel="Add system" onAdd={() => markAdded(addSystem())} />
    </>
  );
}

function systemColumns(ws: Workspace, usage: UsageIndex, justAdded: Id | null): Column<System>[] {
  const name = (id: Id | null | undefined) => ws.systems.find((s) => s.id === id)?.name ?? '';
  const department = (id: Id | null | undefined) => ws.departments.find((d) => d.id === id)?.name ?? '';
  const linked = (s: System) => integrationsOf(ws.systems, s.id);
  return [
    {
      key: 'name',
      label: 'Name',
      rowHeader: true,
      sortValue: (s) => s.name,
      filterText: (s) => s.name,
      render: (s) => <TextCell label={`Name of ${s.name}`} value={s.name} autoFocus={s.id === justAdded} wrap onCommit={(v) => updateSystem(s.id, { name: v })} />,
    },
    {
      key: 'kind',
      label: 'Kind',
      sortValue: (s) => s.kind,
      filterText: (s) => s.kind,
      render: (s) => <TextCell label={`Kind of ${s.name}`} value={s.kind} list={KINDS_LIST} className="cat-narrow" onCommit={(v) => updateSystem(s.id, { kind: v })} />,
    },
    {
      key: 'owner',
      label: 'Owner department',
      sortValue: (s) => department(s.ownerDepartmentId),
      filterText: (s) => department(s.ownerDepartmentId),
      render: (s) => (
        <SelectCell
          label={`Owner department of ${s.name}`}
          value={s.ownerDepartmentId ?? ''}
          options={departmentOptions(ws)}
          onChange={(v) => updateSystem(s.id, { ownerDepartmentId: v || null })}
        />
      ),
    },
    {
      key: 'integrations',
      label: 'Integrates with',
      sortValue: (s) => linked(s).length,
      filterText: (s) => linked(s).map(name).join(' '),
      render: (s) => <Integrations ws={ws} system={s} linked={linked(s)} onChange={(ids) => updateSystem(s.id, { integratesWith: ids })} />,
    },
    {
      key: 'used',
      label: 'Used in',
      sortValue: (s) => usage.systems.get(s.id)?.nodes.length ?? 0,
      filterText: (s) => (usage.systems.get(s.id)?.maps ?? []).map((m) => m.mapName).join(' '),
      render: (s) => <UsedIn usage={usage.systems.get(s.id)} />,
    },
    {
      key: 'actions',
      label: 'Actions',
      hideLabel: true,
      className: 'cat-actions',
      render: (s) => (
        <button type="button" className="cat-delete" aria-label={`Delete system ${s.name}`} title="Delete" onClick={(e) => void deleteKeepingFocus(e.currentTarget, () => deleteSystem(ws, s.id, confirm))}>
          <Icon name="trash" />
        </button>
      ),
    },
  ];
}

/** The systems this one exchanges data with, as tags, and a select to add another. */
function Integrations(props: { ws: Workspace; system: System; linked: Id[]; onChange: (ids: Id[]) => void }) {
  const { ws, system, linked } = props;
  const others = ws.systems.filter((s) => s.id !== system.id && !linked.includes(s.id)).sort((a, b) => a.name.localeCompare(b.name));
  const tags = linked.flatMap((id) => {
    const s = ws.systems.find((x) => x.id === id);
    return s ? [{ key: s.id, label: s.name }] : [];
  });
  return (
    <TagList tags={tags} removeLabel={(n) => `Remove integration with ${n}`} onRemove={(id) => props.onChange(linked.filter((x) => x !== id))}>
      {others.length > 0 && (
        <select
          className="cat-select cat-tag-adder"
          aria-label={`Add integration to ${system.name}`}
          value=""
          onChange={(e) => e.target.value && props.onChange([...linked, e.target.value])}
        >
          <option value="">Add…</option>
          {others.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      )}
    </TagList>
  );
}
