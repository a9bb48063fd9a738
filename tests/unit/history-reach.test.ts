import { describe, expect, it } from 'vitest';
import { addDataStore, type Command, deleteSystem, diffWorkspace, reachBeyondMap, renameDepartment, renameMap, updateNode, updateSystem } from '../../src/core/commands';
import { runCmd, workspace } from './fixtures/maps';

// What an undo names when it reaches past the open map: catalogue edits and other maps' edits
// by the thing they changed, edits of the open map by nothing (the command's title does).

function reach<A>(cmd: Command<A>, args: A, openMapId: string | null) {
  const ws = workspace();
  return reachBeyondMap(diffWorkspace(ws, runCmd(cmd, ws, args)), openMapId);
}

describe('reachBeyondMap', () => {
  it('names a renamed system by its old and new names, from any map', () => {
    expect(reach(updateSystem, { systemId: 'sys-crm', patch: { name: 'SITS Online' } }, 'map-a')).toBe('rename system CRM to “SITS Online”');
    expect(reach(updateSystem, { systemId: 'sys-crm', patch: { name: 'SITS Online' } }, null)).toBe('rename system CRM to “SITS Online”');
  });

  it('names other catalogue edits: a store added, a system edited, a department renamed', () => {
    expect(reach(addDataStore, { dataStoreId: 'ds-new', name: 'Applicant file', kind: 'paper' }, 'map-a')).toBe('add store Applicant file');
    expect(reach(updateSystem, { systemId: 'sys-crm', patch: { kind: 'erp' } }, 'map-a')).toBe('edit system CRM');
    expect(reach(renameDepartment, { departmentId: 'd-ops', name: 'Service' }, 'map-a')).toBe('rename department Operations to “Service”');
  });

  it('says nothing for an edit of the open map, and names another map', () => {
    expect(reach(updateNode, { mapId: 'map-a', nodeId: 'start', patch: { label: 'Order arrives' } }, 'map-a')).toBeNull();
    expect(reach(renameMap, { mapId: 'map-b', name: 'Returns' }, 'map-a')).toMatch(/^rename map .+ to “Returns”$/);
  });

  it('names the catalogue change first and counts the rest', () => {
    // Deleting a system a map draws unlinks its nodes there: the system, then the map.
    const words = reach(deleteSystem, { systemId: 'sys-crm', force: true }, 'map-a');
    expect(words).toMatch(/^delete system CRM( and \d+ more changes?)?$/);
  });
});
