# Sourced by scripts that run the packaged jar (benches, the cluster): sets `jar` to $JAR if given, else to the jar
# under target/, building it first when there is none.
jar=${JAR:-$(ls target/agora-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
if [ -z "$jar" ]; then
  echo "== building the jar" >&2
  ./mvnw -q -B -ntp -DskipTests package
  jar=$(ls target/agora-*.jar | grep -v plain | head -1)
fi
