import { posix } from 'node:path';
import picomatch from 'picomatch';

/**
 * Where the tests of a feature are expected (`preview.tests` with the id filled in), and whether
 * that place exists. When it does not, asking to move a test there would send the user to an
 * invented folder: the hint names the policy setting that expresses where the project keeps its
 * tests instead, from the test's own place (`features.<id>.tests: ["packages/x/src/**\/*.test.ts"]`).
 */
/** Without a listing of the project's files (one file in an editor), the folder is taken to exist. */
export function testHome(testGlobs: readonly string[], feature: string, listedFiles: readonly string[] | undefined): { globs: string[]; exists: boolean } {
  const globs = testGlobs.map((glob) => glob.split('{feature}').join(feature));
  const bases = globs.map((glob) => picomatch.scan(glob).base).filter((base) => base !== '');
  const exists = listedFiles === undefined || bases.length < globs.length || listedFiles.some((file) => bases.some((base) => file.startsWith(`${base}/`)));
  return { globs, exists };
}

/** The glob that says "tests sit here", from one test file: `src/x/a.test.ts` → `src/x/**\/*.test.ts`; `pkg/__tests__/a.ts` → `pkg/__tests__/**`. */
export function colocatedTestGlob(testFile: string): string {
  const folder = /^(.*?\/(?:__tests__|tests?))\//.exec(testFile);
  if (folder) return `${folder[1]}/**`;
  const name = posix.basename(testFile);
  const kind = /\.(test|spec)\.([^.]+)$/.exec(name);
  return `${posix.dirname(testFile)}/**/${kind ? `*.${kind[1]}.${kind[2]}` : name}`;
}
