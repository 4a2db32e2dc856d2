/**
 * Numbers are written one way (1,415, never 1415) and labels come from the domain: a scan of every
 * page and component for a count printed raw or a code turned into words by string manipulation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? svelteFiles(join(dir, d.name)) : d.name.endsWith('.svelte') ? [join(dir, d.name)] : [],
  );
}

const files = svelteFiles(SRC).map((path) => ({
  path: path.slice(SRC.length + 1),
  text: readFileSync(path, 'utf8'),
}));

/** `{x.totalCount}`, `{h.employees}`, `{pagination.total}`: a count put on the page as it came. */
const RAW_COUNT =
  /\{[A-Za-z_][\w.?!]*\.(?:totalCount|count|total|employees|posts|vacantPosts|transferring|[a-z]+Count|[a-z]+Total)\}/g;
/** A code turned into words on the page: `code.replace(/_/g, ' ')`, `x.role.toLowerCase()`. */
const HOMEMADE_LABEL =
  /\.replace\(\/_\/g|replaceAll\('_'|\.(?:role|status|ownerOrg|workstreamCode)\.toLowerCase\(\)/g;

describe('numbers and labels on every page', () => {
  it('finds the pages to scan', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('prints no count without grouping its thousands (formatCount)', () => {
    const raw = files.flatMap((f) => [...f.text.matchAll(RAW_COUNT)].map((m) => `${f.path}: ${m[0]}`));
    expect(raw).toEqual([]);
  });

  it('turns no code into words by string manipulation (labels come from @handover/domain)', () => {
    // The import page writes column names (employee.pension_number), not codes.
    const homemade = files
      .filter((f) => f.path !== 'routes/people/import/[id]/+page.svelte')
      .flatMap((f) => [...f.text.matchAll(HOMEMADE_LABEL)].map((m) => `${f.path}: ${m[0]}`));
    expect(homemade).toEqual([]);
  });
});
