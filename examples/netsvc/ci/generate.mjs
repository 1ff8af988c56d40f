// Generates the example CI histories of netsvc (deterministic: same output every run).
//   node examples/netsvc/ci/generate.mjs
// upstream.gerrit-events.ndjson  upstream activity: uploads, Zuul's reports (the reference gate), rechecks
// healthy-ci.builds.json         a healthy third-party CI (Zuul builds API, flat shape)   -> grant
// broken-ci.ndjson               a CI silent for weeks, then failing every run on a package
//                                mirror error (normalized NDJSON)                         -> not-yet
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let seed = 20260101;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const START = Date.UTC(2026, 0, 1);
const DAYS = 75;
const HOUR = 3_600_000;
const MIN = 60_000;
const epoch = (t) => Math.floor(t / 1000);
const naive = (t) => new Date(t).toISOString().slice(0, 19);
const iso = (t) => new Date(t).toISOString().replace('.000Z', 'Z');

const events = [];
const healthy = [];
const broken = [];
let change = 2000;
let uuid = 0;
const nextUuid = () => (++uuid).toString(16).padStart(32, '0');

function zuulComment(ch, ps, t, ok) {
  events.push({
    type: 'comment-added',
    change: { project: 'netsvc', branch: 'main', number: ch },
    patchSet: { number: ps },
    author: { name: 'Zuul', username: 'zuul' },
    approvals: [{ type: 'Verified', value: ok ? '1' : '-1' }],
    comment: `Patch Set ${ps}: Verified${ok ? '+1' : '-1'}\n\nBuild ${ok ? 'succeeded' : 'failed'} (check pipeline).\n\n- netsvc-tox-py312 https://zuul.netsvc.example/build/${ch}${ps} : ${ok ? 'SUCCESS' : 'FAILURE'} in 14m 02s\n`,
    eventCreatedOn: epoch(t),
  });
}

function healthyBuildset(ch, ps, t, ok) {
  const buildset = nextUuid();
  const jobs = [
    ['healthy-tempest', true],
    ['healthy-arm64', true],
    ['healthy-centos', true],
  ];
  const infra = random() < 0.02;
  for (const [job] of jobs) {
    const end = t + (70 + Math.floor(random() * 40)) * MIN;
    let result = ok ? 'SUCCESS' : 'FAILURE';
    if (job === 'healthy-arm64' && random() < 0.3) result = 'FAILURE'; // flaky, but non-voting
    if (job === 'healthy-centos') result = 'SKIPPED'; // disabled cell
    if (job === 'healthy-tempest' && infra) result = 'NODE_FAILURE';
    healthy.push({
      uuid: nextUuid(),
      job_name: job,
      result,
      start_time: naive(t + 5 * MIN),
      end_time: naive(end),
      duration: (end - t - 5 * MIN) / 1000,
      voting: job !== 'healthy-arm64',
      log_url: result === 'NODE_FAILURE' ? null : `https://logs.healthy.example/${ch}/${ps}/${job}/`,
      error_detail: result === 'NODE_FAILURE' ? 'Node request failed' : null,
      final: true,
      project: 'netsvc',
      branch: 'main',
      pipeline: 'third-party-check',
      change: ch,
      patchset: String(ps),
      ref: `refs/changes/${ch % 100}/${ch}/${ps}`,
      event_id: buildset,
      buildset: { uuid: buildset },
    });
  }
}

function brokenRun(ch, ps, t, day) {
  const end = t + (20 + Math.floor(random() * 20)) * MIN;
  const failing = day >= 56;
  broken.push({
    type: 'run',
    system: 'broken-ci',
    id: nextUuid(),
    project: 'netsvc',
    change: String(ch),
    patchset: String(ps),
    pipeline: 'check',
    job: 'broken-functional',
    cell: '',
    voting: true,
    start: iso(t + 2 * MIN),
    end: iso(end),
    result: failing ? 'FAILURE' : 'SUCCESS',
    log: `https://ci.broken.example/logs/${ch}/${ps}/`,
    ...(failing
      ? { message: 'E: Failed to fetch http://mirror.broken.example/ubuntu/pool/main/p/python3-pip/python3-pip_24.0_all.deb  Hash Sum mismatch\nE: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?' }
      : {}),
  });
}

for (let day = 0; day < DAYS; day++) {
  const weekend = new Date(START + day * 86_400_000).getUTCDay() % 6 === 0;
  const uploads = weekend ? 2 : 5;
  for (let k = 0; k < uploads; k++) {
    const t = START + day * 86_400_000 + (7 + k * 2) * HOUR + Math.floor(random() * 50) * MIN;
    const ch = ++change;
    const patchsets = random() < 0.3 ? 2 : 1;
    for (let ps = 1; ps <= patchsets; ps++) {
      const up = t + (ps - 1) * 3 * HOUR;
      events.push({
        type: 'patchset-created',
        change: { project: 'netsvc', branch: 'main', number: String(ch) },
        patchSet: { number: String(ps), createdOn: epoch(up) },
        uploader: { name: 'Dev Eloper' },
        eventCreatedOn: epoch(up),
      });
      const ok = random() > 0.1;
      zuulComment(ch, ps, up + 40 * MIN, ok);
      healthyBuildset(ch, ps, up + 10 * MIN, ok);
      if (day < 20 || day >= 56) brokenRun(ch, ps, up + 5 * MIN, day);
      if (!ok && random() < 0.5) {
        const r = up + 90 * MIN;
        events.push({
          type: 'comment-added',
          change: { project: 'netsvc', branch: 'main', number: ch },
          patchSet: { number: ps },
          author: { name: 'Dev Eloper', username: 'dev' },
          comment: `Patch Set ${ps}:\n\nrecheck`,
          eventCreatedOn: epoch(r),
        });
        zuulComment(ch, ps, r + 40 * MIN, true);
        healthyBuildset(ch, ps, r + 10 * MIN, true);
      }
    }
  }
}

events.sort((a, b) => a.eventCreatedOn - b.eventCreatedOn);
writeFileSync(join(here, 'upstream.gerrit-events.ndjson'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
writeFileSync(join(here, 'healthy-ci.builds.json'), JSON.stringify(healthy.reverse(), null, 0).replace(/\},\{/g, '},\n{') + '\n');
writeFileSync(join(here, 'broken-ci.ndjson'), broken.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`${events.length} upstream events, ${healthy.length} healthy builds, ${broken.length} broken runs`);
