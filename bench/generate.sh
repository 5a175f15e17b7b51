#!/usr/bin/env bash
# Fills a migrated, empty Agora PostgreSQL database with a benchmark world. Arguments go to SocialWorld (bench/world):
#   bench/generate.sh --url='jdbc:postgresql://127.0.0.1:5432/agora_bench?user=postgres' --users=100000 --posts=1000000
#   (--products=N listed products, default a tenth of --posts)
# Uses the application's own runtime classpath (PostgreSQL driver, Spring Security's Argon2 encoder).
set -euo pipefail
cd "$(dirname "$0")/.."
classpath=target/bench.classpath
if [ ! -s "$classpath" ] || [ pom.xml -nt "$classpath" ]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath"
fi
classes=bench/target/world
mkdir -p "$classes"
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$classes" -cp "$(cat "$classpath")" bench/world/*.java
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx4g -cp "$classes:$(cat "$classpath")" SocialWorld "$@"
