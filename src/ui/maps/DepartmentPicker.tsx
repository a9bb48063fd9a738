import { useId, useRef, useState } from 'react';
import type { Id } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import { InlineText } from '../common/InlineText';

const NEW = '__new__';

/** Pick a department, or type the name of a new one (Enter keeps it, and sends the form it is in). */
export function DepartmentPicker(props: { label: string; value: Id | null; onChange: (id: Id | null, newName?: string) => void; newId: () => Id }) {
  const departments = useDocument((s) => s.workspace?.departments ?? []);
  const [adding, setAdding] = useState(false);
  const [pending, setPending] = useState<{ id: Id; name: string } | null>(null);
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  const shown = pending && props.value === pending.id ? [...departments, pending] : departments;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        ref={select}
        id={id}
          value={adding ? NEW : (props.value ?? '')}
          onChange={(e) => {
            if (e.target.value === NEW) return setAdding(true);
            setAdding(false);
            props.onChange(e.target.value || null);
          }}
        >
          <option value="">(none)</option>
          {shown.map((d) => (
            <option key={d.id} value={d.id}>{d.name}</option>
          ))}
          <option value={NEW}>New department…</option>
      </select>
      {adding && (
        <InlineText
          label="New department name"
          initial=""
          onCommit={(name) => {
            setAdding(false);
            if (!name.trim()) return;
            const existing = departments.find((d) => d.name.toLowerCase() === name.trim().toLowerCase());
            if (existing) return props.onChange(existing.id);
            const id = props.newId();
            setPending({ id, name: name.trim() });
            props.onChange(id, name.trim());
          }}
          onCancel={() => setAdding(false)}
          // Enter goes on as in any other box of the form: it is sent (the new map is created)
          // once the new name is in, else the keyboard is back on the department list.
          onEnter={() => {
            const el = select.current;
            el?.focus();
            if (el?.form) setTimeout(() => el.form?.requestSubmit(), 0);
          }}
        />
      )}
    </div>
  );
}
