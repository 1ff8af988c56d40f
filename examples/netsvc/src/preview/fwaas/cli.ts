import type { Command } from 'commander';
import { FirewallPolicyService } from './policies.js';
import { FirewallRuleService } from './rules.js';

/** Mounts the `firewall` command group (preview) on the netsvc CLI. */
export function registerFirewallCommands(program: Command): void {
  const rules = new FirewallRuleService();
  const policies = new FirewallPolicyService(rules);

  const firewall = program
    .command('firewall')
    .description('[preview] Manage firewall rules and policies (FWaaS); the API may change');

  firewall
    .command('rule-create <name>')
    .description('[preview] Create a firewall rule')
    .option('--protocol <protocol>', '[preview] tcp, udp, icmp or any', 'any')
    .option('--port <port>', '[preview] destination port')
    .option('--action <action>', '[preview] allow, deny or reject', 'deny')
    .action((name: string, options: { protocol: string; port?: string; action: string }) => {
      const rule = rules.create({
        id: `fwr-${name}`,
        name,
        protocol: options.protocol as 'tcp' | 'udp' | 'icmp' | 'any',
        destinationPort: options.port === undefined ? null : Number(options.port),
        sourceCidr: null,
        action: options.action as 'allow' | 'deny' | 'reject',
      });
      console.log(JSON.stringify(rule));
    });

  firewall
    .command('policy-create <name> [rules...]')
    .description('[preview] Create a firewall policy from rule ids, in order')
    .action((name: string, ruleIds: string[]) => {
      console.log(JSON.stringify(policies.create(`fwp-${name}`, name, ruleIds)));
    });
}
