import { useEffect, useRef, useState } from 'react';
import { randomIds } from '../../core/model/ids';
import { createMap } from '../../state/mapActions';
import { goToMap } from '../shell/useHashRoute';
import { DepartmentPicker } from './DepartmentPicker';

export function NewMapDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  // No department until one is picked: a map silently filed under the first one misleads the analysis.
  const [dep, setDep] = useState<{ id: string | null; newName?: string }>({ id: null });
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const submit = () => {
    const id = createMap({ name, departmentId: dep.id, newDepartmentName: dep.newName });
    onClose();
    if (id) goToMap(id);
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="new-map-title" onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <h2 id="new-map-title">New map</h2>
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Complaints: first contact to resolution" autoFocus />
        </label>
        <DepartmentPicker label="Department" value={dep.id} onChange={(id, newName) => setDep({ id, newName })} newId={() => randomIds('d')} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary">Create map</button>
        </div>
      </form>
    </dialog>
  );
}
