import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionFor, FirewallRuleService } from '../../../src/preview/fwaas/rules.js';

test('the first matching rule decides; no match denies', () => {
  const rules = new FirewallRuleService();
  const ssh = rules.create({
    id: 'fwr-ssh',
    name: 'ssh',
    protocol: 'tcp',
    destinationPort: 22,
    sourceCidr: '192.168.1.0/24',
    action: 'allow',
  });
  assert.equal(actionFor([ssh], { protocol: 'tcp', destinationPort: 22, sourceIp: '192.168.1.7' }), 'allow');
  assert.equal(actionFor([ssh], { protocol: 'tcp', destinationPort: 22, sourceIp: '10.0.0.7' }), 'deny');
});
