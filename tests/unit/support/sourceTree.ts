import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

// Reads src/ as a graph of files and their imports, for the structural test: import cycles,
// room sizes, window globals, key listeners, the package list.

export type SourceFiles = Map<string, string>;

export function readSources(root: string): SourceFiles {
  const out: SourceFiles = new Map();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name)) out.set(relative(root, p).split(sep).join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(join(root, 'src'));
  return out;
}

/** Specifiers of every import of a file: static (type-only ones too) and dynamic, and re-exports. */
export function importSpecifiers(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm)) specs.push(m[1]!);
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) specs.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  // A package's file found at run time (a font) is needed at run time as much as an import.
  for (const m of text.matchAll(/\.resolve\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

/** The file a relative specifier names, among `files`, or null (a package, a CSS file). */
export function resolveImport(files: SourceFiles, from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = normalize(join(dirname(from), spec)).split(sep).join('/');
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) if (files.has(base + ext)) return base + ext;
  return null;
}

export function importGraph(files: SourceFiles): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    graph.set(file, importSpecifiers(text).flatMap((s) => resolveImport(files, file, s) ?? []));
  }
  return graph;
}

/** Groups of files that import each other, directly or round a loop (Tarjan's strongly connected components). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** Lines per room: `src/<layer>/<room>`, a folder (with everything under it) or a file. */
export function roomSizes(files: SourceFiles): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [file, text] of files) {
    const parts = file.split('/');
    if (parts.length < 3) continue;
    const room = parts.slice(0, 3).join('/');
    sizes.set(room, (sizes.get(room) ?? 0) + text.split('\n').length);
  }
  return sizes;
}

/** Places that hang something on window or globalThis (`window.__x = `, `Object.assign(window, …)`). */
export function windowGlobals(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b(?:window|globalThis|self)\b(?:\s+as\s+[^)]+\))?\s*(?:\.\s*__\w+|\[\s*['"`][^'"`]+['"`]\s*\])\s*=(?!=)/g)) found.push(m[0]);
  for (const m of text.matchAll(/Object\.(?:assign|defineProperty|defineProperties)\(\s*(?:window|globalThis|self)\b/g)) found.push(m[0]);
  return found;
}

/** `addEventListener('keydown' | 'keyup' | 'keypress', …)` calls on any target. */
export function keyListeners(text: string): number {
  return [...text.matchAll(/addEventListener\(\s*['"`]key(?:down|up|press)['"`]/g)].length;
}

/** Packages a file imports by name (not relative paths, `node:` built-ins or virtual modules). */
export function packageImports(text: string): string[] {
  return importSpecifiers(text)
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !s.startsWith('virtual:'))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

export const isFile = (p: string): boolean => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};
