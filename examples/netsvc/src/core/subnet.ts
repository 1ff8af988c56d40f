import type { NetworkService } from './network.js';
import { Table, type Row } from './store.js';

export interface Subnet extends Row {
  networkId: string;
  cidr: string;
  gatewayIp: string;
  ipVersion: 4 | 6;
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** The first usable address of an IPv4 CIDR, the conventional gateway. */
export function defaultGateway(cidr: string): string {
  const match = IPV4_CIDR.exec(cidr);
  if (!match) {
    throw new Error(`not an IPv4 CIDR: ${cidr}`);
  }
  const [, a, b, c, d] = match;
  return `${a}.${b}.${c}.${Number(d) + 1}`;
}

export class SubnetService {
  private readonly subnets = new Table<Subnet>('subnet');

  constructor(private readonly networks: NetworkService) {}

  create(networkId: string, cidr: string): Subnet {
    this.networks.get(networkId);
    return this.subnets.insert({
      id: this.subnets.newId(),
      networkId,
      cidr,
      gatewayIp: defaultGateway(cidr),
      ipVersion: 4,
    });
  }

  listForNetwork(networkId: string): Subnet[] {
    return this.subnets.list((subnet) => subnet.networkId === networkId);
  }
}
