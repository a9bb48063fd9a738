import { useActionContext } from '../actions/context';
import { actionById, tooltip } from '../actions/table';
import { setTheme, THEME_CHOICES, type ThemeChoice, useTheme } from './theme';

/** The theme chooser in the top bar: the action table's "Theme" as a select (its key steps through the same list). */
export function ThemeSelect() {
  const choice = useTheme((s) => s.choice);
  const ctx = useActionContext();
  const action = actionById('theme');
  return (
    <label className="theme-select" title={tooltip(action, ctx)}>
      {/* Said to screen readers; the select's choices (System, Light, Dark) say what it is to the eye. */}
      <span className="visually-hidden">{action.label}</span>
      <select value={choice} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
        {THEME_CHOICES.map((c) => (
          <option key={c.id} value={c.id}>{c.label}</option>
        ))}
      </select>
    </label>
  );
}
