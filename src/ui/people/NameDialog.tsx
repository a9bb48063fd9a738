import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import { MAX_NAME_LENGTH, setPersonName, usePerson } from '../../state/personStore';

// Asks once for the name that signs what this person sets ("Agreed by …"), answered by a
// promise: `await personName()` is the name, or null when they cancel.

const useAsk = create<{ why: string | null; resolve: ((name: string | null) => void) | null }>(() => ({ why: null, resolve: null }));

/** The person's name: the one given before, or asked for now (`why` says what it is for); `again` asks even when known, to change it. */
export function personName(why: string, again = false): Promise<string | null> {
  const known = usePerson.getState().name;
  if (known && !again) return Promise.resolve(known);
  return new Promise((resolve) => useAsk.setState({ why, resolve }));
}

export function NameDialog() {
  const { why, resolve } = useAsk();
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (why !== null && !d.open) {
      setName(usePerson.getState().name ?? '');
      d.showModal();
    }
    if (why === null && d.open) d.close();
  }, [why]);
  const answer = (given: string | null) => {
    if (given) setPersonName(given);
    resolve?.(given ? usePerson.getState().name : null);
    useAsk.setState({ why: null, resolve: null });
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="name-title" onCancel={(e) => { e.preventDefault(); answer(null); }}>
      {why !== null && (
        <form method="dialog" onSubmit={(e) => { e.preventDefault(); if (name.trim()) answer(name); }}>
          <h2 id="name-title">Your name</h2>
          <p>{why} This browser remembers it; it is kept with the maps and shown in the report.</p>
          <label className="field">
            <span>Name</span>
            <input value={name} maxLength={MAX_NAME_LENGTH} autoFocus autoComplete="name" onChange={(e) => setName(e.target.value)} />
          </label>
          <div className="dialog-actions">
            <button type="button" onClick={() => answer(null)}>Cancel</button>
            <button type="submit" className="primary" disabled={!name.trim()}>Save name</button>
          </div>
        </form>
      )}
    </dialog>
  );
}
