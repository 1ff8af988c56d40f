import { createTable, type Migration } from '../migration.js';

export const migration: Migration = {
  id: '0001',
  description: 'networks, subnets, ports and routers',
  up: [
    createTable('networks', ['id TEXT PRIMARY KEY', 'name TEXT', 'admin_state_up BOOLEAN', 'mtu INTEGER', 'shared BOOLEAN']),
    createTable('subnets', ['id TEXT PRIMARY KEY', 'network_id TEXT REFERENCES networks(id)', 'cidr TEXT', 'gateway_ip TEXT']),
    createTable('ports', ['id TEXT PRIMARY KEY', 'network_id TEXT REFERENCES networks(id)', 'mac_address TEXT', 'device_owner TEXT', 'device_id TEXT']),
    createTable('routers', ['id TEXT PRIMARY KEY', 'name TEXT', 'external_gateway_network_id TEXT']),
  ],
};
