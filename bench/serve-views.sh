#!/usr/bin/env bash
# How long `serve` takes to answer each view of a 20,000-report story for the first time, optionally while a
# 1,500-report POST /api/ingest runs (issue 23's floor: 5 s). Usage, from the repository root:
#
#   bench/serve-views.sh [post] [WORK_FOLDER]     # default folder: /var/tmp/storyline-serve-views
#
# The archive is generated once (one flood story: each report a sentence naming four of 20 Libyan towns, 28 days)
# and a fresh copy of it is served by the Release build for every run. Times are curl's time_total.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-}"
work="${2:-/var/tmp/storyline-serve-views}"
port=5931
mkdir -p "$work"
cd "$work"

generate() { # $1 reports, $2 first day, $3 days, $4 title, $5 source, $6 sentence with T1..T4 and N
  awk -v n="$1" -v first="$2" -v days="$3" -v title="$4" -v source="$5" -v text="$6" 'BEGIN {
    split("Derna Bayda Sousse Tobruk Shahat Susah Marj Benghazi Ajdabiya Misrata Sirte Zliten Khoms Tripoli Zawiya Sabratha Gharyan Nalut Sabha Ghat", town, " ")
    srand(23)
    split(first, ymd, "-")
    for (i = 0; i < n; i++) {
      day = ymd[3] + int(i * days / n); month = ymd[2]; year = ymd[1]
      if (day > 30) { day -= 30; month++ }
      delete used; line = text
      for (k = 1; k <= 4; k++) { do { t = int(rand() * 20) + 1 } while (t in used); used[t] = 1; gsub("T" k, town[t], line) }
      gsub("N", i, line)
      printf "{\"date\":\"%04d-%02d-%02d\",\"title\":\"%s %d\",\"source\":\"%s\",\"text\":\"%s\"}\n", year, month, day, title, i, source, line
    }
  }'
}

program="$root/src/Storyline.Cli/bin/Release/net10.0/storyline"
[[ -x "$program" ]] || dotnet build "$root/src/Storyline.Cli" -c Release -v quiet -nologo >/dev/null
if [[ ! -e big-pristine.db ]]; then
  generate 20000 2023-09-10 28 "Libya flood update" Wire "Flood water from the burst dam reached T1, T2, T3 and T4 on day N, rescue workers said, as the search for the missing went on." > big.jsonl
  "$program" ingest big.jsonl --db big-pristine.db
fi
generate 1500 2023-10-09 1 "Aid update" Agency "Aid convoys reached T1 and T2 after the flood, while T3 and T4 waited, officials said in update N." > post.jsonl

cp big-pristine.db big.db
rm -f big.db-wal big.db-shm post.time
"$program" serve --db big.db --port "$port" > serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/api/stories" && break; sleep 0.2; done
curl -s -o /dev/null -w "warm-up /api/stories %{http_code} %{time_total} s\n" "http://127.0.0.1:$port/api/stories"
if [[ "$mode" == post ]]; then
  curl -s -o post.out -w "POST 1,500 reports %{http_code} %{time_total} s\n" -H "Content-Type: application/x-ndjson" \
    --data-binary @post.jsonl "http://127.0.0.1:$port/api/ingest" > post.time &
  poster=$!
  sleep 1
fi
for view in "stories/1/timeline" "stories/1/summary" "stories/1/whatsnew?since=2023-09-24" "stories/1" "search?q=derna+flood"; do
  curl -s -o /dev/null -w "$view %{http_code} %{time_total} s\n" "http://127.0.0.1:$port/api/$view"
done
if [[ "$mode" == post ]]; then
  wait "$poster"
  cat post.time
fi
