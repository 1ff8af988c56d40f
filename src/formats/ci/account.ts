import type { AccountReport, SystemResult } from '../../ci/result.js';

/** A `ci.changeUrl` template filled for one patchset (`{change}`, `{patchset}`, `{project}`), or undefined. */
export function changeUrl(template: string | undefined, change: string, patchset?: string | null, project?: string | null): string | undefined {
  if (!template) return undefined;
  return template
    .replace(/\{change\}/g, encodeURIComponent(change))
    .replace(/\{patchset\}/g, encodeURIComponent(patchset ?? ''))
    .replace(/\{project\}/g, (project ?? '').split('/').map(encodeURIComponent).join('/'));
}

/** How a patchset is named in plain text: `change 880101/2`, with its link when there is a template. */
export function changeText(template: string | undefined, change: string, patchset?: string | null): string {
  const url = changeUrl(template, change, patchset);
  return `change ${change}${patchset ? `/${patchset}` : ''}${url ? ` <${url}>` : ''}`;
}

/** How a patchset is named in Markdown: a link when there is a template. */
export function changeMarkdown(template: string | undefined, change: string, patchset?: string | null): string {
  const label = `${change}${patchset ? `/${patchset}` : ''}`;
  const url = changeUrl(template, change, patchset);
  return url ? `change [${label}](${url})` : `change ${label}`;
}

type Namer = (change: string, patchset?: string | null) => string;

function report(item: AccountReport | null, name: Namer, withClass: boolean): string {
  if (!item) return 'none in the history';
  return `${item.at}, ${name(item.change, item.patchset)}${withClass ? ` (${item.class})` : ''}`;
}

/** The short account, one `[label, text]` pair per line: what a verdict leads with. */
export function accountLines(system: SystemResult, name: Namer): Array<[string, string]> {
  const { account } = system;
  const failing = account.failingSince
    ? `${report(account.failingSince, name, true)}; ${account.failuresSinceGood} failed report${account.failuresSinceGood === 1 ? '' : 's'} since the last good one`
    : account.lastSeen
      ? 'none: its latest counted report passed'
      : 'none in the history';
  const silence = account.longestSilence;
  const votes = account.failingVotes;
  const failingVotes = !votes
    ? 'not shown by this history (Zuul builds and GitHub runs carry no votes)'
    : votes.count === 0
      ? `none: no ${votes.label}${votes.vote} in the window`
      : `${votes.count} ${votes.label}${votes.vote} in the window, ${votes.onInfra} of them on infra or unknown failures; latest ${report(votes.latest, name, true)}`;
  return [
    ['last good report', report(account.lastGood, name, false)],
    ['failing since', failing],
    ['failing votes', failingVotes],
    ['longest silence', silence ? `${silence.hours} h, from ${silence.from} to ${silence.open ? `${silence.to} (still silent)` : silence.to}` : 'none while upstream was active'],
    ['last seen', report(account.lastSeen, name, true)],
  ];
}
