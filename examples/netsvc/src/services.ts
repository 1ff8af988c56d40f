import { NetworkService } from './core/network.js';
import { PortService } from './core/port.js';
import { RouterService } from './core/router.js';
import { SubnetService } from './core/subnet.js';

/** The stable services of netsvc, wired together once. */
export interface Services {
  networks: NetworkService;
  subnets: SubnetService;
  ports: PortService;
  routers: RouterService;
}

export function createServices(): Services {
  const networks = new NetworkService();
  const ports = new PortService(networks);
  return {
    networks,
    subnets: new SubnetService(networks),
    ports,
    routers: new RouterService(ports),
  };
}
