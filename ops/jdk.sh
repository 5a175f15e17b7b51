# Sourced by scripts that run Agora: points JAVA_HOME (and PATH) at a JDK >= 21, the given one if it is new
# enough, else the first under /usr/lib/jvm. Agora needs 21; the machine's default java may be older.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
[ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] || { echo "no JDK >= 21 found under /usr/lib/jvm" >&2; exit 1; }
export PATH="$JAVA_HOME/bin:$PATH"
