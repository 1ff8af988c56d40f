import { createHash } from 'node:crypto';
import { InputError } from '../../errors.js';
import { formatDay, parseTimestamp } from '../time.js';
import type { SourceFormat } from '../types.js';
import { httpGet, redactUrl, type HttpOptions } from './http.js';

/**
 * Live sources: `zuul:URL` (a Zuul builds API URL), `gerrit:URL` (a Gerrit /changes/ query URL)
 * and `github:OWNER/REPO` (GitHub Actions workflow runs). Each yields its pages as text, in the
 * same format as the files, so the file readers parse them. Credentials come from the
 * environment: ZUUL_TOKEN (Bearer), GERRIT_USER + GERRIT_HTTP_PASSWORD (Basic; use an /a/ URL),
 * GITHUB_TOKEN or GH_TOKEN (Bearer; GITHUB_API_URL overrides https://api.github.com).
 *
 * Credentials stay with their origin: every page is fetched from the origin of the URL given (a
 * GitHub `Link: rel="next"` to another origin is refused; redirects to another origin drop the
 * Authorization header, as fetch does). Pagination that never ends is an error, never a silently
 * truncated history: a page seen before, a `next` URL seen before, or reaching the page cap
 * (`--max-pages`, default 1000) while the server still offers more.
 */

interface LiveSource {
  format: SourceFormat;
  /** What to show in messages (no credentials). */
  display: string;
  pages: AsyncIterable<string>;
}

interface LiveOptions {
  /** Only data since this day (UTC day number). */
  sinceDay?: number | undefined;
  env: NodeJS.ProcessEnv;
  onRetry?: (message: string) => void;
  /** Page cap (default 1000): reaching it while more pages are offered is an error. */
  maxPages?: number | undefined;
  pageSize?: number;
}

const XSSI = ")]}'";

export function parseFromSpec(spec: string): { kind: 'zuul' | 'gerrit' | 'github'; target: string } {
  const m = /^(zuul|gerrit|github):(\S+)$/.exec(spec.trim());
  if (!m) throw new InputError(`--from ${JSON.stringify(spec)}: expected zuul:URL, gerrit:URL or github:OWNER/REPO`);
  const kind = m[1] as 'zuul' | 'gerrit' | 'github';
  const target = m[2] as string;
  if (kind === 'github') {
    if (!/^[\w.-]+\/[\w.-]+$/.test(target)) throw new InputError(`--from ${spec}: expected github:OWNER/REPO`);
  } else if (!/^https?:\/\//.test(target)) {
    throw new InputError(`--from ${spec}: expected an http(s) URL after "${kind}:"`);
  }
  return { kind, target };
}

/** Opens a live source from a `--from` spec. */
export function openLiveSource(spec: string, options: LiveOptions): LiveSource {
  const { kind, target } = parseFromSpec(spec);
  if (kind === 'zuul') return { format: 'zuul', display: `zuul:${target.split('?')[0]}`, pages: zuulPages(target, options) };
  if (kind === 'gerrit') return { format: 'gerrit', display: `gerrit:${target.split('?')[0]}`, pages: gerritPages(target, options) };
  return { format: 'github', display: `github:${target}`, pages: githubPages(target, options) };
}

const DEFAULT_MAX_PAGES = 1000;

function http(options: LiveOptions, headers: Record<string, string>): HttpOptions {
  return { headers, onRetry: options.onRetry };
}

/**
 * Guards one paginated fetch: each page must differ from every page before it, and there must be
 * at most `maxPages` of them. `next` is called once a page is known to be followed by another.
 */
class PageGuard {
  private readonly seen = new Map<string, number>();
  private pages = 0;
  readonly max: number;

  constructor(
    private readonly source: string,
    options: LiveOptions,
  ) {
    this.max = options.maxPages ?? DEFAULT_MAX_PAGES;
  }

  /** Records a page's body; throws when the same body came before (the server ignores paging). */
  page(text: string): void {
    this.pages++;
    const hash = createHash('sha256').update(text).digest('hex');
    const before = this.seen.get(hash);
    if (before !== undefined) {
      throw new InputError(
        `${this.source}: page ${this.pages} repeats page ${before} (the server ignores the paging parameters); stopped, as the history would be incomplete or endless`,
      );
    }
    this.seen.set(hash, this.pages);
  }

  /** Called before fetching the next page: throws when the cap is reached. */
  more(): void {
    if (this.pages >= this.max) {
      throw new InputError(
        `${this.source}: still more pages after ${this.max} (the page cap); the history would be incomplete: narrow it with --since, or raise --max-pages`,
      );
    }
  }
}

function parsePage(text: string, url: string): unknown {
  const body = text.startsWith(XSSI) ? text.slice(XSSI.length) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new InputError(`${url.split('?')[0]}: the response is not JSON (${(error as Error).message})`);
  }
}

