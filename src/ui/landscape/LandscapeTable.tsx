import type { Landscape, LandscapeColumn, LandscapeFlag } from '../../core/analysis';
import type { Workspace } from '../../core/model/types';
import { CELL_WORDS, FLAG_TEXT, caption, columnGroups, columnKind, flagsOf } from './landscapeWords';

// The matrix as a real <table>: departments are row headers, systems and standalone stores
// column headers under a group header each. Flags are words in the column header (a tint
// alone would say nothing to a screen reader or on a black-and-white printout).

const flagClass = (flags: LandscapeFlag[]): string | undefined => (flags.length ? flags.map((f) => `ls-${f}`).join(' ') : undefined);

function FlagBadge({ flag }: { flag: LandscapeFlag }) {
  return <span className={`ls-flag ls-flag-${flag}`}>{FLAG_TEXT[flag].short}</span>;
}

function ColumnHeader({ ws, l, col }: { ws: Workspace; l: Landscape; col: LandscapeColumn }) {
  const flags = flagsOf(l, col);
  const help = flags.map((f) => `${FLAG_TEXT[f].label}: ${FLAG_TEXT[f].help}`).join('. ');
  return (
    <th scope="col" className={flagClass(flags)} title={help ? `${col.name}. ${help}.` : col.name}>
      <span className="ls-col-name">{col.name}</span>
      <span className="ls-col-kind">{columnKind(ws, col)}</span>
      {flags.length > 0 && (
        <span className="ls-flags">
          {flags.map((f) => <FlagBadge key={f} flag={f} />)}
        </span>
      )}
    </th>
  );
}

export function LandscapeTable({ ws, l }: { ws: Workspace; l: Landscape }) {
  const groups = columnGroups(l);
  return (
    <table className="ls-table">
      <caption>{caption(l)}</caption>
      <colgroup>
        <col className="ls-col-dept" />
      </colgroup>
      {groups.map((g, i) => (
        <colgroup key={i} span={g.columns.length} />
      ))}
      <thead>
        <tr className="ls-groups">
          <th scope="col" rowSpan={2} className="ls-corner">
            Department
          </th>
          {groups.map((g, i) => (
            <th key={i} scope="colgroup" colSpan={g.columns.length} className={`ls-group ls-group-${g.kind}`}>
              {g.label}
            </th>
          ))}
        </tr>
        <tr className="ls-names">
          {l.columns.map((col) => (
            <ColumnHeader key={col.id} ws={ws} l={l} col={col} />
          ))}
        </tr>
      </thead>
      <tbody>
        {l.departments.map((d) => (
          <tr key={d.id}>
            <th scope="row">{d.name}</th>
            {l.columns.map((col) => {
              const mark = l.cells[d.id]?.[col.id] ?? '';
              const flags = flagClass(flagsOf(l, col));
              if (!mark) return <td key={col.id} className={flags} />;
              const words = CELL_WORDS[mark];
              return (
                <td key={col.id} className={flags} title={`${d.name} ${words} records in ${col.name}`}>
                  <span className={`ls-mark ls-mark-${mark}`} aria-hidden="true">
                    {mark}
                  </span>
                  <span className="visually-hidden">{words}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
