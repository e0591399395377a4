#!/usr/bin/env python3
"""Paired rounds of the throughput benchmark: the protocol of PERFORMANCE.md ("A protocol that can decide 0.3 ms").

Each round runs every arm once, back to back, in an order rotated by one arm per round (so that no arm always runs
first or after the same neighbour); each run is the whole `throughput --store postgres` command, SQLite's one process
right before PostgreSQL's two workers, so that each run carries its own measure of the machine's speed. Then, for each
arm against the first (the baseline), the per-round paired differences, how many rounds went each way, and the medians.

  bench/paired-rounds.py run --rounds 8 --out DIR --db postgres://… --work DIR ARM...
  bench/paired-rounds.py summary DIR

An ARM is NAME=FLAGS: throughput flags, e.g. `default=`, `old=--queue-uncompressed`; `--bench-dll=PATH` runs another
build of the benchmark (a copy built aside, to compare two commits), and `VAR=VALUE` sets an environment variable for
the whole run (both stores' processes). The runs use the built Release benchmark of this folder (build first).
"""
import os
import re
import statistics
import subprocess
import sys
import time

BENCH = ['dotnet', 'bench/Storyline.Benchmarks/bin/Release/net10.0/Storyline.Benchmarks.dll', 'throughput']


def parse_run(text, corpus):
    """The figures of one run's output, or None where it did not finish."""
    sqlite = re.search(r'^%s \(SQLite\): .*?\(([\d,.]+) reports/s\).*?run CPU ([\d.]+) ms' % corpus, text, re.M | re.S)
    pg = re.search(r'^%s \(PostgreSQL, \d+ worker processes\): .*?\(([\d,.]+) reports/s\)(.*?)allocated' % corpus, text, re.M | re.S)
    if not sqlite or not pg:
        return None
    run = re.search(r"run CPU ([\d.]+) ms/report \(after start-up; the server's ([\d.]+)\)", pg.group(2))
    compiler = re.search(r'background compiler [\d.]+ s \(([\d.]+) ms', pg.group(2))
    part = re.search(r'// %s: stories of .*?partitions (\w+(?: \w+)?)' % corpus, text)
    load = re.search(r'^start \S+ (\S+)', text, re.M)
    sq_rate, pg_rate = float(sqlite.group(1).replace(',', '')), float(pg.group(1).replace(',', ''))
    # As a user sees it: every process from exec to exit, CPU with start-up (a line added at issue 24's ninth stop).
    user = re.search(r'^// %s: exec to exit, .*? reports/s = ([\d.]+); CPU SQLite / PostgreSQL = ([\d.]+) / ([\d.]+) ms/report = ([\d.]+); '
                     r'idle core-s SQLite / PostgreSQL ([-\d.]+) / ([-\d.]+)' % corpus, text, re.M)
    nan = float('nan')
    return {
        'user_wall_ratio': float(user.group(1)) if user else nan,
        'user_cpu_ratio': float(user.group(4)) if user else nan,
        'sqlite_user_cpu': float(user.group(2)) if user else nan,
        'pg_user_cpu': float(user.group(3)) if user else nan,
        'sqlite_idle': float(user.group(5)) if user else nan,
        'pg_idle': float(user.group(6)) if user else nan,
        'load': float(load.group(1)) if load else float('nan'),
        'sqlite_cpu': float(sqlite.group(2)),
        'pg_cpu': float(run.group(1)),
        'server': float(run.group(2)),
        'compiler': float(compiler.group(1)) if compiler else float('nan'),
        'wall_ratio': pg_rate / sq_rate,
        'cpu_ratio': float(sqlite.group(2)) / float(run.group(1)),
        'partitions': part.group(1) if part else '?',
    }


def arms_of(specs):
    arms = []
    for spec in specs:
        name, _, flags = spec.partition('=')
        arms.append((name, flags.split()))
    return arms


def run(args):
    opts, specs = {}, []
    i = 0
    while i < len(args):
        if args[i] in ('--rounds', '--out', '--db', '--work', '--corpus'):
            opts[args[i]] = args[i + 1]
            i += 2
        else:
            specs.append(args[i])
            i += 1
    rounds, out = int(opts.get('--rounds', '8')), opts['--out']
    corpus = opts.get('--corpus', 'timeline17')
    arms = arms_of(specs)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, 'arms.txt'), 'w') as f:
        f.write(corpus + '\n' + '\n'.join(specs) + '\n')
    for r in range(rounds):
        k = r % len(arms)
        for name, flags in arms[k:] + arms[:k]:
            path = os.path.join(out, f'{r + 1}-{name}.txt')
            bench = [BENCH[0], next((x.split('=', 1)[1] for x in flags if x.startswith('--bench-dll=')), BENCH[1]), BENCH[2]]
            env = dict(os.environ, **dict(x.split('=', 1) for x in flags if re.match(r'[A-Z_][A-Z0-9_]*=', x)))
            rest = [x for x in flags if not x.startswith('--bench-dll=') and not re.match(r'[A-Z_][A-Z0-9_]*=', x)]
            with open(path, 'w') as f:
                f.write(f'start {time.strftime("%H:%M:%S", time.gmtime())} {open("/proc/loadavg").read().split()[0]}\n')
                f.flush()
                rc = subprocess.call(bench + ['--corpora', corpus, '--store', 'postgres', '--db', opts['--db'], '--work', opts['--work']] + rest,
                                     stdout=f, stderr=subprocess.STDOUT, env=env)
                f.write(f'rc={rc} end {time.strftime("%H:%M:%S", time.gmtime())} {open("/proc/loadavg").read().split()[0]}\n')
            print(f'round {r + 1} {name}: {parse_run(open(path).read(), corpus)}', flush=True)
    summary([out])


