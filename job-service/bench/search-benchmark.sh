#!/usr/bin/env bash
# Search benchmark of job-service (not a test): see docs/benchmarks/search.md.
#
#   job-service/bench/search-benchmark.sh                       # 100,000 jobs, seed 7, 2,000 queries
#   job-service/bench/search-benchmark.sh jobs=10000 queries=500 rebuilds=1
#
# Settings (name=value arguments, or -Dbench.<name>=value in BENCH_JAVA_OPTS): jobs, seed, querySeed, queries,
# warmup, rebuilds, upserts, asOf (YYYY-MM-DD), mongoJobs, out. BENCH_HEAP sets -Xmx/-Xms (default 3g).
# Extra JVM options: BENCH_JAVA_OPTS. Maven options (e.g. -o): MVN_OPTS.
# It compiles job-service's test classes, then runs SearchBenchmark in a JVM of its own, which ends with System.exit.
# The report is printed and written to job-service/target/search-benchmark.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
classpath_file="job-service/target/search-benchmark.classpath"
# shellcheck disable=SC2086
./mvnw -q ${MVN_OPTS:-} -pl job-service -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/search-benchmark.classpath -Dmdep.includeScope=test
heap="${BENCH_HEAP:-3g}"
# shellcheck disable=SC2086
exec java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} \
  -cp "job-service/target/test-classes:job-service/target/classes:$(cat "$classpath_file")" \
  -Dbench.out="$root/job-service/target/search-benchmark.md" \
  au.ausjobs.job.search.SearchBenchmark "$@"
