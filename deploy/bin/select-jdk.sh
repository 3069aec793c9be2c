# Sourced by ./run, ./bench and .ci/run: make JAVA_HOME point at a JDK 21 or newer.
# Keeps a JAVA_HOME that is already 21+, else tries `java` on the PATH, else the JDKs under /usr/lib/jvm.

java_major() { # prints the major version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1 || echo 0
}

select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
                   /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "error: no JDK 21 or newer found (set JAVA_HOME to one)" >&2
  return 1
}
