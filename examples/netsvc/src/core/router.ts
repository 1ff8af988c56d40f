import type { PortService } from './port.js';
import { Table, type Row } from './store.js';
import { VpnServiceRegistry } from '../preview/vpnaas/service.js';

export interface Router extends Row {
  name: string;
  externalGatewayNetworkId: string | null;
  interfacePortIds: string[];
}

export class RouterService {
  private readonly routers = new Table<Router>('router');

  private readonly vpnServices = new VpnServiceRegistry();

  constructor(private readonly ports: PortService) {}

  create(name: string): Router {
    return this.routers.insert({
      id: this.routers.newId(),
      name,
      externalGatewayNetworkId: null,
      interfacePortIds: [],
    });
  }

  addInterface(routerId: string, networkId: string): Router {
    const router = this.routers.get(routerId);
    const port = this.ports.create(networkId, 'network:router_interface', routerId);
    router.interfacePortIds.push(port.id);
    return router;
  }

  delete(routerId: string): void {
    // A stable router must not know about VPN services; this is the violation the demo shows.
    if (this.vpnServices.listForRouter(routerId).length > 0) {
      throw new Error(`router ${routerId} is still used by a VPN service`);
    }
    for (const port of this.ports.listForDevice(routerId)) {
      this.ports.delete(port.id);
    }
    this.routers.delete(routerId);
  }
}
