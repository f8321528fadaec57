#!/usr/bin/env bash
# Resume benchmark of resume-service (not a test): see docs/benchmarks/resume.md.
#
#   resume-service/bench/resume-benchmark.sh                          # 300 two-page PDF uploads, 200 labelled resumes
#   resume-service/bench/resume-benchmark.sh uploads=50 accuracy=50 clients=2    # a quick look
#
# Settings (name=value arguments, or -Dbench.<name>=value in BENCH_JAVA_OPTS): uploads, warmup, clients (e.g. 1,2),
# accuracy, formats (e.g. PDF:50,DOCX:30,TXT:20), seed, asOf (YYYY-MM), examples, out, dump (a folder for the
# labelled files, their labels and what was read from them). BENCH_HEAP sets -Xmx/-Xms
# (default 2g). Extra JVM options: BENCH_JAVA_OPTS. Maven options (e.g. -o): MVN_OPTS.
# It compiles resume-service's test classes, then runs ResumeBenchmark in a JVM of its own, which starts a real clamd
# (platform-test ClamdServer: the clamd binary must be installed, see devstack/bin/ensure-clamav) and the service, and
# ends with System.exit. The report is printed and written to resume-service/target/resume-benchmark.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
classpath_file="resume-service/target/resume-benchmark.classpath"
# shellcheck disable=SC2086
./mvnw -q ${MVN_OPTS:-} -pl resume-service -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/resume-benchmark.classpath -Dmdep.includeScope=test
heap="${BENCH_HEAP:-2g}"
# shellcheck disable=SC2086
exec java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} \
  -cp "resume-service/target/test-classes:resume-service/target/classes:$(cat "$classpath_file")" \
  -Dbench.out="$root/resume-service/target/resume-benchmark.md" \
  au.ausjobs.resume.bench.ResumeBenchmark "$@"
