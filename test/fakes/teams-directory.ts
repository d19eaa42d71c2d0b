/**
 * A DirectoryLookup fake: departments from a map, optionally failing.
 */
import type { DirectoryLookup } from '../../adapters/teams';

/** Answers from `departments`; throws while `failing` is set. Records every lookup. */
export class FakeDirectoryLookup implements DirectoryLookup {
  readonly lookups: string[] = [];
  failing = false;
  constructor(private readonly departments: ReadonlyMap<string, string> = new Map()) {}
  async lookupDepartment(aadObjectId: string): Promise<string | undefined> {
    this.lookups.push(aadObjectId);
    if (this.failing) throw new Error('directory unavailable');
    return this.departments.get(aadObjectId);
  }
}
