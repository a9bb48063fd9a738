import { useEffect, useId, useState } from 'react';

// Inspector fields commit on Enter or when focus leaves, so each edit is one history entry.

export function TextField(props: { label: string; value: string; onCommit: (v: string) => void; multiline?: boolean; placeholder?: string }) {
  const [v, setV] = useState(props.value);
  useEffect(() => setV(props.value), [props.value]);
  const commit = () => {
    if (v !== props.value) props.onCommit(v);
  };
  const common = {
    value: v,
    placeholder: props.placeholder,
    onChange: (e: { target: { value: string } }) => setV(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && !(props.multiline && e.shiftKey)) {
        e.preventDefault();
        commit();
      } else if (e.key === 'Escape') {
        setV(props.value);
      }
    },
  };
  return (
    <label className="field">
      <span>{props.label}</span>
      {props.multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
    </label>
  );
}

export function SelectField<T extends string>(props: { label: string; value: T; options: { value: T; label: string }[]; onChange: (v: T) => void }) {
  // A label apart from the select: wrapped, its name would include the options' text.
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

/** "1,800", " 12.5 " -> a number; "" -> undefined (cleared); anything else -> null (refused). */
export function parseMeasure(text: string): number | undefined | null {
  const t = text.trim().replace(/[,\s]/g, '');
  if (t === '') return undefined;
  if (!/^\d+(?:\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/**
 * A measure (minutes, cases a year): commits a number of 0 or more, or nothing to clear it.
 * Anything else is refused with a message beside the field and changes nothing.
 */
export function MeasureField(props: { label: string; value: number | undefined; hint?: string; onCommit: (v: number | undefined) => void }) {
  const shown = props.value === undefined ? '' : String(props.value);
  const [v, setV] = useState(shown);
  const [error, setError] = useState('');
  const id = useId();
  useEffect(() => {
    setV(shown);
    setError('');
  }, [shown]);
  const commit = () => {
    const n = parseMeasure(v);
    if (n === null) return setError(`${props.label}: type a number of 0 or more, or leave it empty`);
    setError('');
    if (n !== props.value) props.onCommit(n);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={v}
        placeholder={props.hint ?? 'Not measured'}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setV(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') {
            setV(shown);
            setError('');
          }
        }}
      />
      {error && <span id={`${id}-error`} className="field-error" role="alert">{error}</span>}
    </div>
  );
}
