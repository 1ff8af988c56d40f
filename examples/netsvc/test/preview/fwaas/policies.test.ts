import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FirewallPolicyService } from '../../../src/preview/fwaas/policies.js';
import { FirewallRuleService } from '../../../src/preview/fwaas/rules.js';

test('inserting a rule clears the audited flag', () => {
  const rules = new FirewallRuleService();
  rules.create({ id: 'fwr-web', name: 'web', protocol: 'tcp', destinationPort: 443, sourceCidr: null, action: 'allow' });
  const policies = new FirewallPolicyService(rules);
  const policy = policies.create('fwp-edge', 'edge');
  policy.audited = true;
  policies.insertRule('fwp-edge', 'fwr-web');
  assert.deepEqual(policy.ruleIds, ['fwr-web']);
  assert.equal(policy.audited, false);
});
