import { describe, expect, it } from 'vitest';
import { type AnalyzeIo, analyzeCommand } from '../../src/cli/analyzeCommand';
import { analyzeWorkspace, FINDING_KINDS, type Finding, LINT_KINDS, landscape, landscapeCsv } from '../../src/core/analysis';
import { demoWorkspace } from '../../src/core/demo';
import type { Workspace } from '../../src/core/model/types';
import { parseBundleText, toBundle } from '../../src/core/schema/bundle';

const NOW = '2026-11-22T10:00:00Z';
const ws = demoWorkspace(NOW);
const findings = analyzeWorkspace(ws);
const subjectsOf = (kind: Finding['kind']) => findings.filter((f) => f.kind === kind).map((f) => f.subjects);

describe('analysis of the demo workspace', () => {
  it('finds the planted silos, and only those: not the integrated, shared or empty ones', () => {
    expect(subjectsOf('silo-system')).toEqual([['s-alumdb'], ['ds-enq'], ['ds-donor-files']]);
    // Registry alone uses SITS, but it is integrated with Finance; two departments use the
    // graduation list; the giving page holds no customer data.
    const silos = subjectsOf('silo-system').flat();
    for (const id of ['s-sits', 's-fin', 'ds-grad', 'ds-fair', 's-giving', 's-re']) expect(silos).not.toContain(id);
  });

  it('groups the stores by whose records they hold: prospects apart from students, alumni and donors', () => {
    const dups = findings.filter((f) => f.kind === 'duplicate-data');
    expect(dups.map((f) => [f.title, f.subjects])).toEqual([
      ['Customer records with address, graduation year and student ID are kept in 8 stores across 4 departments',
        ['ds-sits', 'ds-grad', 'ds-alum', 'ds-alu-mbx', 'ds-mail-alu', 'ds-re', 'ds-donor-files', 'ds-fin']],
      ['Records of prospective students are kept in 3 stores across 2 departments', ['ds-enq', 'ds-fair', 'ds-mail-mkt']],
    ]);
    // The Admissions mailbox holds names, e-mails and phone numbers only, like every store: no copy of anyone's records.
    expect(dups.flatMap((f) => f.subjects)).not.toContain('ds-adm-mbx');
    expect(dups[0]!.pairs).toEqual(expect.arrayContaining([
      { stores: ['ds-sits', 'ds-alum'], fields: expect.arrayContaining(['name', 'email', 'student id']) },
      { stores: ['ds-re', 'ds-fin'], fields: ['name', 'address', 'donor id'] },
    ]));
    // One row per store, all of them: nothing trails off.
    expect(dups[0]!.table!.rows.map((r) => r[0])).toEqual(dups[0]!.subjects.map((id) => ws.dataStores.find((d) => d.id === id)!.name));
    for (const f of dups) expect(f.explanation).not.toMatch(/ more /);
  });

  it('finds the re-keying steps, the manual ones first', () => {
    const rekeying = findings.filter((f) => f.kind === 'manual-rekeying');
    expect(rekeying.map((f) => f.subjects[0]).sort()).toEqual(
      ['n-adm-2', 'n-alu-19', 'n-alu-2', 'n-alu-5', 'n-alu-7', 'n-dev-17', 'n-mkt-17', 'n-mkt-2'].sort());
    expect(rekeying.find((f) => f.subjects[0] === 'n-alu-5')).toMatchObject({ severity: 'high', subjects: ['n-alu-5', 'ds-grad', 'ds-alum'] });
    expect(rekeying.find((f) => f.subjects[0] === 'n-alu-2')!.severity).toBe('medium');
    // Online gifts are imported (Raiser's Edge integrates with the giving page): no re-keying.
    expect(rekeying.some((f) => f.subjects[0] === 'n-dev-6')).toBe(false);
  });

  it('finds the structural slips the workshops left, one each, and no other structural problem', () => {
    // Every lint finding, in report order: a false alarm anywhere in the demo adds a row here.
    expect(findings.filter((f) => LINT_KINDS.includes(f.kind)).map((f) => [f.kind, f.mapIds, f.subjects, f.title])).toEqual([
      ['unreachable-node', ['m-mkt'], ['n-mkt-16'], 'End “Thanks for coming” is not reachable from a start'],
      ['decision-branches', ['m-mkt'], ['n-mkt-14'], 'Decision “Asked about a course?” has only one branch'],
      ['dead-end', ['m-alu'], ['n-alu-19'], 'Step “Update address by hand” is a dead end'],
      ['missing-start', ['m-reg'], ['m-reg'], '“Registry: change of address (draft)” has no start'],
      ['missing-end', ['m-reg'], ['m-reg'], '“Registry: change of address (draft)” has no end'],
      ['uncatalogued-store', ['m-adm'], ['n-adm-20'], 'Data store “Phone message pad” is not in the catalogue'],
      ['empty-lane', ['m-dev'], ['l-dev-dir'], 'Lane “Director of Development” in “Fundraising: donation to thank-you” is empty'],
      ['unlabelled-node', ['m-dev'], ['n-dev-19'], 'Unlabelled end in lane “Finance income team” of “Fundraising: donation to thank-you”'],
    ]);
  });

  it('shows every kind of finding at least once', () => {
    expect(FINDING_KINDS.filter((k) => !findings.some((f) => f.kind === k))).toEqual([]);
    // 3 silos, 2 duplicate groups, 8 re-keying steps, 8 structural slips: nothing more.
    expect(findings).toHaveLength(21);
  });

  it('reads the same from a bundle file as from memory', () => {
    const parsed = parseBundleText(JSON.stringify(toBundle(ws, NOW)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(analyzeWorkspace(parsed.workspace)).toEqual(findings);
  });
});

describe('landscape', () => {
  const l = landscape(ws, findings);

  it('has departments by systems then standalone stores, with C and R from the data flows', () => {
    expect(l.departments.map((d) => d.id)).toEqual(ws.departments.map((d) => d.id));
    expect(l.columns.map((c) => c.id)).toEqual([...ws.systems.map((s) => s.id), 'ds-enq', 'ds-grad', 'ds-fair', 'ds-donor-files']);
    expect(l.columns.find((c) => c.id === 's-m365')!.storeIds).toEqual(['ds-adm-mbx', 'ds-alu-mbx']);
    expect(l.cells['d-reg']!['s-sits']).toBe('CR');
    expect(l.cells['d-reg']!['ds-grad']).toBe('C');
    expect(l.cells['d-alu']!['ds-grad']).toBe('R');
    expect(l.cells['d-fin']!['s-fin']).toBe('C');
    expect(l.cells['d-fin']!['s-re']).toBe('R');
    expect(l.cells['d-adm']!['s-m365']).toBe('R');
    expect(l.cells['d-adm']!['s-sits']).toBe('');
  });

  it('highlights silos and the systems or stores holding duplicates', () => {
    expect(l.highlights['s-alumdb']).toEqual(['duplicate', 'silo']);
    expect(l.highlights['ds-enq']).toEqual(['duplicate', 'silo']);
    expect(l.highlights['s-sits']).toEqual(['duplicate']);
    expect(l.highlights['s-giving']).toBeUndefined();
    expect(landscape(ws)).toEqual(l); // works the findings out itself when not given them
  });

  it('marks a readwrite access CR and leaves departments without a catalogue entry out', () => {
    const small: Workspace = {
      meta: { id: 'w', name: 'w' },
      departments: [{ id: 'a', name: 'A, "the first"' }],
      systems: [],
      dataStores: [{ id: 'x', name: '=SUM(1)', kind: 'paper', systemId: null, customerFields: ['Name'] }],
      maps: [{
        id: 'm', name: 'm', departmentId: 'a', lanes: [{ id: 'l', name: 'l' }, { id: 'l2', name: 'l2', departmentId: 'ghost' }],
        nodes: [{ id: 's', kind: 'step', laneId: 'l', label: 's' }, { id: 't', kind: 'step', laneId: 'l2', label: 't' }, { id: 'n', kind: 'dataStore', laneId: 'l', label: 'n', refId: 'x' }],
        flows: [{ id: 'f', kind: 'data', from: 'n', to: 's', access: 'readwrite' }, { id: 'g', kind: 'data', from: 't', to: 'n' }],
        view: { nodes: {}, laneHeights: {}, flowPoints: {} }, updatedAt: NOW,
      }],
    };
    expect(landscape(small).cells).toEqual({ a: { x: 'CR' } });
    // RFC 4180 quoting, CRLF line ends, and a formula-looking name defused for spreadsheets.
    expect(landscapeCsv(small)).toBe('Department,\'=SUM(1)\r\n"A, ""the first""",CR\r\nHighlights,\r\n');
  });

  it('exports the demo as CSV, one row per department plus header and highlights', () => {
    const rows = landscapeCsv(ws, findings).split('\r\n');
    expect(rows).toHaveLength(ws.departments.length + 3); // header, departments, highlights, final empty
    expect(rows[0]).toBe(`Department,${l.columns.map((c) => c.name).join(',')}`);
    expect(rows[2]!.startsWith('Registry,CR,')).toBe(true);
    expect(rows.at(-2)!.startsWith('Highlights,duplicate,')).toBe(true);
    expect(rows.at(-1)).toBe('');
  });
});

describe('analyze command', () => {
  function io(files: Record<string, string>) {
    const out: string[] = [];
    const err: string[] = [];
    const fake: AnalyzeIo = {
      readText: async (path) => {
        if (path in files) return files[path]!;
        throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      },
      out: (t) => void out.push(t),
      err: (t) => void err.push(t),
    };
    return { fake, out: () => out.join(''), err: () => err.join('') };
  }
  const bundle = JSON.stringify(toBundle(ws, NOW));

  it('prints {"findings": [...], "requirements": []} with --json', async () => {
    const t = io({ 'demo.json': bundle });
    expect(await analyzeCommand(['demo.json', '--json'], t.fake)).toBe(0);
    expect(JSON.parse(t.out())).toEqual({ findings, requirements: [] });
    expect(t.err()).toBe('');
  });

  it('prints a readable report grouped by kind without --json', async () => {
    const t = io({ 'demo.json': bundle });
    expect(await analyzeCommand(['demo.json'], t.fake)).toBe(0);
    const text = t.out();
    expect(text).toMatch(/^Workspace “University CRM \(demo\)”: 21 findings \(12 high, 7 medium, 2 low\) in 5 maps\./);
    expect(text).toContain('Silo systems and stores (3)');
    expect(text).toContain('Dead ends (1)');
    expect(text).toContain('Empty lanes (1)');
    expect(text).toContain('[high] Alumni database (Access) is a silo: only Alumni Relations uses it');
    expect(text.indexOf('Silo systems')).toBeLessThan(text.indexOf('Duplicate customer data'));
  });

  it('explains an invalid file on stderr and exits with 2', async () => {
    for (const [content, expected] of [
      ['{ not json', 'not valid JSON'],
      ['{"format":"something.else"}', 'not a Lanemap workspace file'],
      [JSON.stringify({ ...JSON.parse(bundle), schemaVersion: 9 }), 'newer version of Lanemap'],
    ] as const) {
      const t = io({ 'bad.json': content });
      expect(await analyzeCommand(['bad.json', '--json'], t.fake)).toBe(2);
      expect(t.out()).toBe('');
      expect(t.err()).toContain('bad.json is not a valid Lanemap workspace bundle');
      expect(t.err()).toContain(expected);
    }
  });

  it('exits with 2 on a missing file, a missing argument or an unknown option', async () => {
    let t = io({});
    expect(await analyzeCommand(['nope.json'], t.fake)).toBe(2);
    expect(t.err()).toContain('cannot read nope.json: no such file');
    t = io({});
    expect(await analyzeCommand([], t.fake)).toBe(2);
    expect(t.err()).toContain('Usage: lanemap analyze');
    t = io({});
    expect(await analyzeCommand(['a.json', '--yaml'], t.fake)).toBe(2);
    expect(t.err()).toContain('Unknown option --yaml');
    t = io({});
    expect(await analyzeCommand(['--help'], t.fake)).toBe(0);
    expect(t.out()).toContain('--json');
  });
});
