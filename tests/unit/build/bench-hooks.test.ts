// A user's extension carries no bench hooks: the timeline entries `npm run bench` reads live in bench/hooks.ts,
// reached from product code only behind the bench build's flag, which every other build folds to false.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PRODUCT_DIRS = ['entrypoints', 'lib', 'components'];
const FLAG = 'import.meta.env.ARVIO_BENCH';

function productSources(): Array<{ path: string; text: string }> {
  return PRODUCT_DIRS.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(ts|tsx)$/.test(name))
      .map((name) => join(dir, name))
      .map((path) => ({ path, text: readFileSync(path, 'utf8') })),
  );
}

/** What a bench hook looks like in source: a write to the page's timeline, an Element Timing attribute, or a bench entry's name. */
const HOOK_PATTERNS = [/performance\.(mark|measure|clearMarks|clearMeasures)\s*\(/, /elementtiming/i, /['"`]arvio:(read|ticket-rendered|dashboard)/];

describe('bench hooks', () => {
  it('no product source writes the bench’s timeline entries itself', () => {
    const found = productSources().flatMap(({ path, text }) =>
      text.split('\n').flatMap((line, i) => (HOOK_PATTERNS.some((p) => p.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('product code uses bench/hooks only on lines behind the bench build flag', () => {
    const unguarded: string[] = [];
    let uses = 0;
    for (const { path, text } of productSources()) {
      const imports = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"](?:@\/|(?:\.\.\/)+)bench\/[^'"]*['"];?/g)];
      const names = imports.flatMap((m) => m[1]!.split(',').map((n) => n.replace(/^\s*type\s+/, '').trim()).filter(Boolean));
      let body = text;
      for (const m of imports) body = body.replace(m[0], '');
      body.split('\n').forEach((line, i) => {
        if (!names.some((name) => new RegExp(`\\b${name}\\b`).test(line))) return;
        uses++;
        if (!line.includes(FLAG)) unguarded.push(`${path}:${i + 1}: ${line.trim()}`);
      });
      // Any other way in (a namespace or default import, a re-export) would slip past the check above.
      const otherWays = text.match(/(?:import\s+(?:\*|\w+)|export\s+(?:\*|\w+|\{))[^;]*from\s*['"](?:@\/|(?:\.\.\/)+)bench\//g) ?? [];
      unguarded.push(...otherWays.map((s) => `${path}: ${s}`));
    }
    expect(unguarded).toEqual([]);
    // The bench build still gets its hooks (the read time and the sidebar's render mark).
    expect(uses).toBeGreaterThanOrEqual(2);
  });
});
