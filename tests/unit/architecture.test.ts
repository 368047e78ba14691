// The dependency direction of lib/: folders import each other without cycles, and lib/model depends on nothing but zod.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = resolve('lib');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Each lib folder's imports of other lib folders (relative imports only; packages are named as such). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files(LIB)) {
    const from = relative(LIB, file).split('/')[0]!;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)) {
      if (!spec!.startsWith('.')) continue;
      const target = relative(LIB, resolve(dirname(file), spec!)).split('/')[0]!;
      if (target !== from && !target.startsWith('..')) edges.add(target);
    }
  }
  return graph;
}

function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const visit = (node: string, path: string[]): void => {
    for (const next of graph.get(node) ?? []) {
      if (next === path[0]) found.push([...path, next]);
      else if (!path.includes(next) && next > path[0]!) visit(next, [...path, next]);
    }
  };
  for (const node of [...graph.keys()].sort()) visit(node, [node]);
  return found;
}

describe('the shape of lib/', () => {
  it('has no import cycle between its folders (lib/db and lib/sync among them)', () => {
    const graph = folderGraph();
    expect(graph.get('db')?.has('sync')).toBe(false);
    expect(cycles(graph)).toEqual([]);
  });

  it('lib/model imports only zod and itself', () => {
    const outside = files(join(LIB, 'model')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)]
        .map((m) => m[1]!)
        .filter((spec) => spec !== 'zod' && spec !== 'zod/mini' && !spec.startsWith('./')),
    );
    expect(outside).toEqual([]);
  });

  it("every lib folder is reached through its index.ts, from the pages, the components, other lib folders and the server", () => {
    // Tests and the bench may reach inside a folder (they test and time its parts); product code may not.
    const roots = ['entrypoints', 'components', 'lib', 'server/src'].map((dir) => resolve(dir));
    const deep = roots.flatMap(files).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].flatMap(([, spec]) => {
        const path = spec!.startsWith('@/lib/') ? resolve(spec!.slice(2)) : spec!.startsWith('.') ? resolve(dirname(file), spec!) : null;
        if (path === null) return [];
        const [folder, ...inside] = relative(LIB, path).split('/');
        if (folder === undefined || folder.startsWith('..') || inside.length === 0) return [];
        const own = relative(LIB, file).split('/')[0];
        return own === folder ? [] : [`${relative(resolve('.'), file)} → ${spec}`];
      }),
    );
    expect(deep).toEqual([]);
  });

  it('every lib folder has an index.ts', () => {
    const folders = readdirSync(LIB).filter((name) => statSync(join(LIB, name)).isDirectory());
    expect(folders.filter((folder) => !readdirSync(join(LIB, folder)).includes('index.ts'))).toEqual([]);
  });
});