def summary(args):
    out = args[0]
    lines = open(os.path.join(out, 'arms.txt')).read().split('\n')
    corpus, arms = lines[0], arms_of([l for l in lines[1:] if l])
    runs = {}
    for name in os.listdir(out):
        m = re.match(r'(\d+)-(.+)\.txt$', name)
        if m:
            figures = parse_run(open(os.path.join(out, name)).read(), corpus)
            if figures:
                runs[(int(m.group(1)), m.group(2))] = figures
    rounds = sorted({r for r, _ in runs})
    names = [n for n, _ in arms]
    print(f'{corpus}, {len(rounds)} rounds; per round and arm: wall ratio, CPU ratio (SQLite / PostgreSQL run CPU), '
          'PostgreSQL run CPU (server) ms a report, load at the start, partitions; then exec to exit: wall ratio, CPU ratio, '
          'PostgreSQL CPU ms a report, idle core-s SQLite / PostgreSQL')
    print('| round | ' + ' | '.join(names) + ' |')
    print('| --- |' + ' --- |' * len(names))
    for r in rounds:
        cells = []
        for n in names:
            x = runs.get((r, n))
            cells.append('—' if x is None else
                         f"{x['wall_ratio']:.3f}, {x['cpu_ratio']:.3f}, {x['pg_cpu']:.2f} ({x['server']:.2f}), {x['load']:.1f}, {x['partitions']}; "
                         f"{x['user_wall_ratio']:.3f}, {x['user_cpu_ratio']:.3f}, {x['pg_user_cpu']:.2f}, {x['sqlite_idle']:.1f} / {x['pg_idle']:.1f}")
        print(f'| {r} | ' + ' | '.join(cells) + ' |')
    for n in names:
        xs = [runs[(r, n)] for r in rounds if (r, n) in runs]
        print(f"median {n}: wall ratio {statistics.median(x['wall_ratio'] for x in xs):.3f}, CPU ratio {statistics.median(x['cpu_ratio'] for x in xs):.3f}, "
              f"PostgreSQL run CPU {statistics.median(x['pg_cpu'] for x in xs):.2f}, server {statistics.median(x['server'] for x in xs):.2f}, "
              f"compiler {statistics.median(x['compiler'] for x in xs):.2f}, SQLite run CPU {statistics.median(x['sqlite_cpu'] for x in xs):.2f}; "
              f"exec to exit: wall ratio {statistics.median(x['user_wall_ratio'] for x in xs):.3f}, CPU ratio {statistics.median(x['user_cpu_ratio'] for x in xs):.3f}, "
              f"PostgreSQL CPU {statistics.median(x['pg_user_cpu'] for x in xs):.2f}, SQLite CPU {statistics.median(x['sqlite_user_cpu'] for x in xs):.2f}, "
              f"idle core-s {statistics.median(x['sqlite_idle'] for x in xs):.2f} / {statistics.median(x['pg_idle'] for x in xs):.2f}; "
              f"partitions equal in {sum(x['partitions'] == 'equal' for x in xs)} of {len(xs)}")
    base = names[0]
    for n in names[1:]:
        pairs = [(runs[(r, base)], runs[(r, n)]) for r in rounds if (r, base) in runs and (r, n) in runs]
        print(f'{n} against {base}, {len(pairs)} paired rounds (differences {n} minus {base}; "better" counts rounds where {n} was better):')
        for key, higher_better in (('cpu_ratio', True), ('wall_ratio', True), ('pg_cpu', False), ('server', False), ('sqlite_cpu', False),
                                   ('user_cpu_ratio', True), ('user_wall_ratio', True), ('pg_user_cpu', False), ('pg_idle', False)):
            d = [b[key] - a[key] for a, b in pairs]
            better = sum(1 for x in d if (x > 0) == higher_better and x != 0)
            print(f"  {key:15} median difference {statistics.median(d):+.3f}, better in {better} of {len(d)}: "
                  + ', '.join(f'{x:+.3f}' for x in d))


if __name__ == '__main__':
    if len(sys.argv) < 3 or sys.argv[1] not in ('run', 'summary'):
        print(__doc__)
        sys.exit(2)
    (run if sys.argv[1] == 'run' else summary)(sys.argv[2:])
