import type { NetworkService } from './network.js';
import { Table, type Row } from './store.js';

export type DeviceOwner = 'compute:nova' | 'network:router_interface' | 'network:dhcp' | '';

export interface Port extends Row {
  networkId: string;
  macAddress: string;
  fixedIps: string[];
  deviceOwner: DeviceOwner;
  deviceId: string;
}

export class PortService {
  private readonly ports = new Table<Port>('port');
  private macCounter = 0;

  constructor(private readonly networks: NetworkService) {}

  create(networkId: string, deviceOwner: DeviceOwner = '', deviceId = ''): Port {
    this.networks.get(networkId);
    return this.ports.insert({
      id: this.ports.newId(),
      networkId,
      macAddress: this.nextMac(),
      fixedIps: [],
      deviceOwner,
      deviceId,
    });
  }

  listForDevice(deviceId: string): Port[] {
    return this.ports.list((port) => port.deviceId === deviceId);
  }

  delete(id: string): void {
    this.ports.delete(id);
  }

  private nextMac(): string {
    this.macCounter += 1;
    const tail = this.macCounter.toString(16).padStart(6, '0');
    return `fa:16:3e:${tail.slice(0, 2)}:${tail.slice(2, 4)}:${tail.slice(4, 6)}`;
  }
}