async function* zuulPages(url: string, options: LiveOptions): AsyncGenerator<string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.env.ZUUL_TOKEN) headers.authorization = `Bearer ${options.env.ZUUL_TOKEN}`;
  const base = new URL(url);
  const limit = Number(base.searchParams.get('limit') ?? options.pageSize ?? 100);
  base.searchParams.set('limit', String(limit));
  const since = options.sinceDay === undefined ? undefined : options.sinceDay * 86_400_000;
  const guard = new PageGuard(`zuul:${url.split('?')[0]}`, options);
  for (let skip = Number(base.searchParams.get('skip') ?? 0); ; guard.more()) {
    base.searchParams.set('skip', String(skip));
    const { text } = await httpGet(base.toString(), http(options, headers));
    const builds = parsePage(text, url);
    if (!Array.isArray(builds)) throw new InputError(`${url.split('?')[0]}: expected an array of builds`);
    guard.page(text);
    yield text;
    if (builds.length < limit) return;
    if (since !== undefined) {
      const ends = builds
        .map((b) => parseTimestamp((b as Record<string, unknown> | null)?.end_time))
        .filter((t): t is number => t !== undefined);
      if (ends.length > 0 && Math.max(...ends) < since) return; // newest first: the rest is older
    }
    skip += builds.length;
  }
}

async function* gerritPages(url: string, options: LiveOptions): AsyncGenerator<string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const user = options.env.GERRIT_USER;
  const password = options.env.GERRIT_HTTP_PASSWORD;
  if (user && password) headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const base = new URL(url);
  const options_ = base.searchParams.getAll('o');
  if (!options_.includes('MESSAGES')) base.searchParams.append('o', 'MESSAGES');
  if (options.sinceDay !== undefined) {
    const q = base.searchParams.get('q') ?? '';
    base.searchParams.set('q', `${q} after:"${formatDay(options.sinceDay)}"`.trim());
  }
  const size = Number(base.searchParams.get('n') ?? options.pageSize ?? 100);
  base.searchParams.set('n', String(size));
  const guard = new PageGuard(`gerrit:${url.split('?')[0]}`, options);
  for (let start = Number(base.searchParams.get('S') ?? 0); ; guard.more()) {
    base.searchParams.set('S', String(start));
    const { text } = await httpGet(base.toString(), http(options, headers));
    const changes = parsePage(text, url);
    if (!Array.isArray(changes)) throw new InputError(`${url.split('?')[0]}: expected an array of changes`);
    guard.page(text);
    yield text;
    const last = changes[changes.length - 1] as Record<string, unknown> | undefined;
    if (!last || last._more_changes !== true) return;
    start += changes.length;
  }
}

async function* githubPages(repo: string, options: LiveOptions): AsyncGenerator<string> {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
  const token = options.env.GITHUB_TOKEN ?? options.env.GH_TOKEN;
  if (token) headers.authorization = `Bearer ${token}`;
  const api = (options.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  const first = new URL(`${api}/repos/${repo}/actions/runs`);
  first.searchParams.set('per_page', String(options.pageSize ?? 100));
  if (options.sinceDay !== undefined) first.searchParams.set('created', `>=${formatDay(options.sinceDay)}`);
  const guard = new PageGuard(`github:${repo}`, options);
  const urls = new Set<string>();
  for (let next: string | undefined = first.toString(); next !== undefined; ) {
    urls.add(next);
    const { text, headers: responseHeaders } = await httpGet(next, http(options, headers));
    parsePage(text, next);
    guard.page(text);
    yield text;
    const link = nextLink(responseHeaders.get('link'));
    next = link === undefined ? undefined : checkNext(link, next, first.origin, urls, `github:${repo}`);
    if (next !== undefined) guard.more();
  }
}

/**
 * A `rel="next"` URL, resolved against the page it came from, if it may be followed: on the API's
 * own origin (the token goes nowhere else) and not seen before (no endless loop).
 */
function checkNext(link: string, page: string, origin: string, seen: ReadonlySet<string>, source: string): string {
  let next: URL;
  try {
    next = new URL(link, page);
  } catch {
    throw new InputError(`${source}: the Link header's next page is not a URL`);
  }
  if (next.origin !== origin) {
    throw new InputError(
      `${source}: the next page is on another origin (${next.origin}, not ${origin}); not following it, so the token stays with its origin; the history would be incomplete`,
    );
  }
  if (seen.has(next.toString())) {
    throw new InputError(`${source}: the next page ${redactUrl(next.toString())} was fetched before (endless pagination); the history would be incomplete`);
  }
  return next.toString();
}

/** The rel="next" URL of a Link header. */
function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}
