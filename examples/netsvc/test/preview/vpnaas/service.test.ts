import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VpnServiceRegistry } from '../../../src/preview/vpnaas/service.js';

test('a connection needs an existing VPN service', () => {
  const registry = new VpnServiceRegistry();
  registry.create({ id: 'vpn-1', routerId: 'router-0001', subnetId: 'subnet-0001', name: 'site-a' });
  assert.equal(registry.listForRouter('router-0001').length, 1);
  assert.throws(
    () =>
      registry.connect({
        id: 'conn-1',
        vpnServiceId: 'vpn-2',
        peerAddress: '203.0.113.10',
        peerCidrs: ['10.2.0.0/24'],
        ikeVersion: 'v2',
        psk: 'secret',
      }),
    /no VPN service vpn-2/,
  );
});
