import type { IpsecSiteConnection, VpnService } from './model.js';

/** Keeps VPN services and their IPsec site connections (preview). */
export class VpnServiceRegistry {
  private readonly services: VpnService[] = [];
  private readonly connections: IpsecSiteConnection[] = [];

  create(service: VpnService): VpnService {
    this.services.push(service);
    return service;
  }

  connect(connection: IpsecSiteConnection): IpsecSiteConnection {
    if (!this.services.some((service) => service.id === connection.vpnServiceId)) {
      throw new Error(`no VPN service ${connection.vpnServiceId}`);
    }
    this.connections.push(connection);
    return connection;
  }

  listForRouter(routerId: string): VpnService[] {
    return this.services.filter((service) => service.routerId === routerId);
  }

  connectionsOf(vpnServiceId: string): IpsecSiteConnection[] {
    return this.connections.filter((connection) => connection.vpnServiceId === vpnServiceId);
  }
}
