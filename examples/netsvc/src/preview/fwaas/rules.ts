import type { FirewallAction, FirewallProtocol, FirewallRule } from './model.js';

export interface Packet {
  protocol: Exclude<FirewallProtocol, 'any'>;
  destinationPort: number;
  sourceIp: string;
}

export class FirewallRuleService {
  private readonly rules = new Map<string, FirewallRule>();

  create(rule: Omit<FirewallRule, 'enabled'>): FirewallRule {
    const created = { ...rule, enabled: true };
    this.rules.set(created.id, created);
    return created;
  }

  get(id: string): FirewallRule {
    const rule = this.rules.get(id);
    if (!rule) {
      throw new Error(`no firewall rule ${id}`);
    }
    return rule;
  }

  disable(id: string): void {
    this.get(id).enabled = false;
  }
}

/** Whether a rule applies to a packet (source CIDRs are matched on their /24 prefix only). */
export function ruleMatches(rule: FirewallRule, packet: Packet): boolean {
  if (!rule.enabled) return false;
  if (rule.protocol !== 'any' && rule.protocol !== packet.protocol) return false;
  if (rule.destinationPort !== null && rule.destinationPort !== packet.destinationPort) return false;
  if (rule.sourceCidr !== null) {
    const prefix = rule.sourceCidr.split('.').slice(0, 3).join('.');
    if (!packet.sourceIp.startsWith(`${prefix}.`)) return false;
  }
  return true;
}

export function actionFor(rules: FirewallRule[], packet: Packet): FirewallAction {
  return rules.find((rule) => ruleMatches(rule, packet))?.action ?? 'deny';
}
