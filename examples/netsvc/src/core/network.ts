import { Table, type Row } from './store.js';

export interface Network extends Row {
  name: string;
  adminStateUp: boolean;
  mtu: number;
  shared: boolean;
}

export class NetworkService {
  private readonly networks = new Table<Network>('net');

  create(name: string, options: Partial<Pick<Network, 'mtu' | 'shared'>> = {}): Network {
    return this.networks.insert({
      id: this.networks.newId(),
      name,
      adminStateUp: true,
      mtu: options.mtu ?? 1500,
      shared: options.shared ?? false,
    });
  }

  get(id: string): Network {
    return this.networks.get(id);
  }

  list(): Network[] {
    return this.networks.list();
  }

  delete(id: string): void {
    this.networks.delete(id);
  }
}
