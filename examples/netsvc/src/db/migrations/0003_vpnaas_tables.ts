import { createTable, type Migration } from '../migration.js';
import { VPNAAS_TABLES } from '../../preview/vpnaas/model.js';

const [services, connections] = VPNAAS_TABLES;

export const migration: Migration = {
  id: '0003',
  description: 'VPN as a service (preview) tables',
  up: [
    createTable(services, ['id TEXT PRIMARY KEY', 'router_id TEXT REFERENCES routers(id)', 'subnet_id TEXT REFERENCES subnets(id)', 'name TEXT']),
    createTable(connections, ['id TEXT PRIMARY KEY', 'vpn_service_id TEXT REFERENCES vpnservices(id)', 'peer_address TEXT', 'peer_cidrs TEXT', 'ike_version TEXT', 'psk TEXT']),
  ],
};
