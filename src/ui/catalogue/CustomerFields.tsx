import { useId, useMemo, useState } from 'react';
import { fieldSuggestions } from '../../core/catalogue';
import type { DataStore, Workspace } from '../../core/model/types';
import { TagList } from './cells';

// The customer fields a store holds, as tags. Typing offers the names other stores already
// use, most used first, so the analysis can see that two stores keep the same thing.

export function CustomerFields(props: { ws: Workspace; store: DataStore; onChange: (fields: string[]) => void }) {
  const { ws, store } = props;
  const [text, setText] = useState('');
  const [focused, setFocused] = useState(false);
  const listId = useId();
  // Only the box being typed in needs a list; a dozen rows of full lists would be wasted DOM.
  const suggestions = useMemo(
    () => (focused ? fieldSuggestions(ws, text, { exclude: store.customerFields, limit: 12 }) : []),
    [focused, ws, text, store.customerFields],
  );
  const add = () => {
    // "Name, Email" pasted from a spreadsheet header adds both.
    const typed = text.split(/[,;]/).map((f) => f.trim()).filter(Boolean);
    if (typed.length) props.onChange([...store.customerFields, ...typed]);
    setText('');
  };
  return (
    <TagList
      tags={store.customerFields.map((f) => ({ key: f, label: f }))}
      removeLabel={(f) => `Remove field ${f}`}
      onRemove={(f) => props.onChange(store.customerFields.filter((x) => x !== f))}
    >
      <input
        type="text"
        className="cat-input cat-tag-adder cat-field-input"
        aria-label={`Add customer field to ${store.name}`}
        placeholder="Add field…"
        list={listId}
        data-dirty={String(text !== '')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          } else if (e.key === 'Escape') setText('');
        }}
      />
      <datalist id={listId}>
        {suggestions.map((f) => <option key={f} value={f} />)}
      </datalist>
    </TagList>
  );
}
