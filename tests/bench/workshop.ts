// A workshop capture, scripted: the International Office's enquiry process (22 steps and
// decisions, 4 lanes, 6 systems and stores) typed into a new map through the step list, as a
// business analyst would at 1366x768. Counts actions as issue 17 does (each key or click one,
// each name typed one: a step's label, a lane's name where a line gives it, each system named)
// and keystrokes, and times it. Builds nothing: `npm run bench:browser` builds dist first.
// Serves the build on LANEMAP_BENCH_PORT (default 4193); prints a table and writes
// tests/bench/results/workshop-latest.json; never asserts.

import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch } from '../browser/support/browser';
import { servePreview } from './previewServer';

const PORT = Number(process.env.LANEMAP_BENCH_PORT ?? 4193);
const DIST = process.env.LANEMAP_DIST ?? 'dist';
const URL = `http://localhost:${PORT}/`;

const LIST = [
  'Applicant: Sends enquiry [Website forms (CMS)]',
  'Enquiries officer: Log enquiry [Enquiries spreadsheet, International mailbox]',
  'Check course and country',
  '? Course offered?',
  '  Yes: Send course information [International mailbox]',
  '  No: Suggest other courses',
  'Applicant: Reads information',
  'Finance: Quote fees [Finance system]',
  'Enquiries officer: Reply with fees [International mailbox]',
  'Applicant: Applies online [Application portal]',
  'Admissions: Receive application [SITS]',
  'Check documents',
  '? Documents complete?',
  '  No: Applicant: Send missing documents',
  '    -> Check documents',
  '  Yes: Assess application [SITS]',
  'Make offer [SITS]',
  'Applicant: Accept offer',
  'Finance: Invoice deposit [Finance system]',
  'Applicant: Pay deposit',
  'Finance: Record payment [Finance system]',
  'Admissions: Issue CAS [SITS]',
  'Enquiries officer: Close enquiry [Enquiries spreadsheet]',
];

/** Names typed on a line: its step, its lane if it names one, each system in brackets. */
function namesOn(line: string): number {
  const t = line.trim();
  if (t.startsWith('->')) return 1;
  const body = t.replace(/^\?\s*/, '').replace(/^(Yes|No):\s*/, '');
  const systems = /\[(.*)\]$/.exec(body)?.[1]?.split(',').length ?? 0;
  return 1 + (/^[^:[]+:/.test(body) ? 1 : 0) + systems + (/^(Yes|No):/.test(t) ? 1 : 0);
}

const serve = () => servePreview(DIST, PORT);

async function capture(page: Page) {
  let actions = 0;
  let keystrokes = 0;
  const key = async (k: string) => {
    actions++;
    keystrokes++;
    await page.keyboard.press(k);
  };
  const typeNames = async (text: string, names: number) => {
    actions += names;
    keystrokes += text.length;
    await page.keyboard.type(text);
  };
  const started = performance.now();
  actions++;
  await page.getByRole('button', { name: 'New map', exact: true }).click();
  await typeNames('International Office: enquiry to enrolment', 1);
  await key('Enter');
  await page.locator('.empty-hint').waitFor();
  await key('Shift+S');
  await page.getByRole('textbox', { name: 'Step list' }).waitFor();
  for (const [i, line] of LIST.entries()) {
    await typeNames(line, namesOn(line));
    if (i < LIST.length - 1) await key('Enter');
  }
  await key('Control+Enter');
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node-shape').length >= 28, undefined, { timeout: 60_000 });
  const ms = performance.now() - started;
  const drawn = await page.evaluate(() => ({
    lanes: document.querySelectorAll('.react-flow__node-lane').length,
    nodes: document.querySelectorAll('.react-flow__node-shape').length,
    stores: document.querySelectorAll('.react-flow__node-shape .shape-system, .react-flow__node-shape .shape-dataStore').length,
  }));
  return { actions, keystrokes, ms: Math.round(ms), ...drawn };
}

const stop = await serve();
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(URL);
  await page.locator('.react-flow__nodes').waitFor({ state: 'visible', timeout: 30_000 });
  const r = await capture(page);
  const rows: [string, string][] = [
    ['actions (keys + clicks, one per name typed)', `${r.actions} (target at most 100; about 165 before)`],
    ['keystrokes', String(r.keystrokes)],
    ['time from "New map" to the drawn map', `${r.ms} ms`],
    ['drawn', `${r.lanes} lanes, ${r.nodes} nodes (${r.stores} systems and stores)`],
  ];
  console.log('Workshop capture: 22 steps and decisions, 4 lanes, 6 systems and stores');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(46)} ${v}`);
  mkdirSync('tests/bench/results', { recursive: true });
  writeFileSync('tests/bench/results/workshop-latest.json', JSON.stringify({ at: new Date().toISOString(), ...r }, null, 2));
} finally {
  await browser.close();
  stop();
}
