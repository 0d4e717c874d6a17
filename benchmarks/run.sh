#!/usr/bin/env bash
# Runs every "what encryption costs" benchmark and writes benchmarks/target/benchmark-results/<time>/summary.md.
#   benchmarks/run.sh            full set (about 40 minutes on 2 cores): what published figures come from
#                                (method, twins, key orders, peers and goals: benchmarks/README.md)
#   benchmarks/run.sh --quick    every benchmark once, briefly (about 11 minutes): checks that all runs
# Other options go to dev.hibernateae.benchmarks.suite.BenchmarkSuite: --rounds N (forks of hibernate-ae against
# plaintext with random keys, 3 by default), --only entities,peers,boot,keyring,allocation (entities: hibernate-ae
# end to end, both key orders, binary twin; peers: AES-GCM converter, jasypt, pgcrypto against plaintext),
# --skip-postgresql, --out DIR. PostgreSQL: 127.0.0.1:5432 database test user postgres (JAVA_OPTS can set
# -Dbench.postgresql.url=... -Dbench.postgresql.user=...); left out, with a note, when it does not answer.
# Builds benchmarks/target/benchmarks.jar first when it is missing or older than a source (MVN_FLAGS, e.g. -o,
# go to Maven).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar=benchmarks/target/benchmarks.jar
if [[ ! -f "$jar" ]] || [[ -n "$(find hibernate-ae/*/src/main hibernate-ae/*/src/test benchmarks/src pom.xml \
        hibernate-ae/pom.xml hibernate-ae/*/pom.xml benchmarks/pom.xml -newer "$jar" -type f -print -quit 2>/dev/null)" ]]
then
    echo "Building $jar"
    mvn -q ${MVN_FLAGS:-} -pl benchmarks -am package -DskipTests
fi
exec java ${JAVA_OPTS:-} -cp "$jar" dev.hibernateae.benchmarks.suite.BenchmarkSuite \
    --command "benchmarks/run.sh${*:+ $*}" "$@"
