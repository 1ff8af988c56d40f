import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NetworkService } from '../../src/core/network.js';

test('a network gets an id and the default MTU', () => {
  const networks = new NetworkService();
  const network = networks.create('private');
  assert.equal(network.id, 'net-0001');
  assert.equal(network.mtu, 1500);
  assert.deepEqual(networks.list(), [network]);
});
