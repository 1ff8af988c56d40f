import { Command } from 'commander';
import { createServices } from './services.js';
// lifecycle-disable-next-line no-preview-import -- the CLI entry point is the plugin loader that mounts preview command groups
import { registerFirewallCommands } from './preview/fwaas/cli.js';

export function buildProgram(): Command {
  const services = createServices();
  const program = new Command('netsvc').description('Manage networks, subnets, ports and routers');

  program
    .command('net-create <name>')
    .description('Create a network')
    .option('--mtu <mtu>', 'maximum transmission unit', '1500')
    .action((name: string, options: { mtu: string }) => {
      console.log(JSON.stringify(services.networks.create(name, { mtu: Number(options.mtu) })));
    });

  program
    .command('subnet-create <network> <cidr>')
    .description('Create a subnet on a network')
    .action((network: string, cidr: string) => {
      console.log(JSON.stringify(services.subnets.create(network, cidr)));
    });

  program
    .command('router-create <name>')
    .description('Create a router')
    .action((name: string) => {
      console.log(JSON.stringify(services.routers.create(name)));
    });

  registerFirewallCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}
