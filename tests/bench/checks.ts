/**
 * Benchmark of `runbook check`: every check of the guides against the AWS
 * emulator with the default concurrency, and, in the same run, the same
 * filled commands one after another in a plain shell loop. Prints wall
 * time, the ratio, and CPU time per check run (the tool and its children).
 *
 *   npm run bench
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCatalog } from '../../runbooks/catalog.ts';
import { resolveParams } from '../../runbooks/execute/params.ts';
import { fillCommand } from '../../runbooks/fill.ts';
import { loadRunbooks } from '../../runbooks/validate.ts';
import { account, awsEnv, exec, projectRoot, startMoto } from '../integration/harness.ts';

const regions = ['us-east-1', 'eu-west-1'];
const params: Record<string, string> = {
  VPC_ID: 'vpc-0123456789abcdef0',
  LOAD_BALANCER_ARN:
    'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/0123456789abcdef',
  TRAIL_ARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail',
};

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Runs `script` under bash and reads its children's CPU time from `times`. */
async function timed(script: string, env: Record<string, string>): Promise<Timing> {
  const started = performance.now();
  const result = await exec('bash', ['-c', `${script}\ntimes`], { env, timeoutMs: 600000 });
  const wallMs = performance.now() - started;
  const children = result.stdout.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
    (m) => Number(m[1]) * 60 + Number(m[2]),
  );
  if (seconds.length !== 2) throw new Error(`could not read times: ${result.stdout}\n${result.stderr}`);
  return { wallMs, cpuMs: (seconds[0]! + seconds[1]!) * 1000 };
}

async function main(): Promise<void> {
  const loaded = await loadRunbooks({ paths: ['docs'], cwd: projectRoot, routeBase: '/docs' });
  const checks = buildCatalog(loaded.runbooks, 'https://bench.invalid/').runbooks.filter(
    (r) => r.kind === 'check',
  );
  const runs = checks.flatMap((c) => {
    const resolved = resolveParams(c, params);
    if (!resolved.ok) throw new Error(`${c.id}: ${resolved.message}`);
    const command = fillCommand(c.commands[0]!.code, resolved.values);
    return (c.scope === 'all-regions' ? regions : [regions[0]!]).map((region) => ({ region, command }));
  });

  const moto = await startMoto();
  try {
    const env = awsEnv(moto.url);
    await exec('aws', ['organizations', 'create-organization', '--feature-set', 'ALL'], { env });

    const folder = mkdtempSync(path.join(tmpdir(), 'runbook-bench-'));
    const loop = path.join(folder, 'loop.sh');
    writeFileSync(
      loop,
      runs
        .map(
          (r, i) =>
            `cat > ${folder}/cmd${i}.sh <<'BENCH_EOF'\nset -euo pipefail\n${r.command}\nBENCH_EOF\n` +
            `AWS_REGION=${r.region} AWS_DEFAULT_REGION=${r.region} bash ${folder}/cmd${i}.sh >/dev/null 2>&1 || true`,
        )
        .join('\n') + '\n',
    );
    const paramArgs = Object.entries(params)
      .map(([k, v]) => `--param ${k}=${v}`)
      .join(' ');
    const tool =
      `cd ${projectRoot} && node scripts/runbook.js check --format json --account ${account} ` +
      `--regions ${regions.join(',')} ${paramArgs} >/dev/null 2>&1 || true`;

    // Warm the CLI's caches once, so neither side pays for a cold start.
    await timed(`bash ${loop}`, env);
    const baseline = await timed(`bash ${loop}`, env);
    const measured = await timed(tool, env);

    const perRun = (t: Timing) => (t.cpuMs / runs.length).toFixed(0);
    console.log(`checks: ${checks.length}, check runs (check x region): ${runs.length}`);
    console.log(`plain shell loop, one after another: ${(baseline.wallMs / 1000).toFixed(1)} s wall, ${perRun(baseline)} ms CPU per check run`);
    console.log(`runbook check, default concurrency:  ${(measured.wallMs / 1000).toFixed(1)} s wall, ${perRun(measured)} ms CPU per check run`);
    console.log(`ratio (runbook check / loop), wall: ${(measured.wallMs / baseline.wallMs).toFixed(2)}, CPU: ${(measured.cpuMs / baseline.cpuMs).toFixed(2)}`);
  } finally {
    await moto.stop();
  }
}

await main();
