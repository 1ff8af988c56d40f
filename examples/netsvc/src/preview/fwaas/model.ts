/** Firewall as a service (preview): the data model. The shape may still change. */
export type FirewallAction = 'allow' | 'deny' | 'reject';
export type FirewallProtocol = 'tcp' | 'udp' | 'icmp' | 'any';

export interface FirewallRule {
  id: string;
  name: string;
  protocol: FirewallProtocol;
  destinationPort: number | null;
  sourceCidr: string | null;
  action: FirewallAction;
  enabled: boolean;
}

export interface FirewallPolicy {
  id: string;
  name: string;
  /** Rule ids, evaluated in order; the first match wins. */
  ruleIds: string[];
  audited: boolean;
}

/** Tables created by migration 0002. */
export const FWAAS_TABLES = ['firewall_rules', 'firewall_policies', 'firewall_policy_rules'] as const;
