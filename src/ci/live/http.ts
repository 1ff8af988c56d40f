import { InputError } from '../../errors.js';

/** HTTP GET with retries: 429 and 5xx answers and network errors are retried with backoff. */

export interface HttpOptions {
  /** Extra request headers (credentials go here, never into URLs or messages). */
  headers: Record<string, string>;
  /** Attempts per request (default 5). */
  attempts?: number;
  /** First backoff delay in ms, doubled each retry (default 1000; LIFECYCLE_HTTP_RETRY_BASE_MS). */
  baseDelayMs?: number;
  /** Longest wait honoured from Retry-After (default 60 s). */
  maxDelayMs?: number;
  timeoutMs?: number;
  /** Called before each retry (for progress on stderr). */
  onRetry?: (message: string) => void;
}

interface HttpResponse {
  text: string;
  headers: Headers;
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/** The URL without credentials or token-like query parameters, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/token|password|secret|key|auth/i.test(key)) parsed.searchParams.set(key, 'REDACTED');
    }
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** GETs a URL; retries 429/5xx/network errors; throws InputError (without credentials) on failure. */
export async function httpGet(url: string, options: HttpOptions): Promise<HttpResponse> {
  const attempts = options.attempts ?? 5;
  const envBase = Number(process.env.LIFECYCLE_HTTP_RETRY_BASE_MS);
  const base = options.baseDelayMs ?? (Number.isFinite(envBase) && envBase >= 0 ? envBase : 1000);
  const maxDelay = options.maxDelayMs ?? 60_000;
  const shown = redactUrl(url);
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let delay = base * 2 ** (attempt - 1);
    try {
      const response = await fetch(url, {
        headers: { 'user-agent': 'feature-lifecycle (ci-readiness)', ...options.headers },
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
        redirect: 'follow',
      });
      if (response.ok) return { text: await response.text(), headers: response.headers };
      await response.body?.cancel();
      const rateLimited = response.status === 403 && response.headers.get('x-ratelimit-remaining') === '0';
      lastProblem = `HTTP ${response.status} ${response.statusText}`.trim();
      if (!RETRY_STATUSES.has(response.status) && !rateLimited) {
        const hint = response.status === 401 || response.status === 403 ? ' (check the token environment variable)' : '';
        throw new InputError(`GET ${shown} failed: ${lastProblem}${hint}`);
      }
      const after = retryAfterMs(response.headers);
      if (after !== undefined) delay = after;
    } catch (error) {
      if (error instanceof InputError) throw error;
      lastProblem = (error as Error).name === 'TimeoutError' ? 'timed out' : `network error (${(error as Error).message})`;
    }
    if (attempt < attempts) {
      const wait = Math.min(delay, maxDelay);
      options.onRetry?.(`GET ${shown}: ${lastProblem}; retry ${attempt} of ${attempts - 1} in ${Math.round(wait)} ms`);
      await sleep(wait);
    }
  }
  throw new InputError(`GET ${shown} failed after ${attempts} attempts: ${lastProblem}`);
}
