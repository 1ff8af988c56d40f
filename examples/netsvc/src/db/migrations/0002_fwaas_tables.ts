import { createTable, type Migration } from '../migration.js';
import { FWAAS_TABLES } from '../../preview/fwaas/model.js';

const [rules, policies, policyRules] = FWAAS_TABLES;

export const migration: Migration = {
  id: '0002',
  description: 'firewall as a service (preview) tables',
  up: [
    createTable(rules, ['id TEXT PRIMARY KEY', 'name TEXT', 'protocol TEXT', 'destination_port INTEGER', 'source_cidr TEXT', 'action TEXT', 'enabled BOOLEAN']),
    createTable(policies, ['id TEXT PRIMARY KEY', 'name TEXT', 'audited BOOLEAN']),
    createTable(policyRules, ['policy_id TEXT REFERENCES firewall_policies(id)', 'rule_id TEXT REFERENCES firewall_rules(id)', 'position INTEGER']),
  ],
};
