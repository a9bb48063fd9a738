import { useEffect, useRef, useState } from 'react';

/**
 * A text box for renaming in place: Enter (or leaving the box) keeps the text, Escape
 * puts it back. Multi-line labels use Shift+Enter for a new line.
 */
export function InlineText(props: {
  label: string;
  initial: string;
  multiline?: boolean;
  onCommit: (v: string) => void;
  onCancel: () => void;
  /** After Enter kept the text (not a click away): where the keyboard goes on from here. */
  onEnter?: () => void;
  className?: string;
}) {
  const [value, setValue] = useState(props.initial);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) props.onCommit(value);
    else props.onCancel();
  };
  const common = {
    ref,
    value,
    'aria-label': props.label,
    className: `inline-text nodrag nopan nowheel ${props.className ?? ''}`,
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onBlur: () => finish(true),
    onKeyDown: (e: React.KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === 'Enter' && !(props.multiline && e.shiftKey)) {
        e.preventDefault();
        finish(true);
        props.onEnter?.();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        finish(false);
      }
    },
  };
  return props.multiline ? <textarea {...common} rows={3} /> : <input type="text" {...common} />;
}
