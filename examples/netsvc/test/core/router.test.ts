import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServices } from '../../src/services.js';

test('deleting a router deletes its interface ports', () => {
  const { networks, ports, routers } = createServices();
  const network = networks.create('private');
  const router = routers.create('edge');
  routers.addInterface(router.id, network.id);
  assert.equal(ports.listForDevice(router.id).length, 1);
  routers.delete(router.id);
  assert.equal(ports.listForDevice(router.id).length, 0);
});
