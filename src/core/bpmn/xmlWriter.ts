// A small XML tree and its serialiser, for writing BPMN: elements with attributes, children or
// text, escaped and indented. Characters XML 1.0 forbids, and bidi controls, are dropped rather
// than written.

import { writableText } from '../text/bidi';

export type Attrs = Record<string, string | number | undefined>;

export interface XmlNode {
  name: string;
  attrs: Attrs;
  children: XmlNode[];
  text?: string;
}

export const x = (name: string, attrs: Attrs = {}, children: (XmlNode | undefined)[] = []): XmlNode => ({
  name,
  attrs,
  children: children.filter((c): c is XmlNode => !!c),
});

export const xText = (name: string, text: string, attrs: Attrs = {}): XmlNode => ({ name, attrs, children: [], text });

const escapeText = (s: string) => writableText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

const number = (n: number) => String(Math.round(n * 100) / 100);

function write(node: XmlNode, indent: string, out: string[]): void {
  const attrs = Object.entries(node.attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? number(v) : escapeAttr(v)}"`)
    .join('');
  if (node.text !== undefined) out.push(`${indent}<${node.name}${attrs}>${escapeText(node.text)}</${node.name}>`);
  else if (node.children.length === 0) out.push(`${indent}<${node.name}${attrs} />`);
  else {
    out.push(`${indent}<${node.name}${attrs}>`);
    for (const c of node.children) write(c, `${indent}  `, out);
    out.push(`${indent}</${node.name}>`);
  }
}

export function serialise(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
