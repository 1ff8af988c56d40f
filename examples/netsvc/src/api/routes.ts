import type { Services } from '../services.js';

export type Method = 'GET' | 'POST' | 'DELETE';

export interface Route {
  method: Method;
  path: string;
  handle: (services: Services, params: Record<string, string>, body: unknown) => unknown;
}

/** The stable HTTP API (Neutron-style v2.0 paths). */
export const routes: Route[] = [
  { method: 'GET', path: '/v2.0/networks', handle: (s) => s.networks.list() },
  {
    method: 'POST',
    path: '/v2.0/networks',
    handle: (s, _params, body) => s.networks.create(String((body as { name?: unknown }).name ?? '')),
  },
  { method: 'GET', path: '/v2.0/networks/:id', handle: (s, p) => s.networks.get(p.id ?? '') },
  { method: 'DELETE', path: '/v2.0/networks/:id', handle: (s, p) => s.networks.delete(p.id ?? '') },
  { method: 'GET', path: '/v2.0/subnets/:networkId', handle: (s, p) => s.subnets.listForNetwork(p.networkId ?? '') },
  { method: 'DELETE', path: '/v2.0/routers/:id', handle: (s, p) => s.routers.delete(p.id ?? '') },
];
