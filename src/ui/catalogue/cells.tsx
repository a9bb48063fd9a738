import { useEffect, useRef, useState } from 'react';

// Controls that live in table cells: no visible label (the column header is the label for
// sighted users), so each takes an accessible name naming the row, "Name of Finance system".

/**
 * A text box that edits in place: Enter or leaving it keeps the text, Escape puts back the
 * stored value. One commit is one history entry. `wrap` makes it a one-paragraph text area
 * that grows downwards, so a long name is read whole in a narrow column.
 */
export function TextCell(props: { label: string; value: string; onCommit: (v: string) => void; list?: string; autoFocus?: boolean; wrap?: boolean; className?: string; placeholder?: string; allowEmpty?: boolean }) {
  const [v, setV] = useState(props.value);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => setV(props.value), [props.value]);
  useEffect(() => {
    if (props.autoFocus) ref.current?.select();
  }, [props.autoFocus]);
  const commit = () => {
    const text = props.wrap ? v.replace(/\s+/g, ' ') : v;
    if ((props.allowEmpty || text.trim()) && text !== props.value) props.onCommit(text);
    else setV(props.value);
  };
  const common = {
    ref,
    className: `cat-input ${props.wrap ? 'cat-wrap' : ''} ${props.className ?? ''}`,
    'aria-label': props.label,
    'data-dirty': String(v !== props.value),
    value: v,
    autoFocus: props.autoFocus,
    placeholder: props.placeholder,
    onChange: (e: { target: { value: string } }) => setV(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        commit();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        setV(props.value);
      }
    },
  };
  return props.wrap ? <textarea rows={1} {...common} /> : <input type="text" list={props.list} {...common} />;
}

export interface Option {
  value: string;
  label: string;
}

/** A select that commits as soon as a choice is made. `value` "" stands for none. */
export function SelectCell(props: { label: string; value: string; options: Option[]; onChange: (v: string) => void }) {
  return (
    <select
      className="cat-select"
      aria-label={props.label}
      // A long choice is cut off in a narrow column: the tooltip shows it whole.
      title={props.options.find((o) => o.value === props.value)?.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </select>
  );
}

/** Tags with a remove button each ("Remove field Email"); `children` is the control that adds one. */
export function TagList(props: { tags: { key: string; label: string }[]; removeLabel: (label: string) => string; onRemove: (key: string) => void; children?: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [refocus, setRefocus] = useState<number | null>(null);
  // The removed tag's button is gone: keep the keyboard where it was, on the next tag or the adder.
  useEffect(() => {
    if (refocus === null) return;
    const buttons = ref.current?.querySelectorAll<HTMLElement>('.cat-tag button, .cat-tag-adder');
    buttons?.[Math.min(refocus, buttons.length - 1)]?.focus();
    setRefocus(null);
  }, [refocus, props.tags]);
  return (
    <div className="cat-tags" ref={ref}>
      {props.tags.length > 0 && (
        <ul>
          {props.tags.map((t, i) => (
            <li key={t.key} className="cat-tag">
              <span>{t.label}</span>
              <button
                type="button"
                aria-label={props.removeLabel(t.label)}
                title="Remove"
                onClick={() => {
                  props.onRemove(t.key);
                  setRefocus(i);
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {props.children}
    </div>
  );
}
