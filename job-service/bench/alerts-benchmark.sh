#!/usr/bin/env bash
# INSTANT alerts benchmark of job-service (not a test): see docs/benchmarks/alerts.md.
#
#   job-service/bench/alerts-benchmark.sh                          # 100,000 INSTANT searches, 2 jobs both ways, 200 new way only
#   job-service/bench/alerts-benchmark.sh searches=20000 jobs=2 newJobs=50
#
# Settings (name=value arguments, or -Dbench.<name>=value in BENCH_JAVA_OPTS): searches, jobs, newJobs, verifyJobs, seed,
# searchSeed, asOf (YYYY-MM-DD), out. BENCH_HEAP sets -Xmx/-Xms (default 2g). Extra JVM options: BENCH_JAVA_OPTS.
# Maven options (e.g. -o): MVN_OPTS.
# It compiles job-service's test classes, then runs AlertBenchmark in a JVM of its own, which ends with System.exit
# (status 2 when the old and the new way disagree on a job). The report is printed and written to
# job-service/target/alerts-benchmark.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
classpath_file="job-service/target/alerts-benchmark.classpath"
# shellcheck disable=SC2086
./mvnw -q ${MVN_OPTS:-} -pl job-service -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/alerts-benchmark.classpath -Dmdep.includeScope=test
heap="${BENCH_HEAP:-2g}"
# shellcheck disable=SC2086
exec java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} \
  -cp "job-service/target/test-classes:job-service/target/classes:$(cat "$classpath_file")" \
  -Dbench.out="$root/job-service/target/alerts-benchmark.md" \
  au.ausjobs.job.saved.AlertBenchmark "$@"
