import type { FirewallPolicy } from './model.js';
import { actionFor, type FirewallRuleService, type Packet } from './rules.js';

export class FirewallPolicyService {
  private readonly policies = new Map<string, FirewallPolicy>();

  constructor(private readonly rules: FirewallRuleService) {}

  create(id: string, name: string, ruleIds: string[] = []): FirewallPolicy {
    for (const ruleId of ruleIds) this.rules.get(ruleId);
    const policy: FirewallPolicy = { id, name, ruleIds, audited: false };
    this.policies.set(id, policy);
    return policy;
  }

  insertRule(policyId: string, ruleId: string, position = Number.POSITIVE_INFINITY): FirewallPolicy {
    const policy = this.get(policyId);
    this.rules.get(ruleId);
    policy.ruleIds.splice(Math.min(position, policy.ruleIds.length), 0, ruleId);
    policy.audited = false;
    return policy;
  }

  evaluate(policyId: string, packet: Packet): string {
    const rules = this.get(policyId).ruleIds.map((ruleId) => this.rules.get(ruleId));
    return actionFor(rules, packet);
  }

  get(id: string): FirewallPolicy {
    const policy = this.policies.get(id);
    if (!policy) {
      throw new Error(`no firewall policy ${id}`);
    }
    return policy;
  }
}
