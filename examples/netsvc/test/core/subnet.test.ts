import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NetworkService } from '../../src/core/network.js';
import { defaultGateway, SubnetService } from '../../src/core/subnet.js';

test('the gateway is the first address of the CIDR', () => {
  assert.equal(defaultGateway('10.0.0.0/24'), '10.0.0.1');
});

test('a subnet needs an existing network', () => {
  const subnets = new SubnetService(new NetworkService());
  assert.throws(() => subnets.create('net-9999', '10.0.0.0/24'), /no row with id net-9999/);
});
