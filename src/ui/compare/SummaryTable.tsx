import { type CSSProperties, useMemo, type ReactNode } from 'react';
import { analyzeWorkspace, fieldLabel } from '../../core/analysis';
import { mapFigures, sharedCustomerData, withMap, type MapFigures } from '../../core/compare';
import type { ProcessMap, Workspace } from '../../core/model/types';

// The table above the canvases: one column per compared map, a row per figure; then, for
// each two departments' maps, the customer data both write into stores holding the same
// fields. Figures come from the pure core (summary.ts) on every change.

interface Props {
  ws: Workspace;
  maps: readonly ProcessMap[];
  letters: readonly string[];
  titles: readonly string[];
  /** Versions of one map: duplicates between departments mean nothing there. */
  versions: boolean;
}

const names = (ids: readonly string[], lookup: Map<string, string>) => ids.map((id) => lookup.get(id) ?? id);

function Names({ list }: { list: string[] }) {
  return (
    <>
      <strong>{list.length}</strong>
      {list.length > 0 && <span className="cmp-names">{list.join(', ')}</span>}
    </>
  );
}

export function SummaryTable({ ws, maps, letters, titles, versions }: Props) {
  // Each map is analysed in a workspace holding it: an older version takes the current one's place.
  const analyses = useMemo(() => maps.map((m) => analyzeWorkspace(withMap(ws, m))), [ws, maps]);
  const figures: MapFigures[] = useMemo(() => maps.map((m, i) => mapFigures(withMap(ws, m), m, analyses[i]!)), [ws, maps, analyses]);
  const entryNames = useMemo(() => new Map([...ws.systems, ...ws.dataStores].map((e) => [e.id, e.name])), [ws]);
  const dept = (m: ProcessMap) => ws.departments.find((d) => d.id === m.departmentId)?.name ?? 'No department';
  const rows: [string, (f: MapFigures) => ReactNode][] = [
    ['Steps', (f) => f.steps],
    ['Decisions', (f) => f.decisions],
    ['Hand-offs between lanes', (f) => f.handOffs],
    ['Manual steps', (f) => f.manualSteps],
    ['Systems touched', (f) => <Names list={names(f.systems, entryNames)} />],
    ['Data stores touched', (f) => <Names list={names(f.stores, entryNames)} />],
    ['Silo systems and stores', (f) => <Names list={names(f.silos, entryNames)} />],
    ['Findings by severity', (f) => (
      <span className="cmp-sevs">
        {(['high', 'medium', 'low'] as const).map((s) => <span key={s} className={`cmp-sev cmp-sev-${s}`}>{f.findings[s]} {s}</span>)}
      </span>
    )],
  ];
  return (
    <>
      <table className="cmp-table cmp-summary" style={{ '--cmp-cols': maps.length + 1 } as CSSProperties}>
        <caption>Summary</caption>
        <thead>
          <tr>
            <td />
            {maps.map((m, i) => (
              <th key={i} scope="col">
                <span className="cmp-letter" aria-hidden>{letters[i]}</span> {titles[i]}
                <span className="cmp-names">{dept(m)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, cell]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {figures.map((f, i) => <td key={i}>{cell(f)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {!versions && <SharedData ws={ws} maps={maps} letters={letters} analysis={analyses[0]!} />}
    </>
  );
}

function SharedData({ ws, maps, letters, analysis }: { ws: Workspace; maps: readonly ProcessMap[]; letters: readonly string[]; analysis: ReturnType<typeof analyzeWorkspace> }) {
  const storeName = (id: string) => ws.dataStores.find((d) => d.id === id)?.name ?? id;
  const pairs: [number, number][] = [];
  for (let i = 0; i < maps.length; i++) for (let j = i + 1; j < maps.length; j++) pairs.push([i, j]);
  return (
    <>
      {pairs.map(([i, j]) => {
        const rows = sharedCustomerData(ws, maps[i]!, maps[j]!, analysis);
        const caption = `Customer data both ${letters[i]} and ${letters[j]} write`;
        if (rows.length === 0) return <p key={`${i}-${j}`} className="cmp-none">{caption}: none. No store that {letters[i]} writes holds the same customers’ details as one that {letters[j]} writes.</p>;
        return (
          <table key={`${i}-${j}`} className="cmp-table cmp-dupes">
            <caption>{caption} (the same customers entered twice)</caption>
            <thead>
              <tr>
                <th scope="col">{letters[i]} writes</th>
                <th scope="col">{letters[j]} writes</th>
                <th scope="col">Customer fields in both</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.storeA}|${r.storeB}`}>
                  <td>{storeName(r.storeA)}</td>
                  <td>{r.storeA === r.storeB ? <><span className="cmp-same">same store</span> {storeName(r.storeB)}</> : storeName(r.storeB)}</td>
                  <td>{r.fields.map(fieldLabel).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </>
  );
}
