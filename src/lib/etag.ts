import { preconditionFailed, preconditionRequired } from '../errors';

/**
 * The ETag of a resource version. Strong: one version has one representation, and RFC 9110
 * compares If-Match strongly, so a weak tag there could never match.
 */
export function etagFor(version: number): string {
  return `"${version}"`;
}

const ENTITY_TAG = /^\s*(?:W\/)?"(\d{1,9})"\s*$/;

/**
 * The versions an If-Match header accepts, or 'any' for `*`. Clients built before the tags were
 * strong send back the weak form (`W/"3"`); it still names the same version and is accepted.
 * Throws 428 when the header is absent and 412 when it names no version at all.
 */
export function expectedVersions(ifMatch: string | undefined): number[] | 'any' {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw preconditionRequired('Send If-Match with the ETag of the version you are changing.');
  }
  if (ifMatch.trim() === '*') return 'any';
  const versions = ifMatch.split(',').map((tag) => ENTITY_TAG.exec(tag)?.[1]);
  if (versions.some((v) => v === undefined)) throw preconditionFailed('If-Match does not name a version of this resource.');
  return versions.map(Number);
}

/** True when the current version satisfies the expectation from If-Match. */
export function versionMatches(expected: number[] | 'any', current: number): boolean {
  return expected === 'any' || expected.includes(current);
}
