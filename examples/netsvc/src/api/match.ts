import type { Method, Route } from './routes.js';

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Finds the route for a request; `:name` segments become params. */
export function matchRoute(routes: Route[], method: Method, path: string): RouteMatch | undefined {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matched = pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(segment);
        return true;
      }
      return part === segment;
    });
    if (matched) return { route, params };
  }
  return undefined;
}
