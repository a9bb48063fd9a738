import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBpmn } from '../../src/core/bpmn';
import { decodeText } from '../../src/core/importing/importFile';
import { ImportError } from '../../src/core/formats/importResult';

// Files that cannot be read give an ImportError that says why and what to do, never another
// exception and never a hang; files that can be read in part import what they can.

const NOW = '2026-11-23T10:00:00Z';
const NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const opts = (fileName: string) => ({ fileName, now: NOW });
const corpus = (file: string) => decodeText(new Uint8Array(readFileSync(`../shared/corpus/bpmn-miwg/reference/${file}`)));

/** The ImportError a file gives (failing the test if it gives none, or another error). */
function refusal(text: string, fileName = 'broken.bpmn'): ImportError {
  try {
    importBpmn(text, opts(fileName));
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error(`${fileName} was imported`);
}

describe('BPMN files that cannot be read', () => {
  it('refuses a file cut short at any point, naming the file and the line', () => {
    const text = corpus('B.1.0.bpmn');
    for (const at of [0.02, 0.25, 0.5, 0.75, 0.98]) {
      const e = refusal(text.slice(0, Math.floor(text.length * at)), 'cut.bpmn');
      expect(e.message).toMatch(/“cut\.bpmn” is not a readable BPMN file.*line \d+.*cut short.*[Ee]xport it again/s);
    }
    expect(refusal(text.slice(0, text.lastIndexOf('<')), 'cut.bpmn').message).toMatch(/line \d+/);
  });

  it('refuses what is not XML at all', () => {
    expect(refusal('Process: receive order, ship it.').message).toMatch(/not a readable BPMN file/);
    expect(refusal('').message).toMatch(/empty/);
    const png = new TextDecoder('latin1').decode(readFileSync('../shared/corpus/bpmn-miwg/reference/A.1.0.png').subarray(0, 4000));
    expect(refusal(png, 'picture.bpmn').message).toMatch(/“picture\.bpmn”/);
  });

  it('refuses XML that is not BPMN, saying what the root is and what to export', () => {
    const svg = refusal('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', 'drawing.xml');
    expect(svg.message).toMatch(/“drawing\.xml” is XML but not BPMN 2\.0: its root element is <svg>.*BPMN 2\.0 XML/);
    // A <definitions> in another namespace (DMN, for one) is not BPMN either.
    expect(refusal('<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"/>').message).toMatch(/not BPMN 2\.0/);
  });

  it('refuses a BPMN file with no process or collaboration', () => {
    const e = refusal(`<definitions xmlns="${NS}" id="d"><message id="m"/></definitions>`, 'empty.bpmn');
    expect(e.message).toMatch(/“empty\.bpmn” is a BPMN file with no process or collaboration/);
  });

  it('refuses a file over 20 MB before reading it', () => {
    const big = `<definitions xmlns="${NS}"><process id="p"><documentation>${'x'.repeat(21 * 1024 * 1024)}</documentation></process></definitions>`;
    expect(refusal(big, 'huge.bpmn').message).toMatch(/“huge\.bpmn” is 21\.0 MB; Lanemap imports files up to 20 MB/);
  });

  it('refuses elements nested without end', () => {
    const deep = `<definitions xmlns="${NS}"><process id="p">${'<extensionElements>'.repeat(50_000)}${'</extensionElements>'.repeat(50_000)}</process></definitions>`;
    expect(refusal(deep).message).toMatch(/could not be read as XML: it nests elements more deeply than any diagram needs/);
  });

  it('refuses entity declarations (a billion laughs) instead of expanding them', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE definitions [\n<!ENTITY lol0 "lol">\n${levels}\n]>\n<definitions xmlns="${NS}"><process id="p"><task id="t" name="&lol9;"/></process></definitions>`;
    expect(refusal(bomb).message).toMatch(/declares its own XML entities/);
  });

  it('never throws anything but an ImportError on damaged copies of a real file', () => {
    const text = corpus('A.2.0.bpmn');
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let imported = 0;
    for (let i = 0; i < 60; i++) {
      const a = Math.floor(random() * text.length);
      const b = Math.min(text.length, a + Math.floor(random() * 400));
      // Drop a span, or repeat it elsewhere: broken tags, lost ids, flows to nowhere.
      const damaged = i % 2 === 0 ? text.slice(0, a) + text.slice(b) : text.slice(0, b) + text.slice(a, b) + text.slice(b);
      try {
        const r = importBpmn(damaged, opts('damaged.bpmn'));
        imported++;
        for (const m of r.workspace.maps) {
          const ids = new Set(m.nodes.map((n) => n.id));
          expect(m.flows.every((f) => ids.has(f.from) && ids.has(f.to))).toBe(true);
        }
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
      }
    }
    expect(imported).toBeGreaterThan(0);
  });

  it('imports a file whose flows point at nothing, leaving those flows out with a warning', () => {
    const text = `<definitions xmlns="${NS}"><process id="p"><startEvent id="s"/><task id="t" name="Do"/>
      <sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="gone"/></process></definitions>`;
    const { workspace, warnings } = importBpmn(text, opts('loose.bpmn'));
    expect(workspace.maps[0]!.flows).toHaveLength(1);
    expect(warnings.some((w) => /1 connector without a shape at both ends left out/.test(w))).toBe(true);
  });
});
