import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../src/core/analysis';
import { demoWorkspace } from '../../src/core/demo';
import { costText } from '../../src/core/report/findingsContent';

describe('the cost of a finding in the report', () => {
  const demo = demoWorkspace('2026-01-01T00:00:00Z');
  const findings = analyzeWorkspace(demo);

  it('names one or two missing measures, and counts a longer list with its first entry instead of filling the cell', () => {
    const long = findings.find((f) => (f.cost?.missing.length ?? 0) > 2);
    const short = findings.find((f) => (f.cost?.missing.length ?? 0) === 1);
    expect(long).toBeDefined();
    expect(short).toBeDefined();
    const missing = long!.cost!.missing;
    const text = costText(long!);
    expect(text).toBe(`Not known yet: ${missing.length} steps lack measures, the first ${missing[0]}`);
    expect(text).not.toContain(missing[missing.length - 1]!);
    expect(costText(short!)).toBe(`Not known yet: missing ${short!.cost!.missing[0]}`);
  });

  it('keeps every demo finding’s cost cell to a few lines', () => {
    const longest = Math.max(...findings.map((f) => costText(f).length));
    // Before, the customer-records group's cell listed its 8 unmeasured steps: 909 characters.
    expect(longest).toBeLessThan(250);
  });
});
