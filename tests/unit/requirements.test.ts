import { describe, expect, it } from 'vitest';
import { analyzeWorkspace, requirementsCsv } from '../../src/core/analysis';
import { addRequirement, CommandError, linkRequirementFinding, removeRequirement, updateRequirement } from '../../src/core/commands';
import { demoWorkspace } from '../../src/core/demo';
import type { Requirement } from '../../src/core/model/types';
import { parseBundleText, toBundle } from '../../src/core/schema/bundle';
import { expectNoOp, expectUndoable, runCmd, workspace } from './fixtures/maps';

const NOW = '2026-11-22T10:00:00Z';

describe('requirements proposed by findings', () => {
  const findings = analyzeWorkspace(demoWorkspace(NOW));

  it('each data finding proposes one in plain words; structural slips propose none', () => {
    const dup = findings.find((f) => f.id === 'duplicate-data:ds-enq,ds-fair,ds-mail-mkt')!;
    expect(dup.requirement).toBe('Keep records of prospective students once, shared by Admissions and Marketing');
    expect(findings.find((f) => f.id === 'silo-system:ds-enq')!.requirement)
      .toBe('Hold the customers now kept in Enquiries spreadsheet in the CRM, where every department that works with them can see them');
    expect(findings.find((f) => f.id === 'manual-rekeying:m-adm:n-adm-2')!.requirement)
      .toBe('Move name, e-mail address and phone number from Admissions enquiries mailbox to Enquiries spreadsheet without anyone typing them again');
    for (const f of findings) expect(f.requirement === undefined, f.id).toBe(!['silo-system', 'duplicate-data', 'manual-rekeying'].includes(f.kind));
  });
});

describe('the requirements list', () => {
  const req = (id: string, extra: Partial<Requirement> = {}): Requirement => ({ id, text: `Requirement ${id}`, priority: 'essential', findingIds: [], ...extra });

  it('adds, edits, marks, links and removes, each undoably; empty words are refused and change nothing', () => {
    let ws = expectUndoable(addRequirement, workspace(), { requirement: req('r1', { text: '  Keep contacts once ', findingIds: ['f1', 'f1'] }) });
    expect(ws.meta.requirements).toEqual([{ id: 'r1', text: 'Keep contacts once', priority: 'essential', findingIds: ['f1'] }]);
    ws = expectUndoable(updateRequirement, ws, { id: 'r1', text: 'Keep applicants’ contacts once', priority: 'optional' });
    ws = expectUndoable(linkRequirementFinding, ws, { id: 'r1', findingId: 'f2', linked: true });
    expectNoOp(linkRequirementFinding, ws, { id: 'r1', findingId: 'f2', linked: true });
    expect(ws.meta.requirements![0]).toEqual({ id: 'r1', text: 'Keep applicants’ contacts once', priority: 'optional', findingIds: ['f1', 'f2'] });
    expect(() => runCmd(updateRequirement, ws, { id: 'r1', text: '   ' })).toThrow(CommandError);
    expect(() => runCmd(addRequirement, ws, { requirement: req('r2', { text: '' }) })).toThrow('A requirement needs some words');
    ws = expectUndoable(linkRequirementFinding, ws, { id: 'r1', findingId: 'f1', linked: false });
    ws = expectUndoable(removeRequirement, ws, { id: 'r1' });
    expect('requirements' in ws.meta).toBe(false);
  });

  it('is kept through the bundle, and a bad priority is refused naming the field', () => {
    const ws = demoWorkspace(NOW);
    ws.meta = { ...ws.meta, requirements: [req('r1', { findingIds: ['silo-system:ds-enq'] }), req('r2', { priority: 'optional' })] };
    const text = JSON.stringify(toBundle(ws, NOW));
    const back = parseBundleText(text);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.workspace.meta.requirements).toEqual(ws.meta.requirements);
    const bad = JSON.parse(text);
    bad.workspace.requirements[1].priority = 'nice';
    const refused = parseBundleText(JSON.stringify(bad));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]!.path).toBe('workspace.requirements[1].priority');
  });

  it('exports a CSV: essential first, each with the titles of its findings, a finding gone said so, formulas defused', () => {
    const ws = demoWorkspace(NOW);
    ws.meta = {
      ...ws.meta,
      requirements: [
        req('r1', { text: '=HYPERLINK("x")', priority: 'optional' }),
        req('r2', { text: 'One record per applicant, shared', findingIds: ['silo-system:ds-enq', 'silo-system:gone'] }),
      ],
    };
    expect(requirementsCsv(ws, analyzeWorkspace(ws)).split('\r\n')).toEqual([
      'Requirement,Priority,Findings',
      'One record per applicant, shared,Essential,Enquiries spreadsheet is a silo: only Admissions uses it; A finding no longer found in the maps'
        .replace(/^([^,]*, shared)/, '"$1"'),
      `"'=HYPERLINK(""x"")",Optional,`,
      '',
    ]);
  });
});
