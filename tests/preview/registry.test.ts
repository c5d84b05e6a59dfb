// One registry of preview services: every service in the content schema has a view.
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../scripts/content-files';
import { SERVICES, type Service } from '../../src/content/schema';
import { previews, type PreviewEntry, type PreviewRegistry } from '../../src/preview/registry';

// Type fixtures, checked by `npx tsc --noEmit -p tsconfig.json` (tests are in the project): if
// the lines marked @ts-expect-error ever type-check, tsc fails on the unused directive.
export const complete: PreviewRegistry = previews;
// @ts-expect-error — a service added to the schema's enum without a registry entry does not type-check
export const withNewService: Record<Service | 'new-service', PreviewEntry> = previews;
const { results: _results, ...withoutResults } = previews;
// @ts-expect-error — nor does a registry that lost an entry
export const missingOne: PreviewRegistry = withoutResults;

describe('the preview registry', () => {
  it('has exactly one entry per service of the schema', () => {
    expect(Object.keys(previews).sort()).toEqual([...SERVICES].sort());
  });
  it('every entry says what it reads, where it answers and what it is called', () => {
    for (const [service, entry] of Object.entries(previews)) {
      expect(entry.evidence.length, service).toBeGreaterThan(0);
      expect(entry.address, service).toMatch(/^localhost:\d+$/);
      expect(entry.title, service).not.toBe('');
    }
  });
  it("every step's address is on its service's host and port", () => {
    for (const lesson of loadCourse('content').course.lessons) {
      for (const step of lesson.steps) {
        expect(step.preview.address.split('/')[0], `${lesson.id}/${step.slug}`).toBe(previews[step.preview.service].address);
      }
    }
  });
});
