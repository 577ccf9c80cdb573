#!/usr/bin/env bash
# Fetches the stock Jena tools the bench compares against, from Maven Central, into a cache outside the repository:
#   DIR/jena-fuseki-server-5.6.0.jar   the stock server (runnable jar)
#   DIR/jena-cmds/*.jar                org.apache.jena:jena-cmds:5.6.0 and its runtime dependencies (tdb2.tdbloader)
# Usage: .ci/bench/fetch-stock.sh [DIR]   (default: ~/.cache/sanctions-kg-bench; `bench --stock-dir DIR` reads it)
set -euo pipefail
JENA=5.6.0
DIR=${1:-$HOME/.cache/sanctions-kg-bench}
mkdir -p "$DIR"

if [ ! -f "$DIR/jena-fuseki-server-$JENA.jar" ]; then
  mvn -B -q dependency:copy -Dartifact=org.apache.jena:jena-fuseki-server:$JENA -DoutputDirectory="$DIR"
fi

if [ ! -f "$DIR/jena-cmds/jena-cmds-$JENA.jar" ]; then
  # dependency:copy takes one artifact; tdb2.tdbloader needs jena-cmds' whole runtime class path, so resolve it
  # through a throwaway POM kept in the cache (never in the repository).
  cat > "$DIR/jena-cmds.pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.bench</groupId><artifactId>stock-jena-cmds</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.jena</groupId><artifactId>jena-cmds</artifactId><version>$JENA</version></dependency>
  </dependencies>
</project>
POM
  mvn -B -q -f "$DIR/jena-cmds.pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$DIR/jena-cmds"
fi

echo "$DIR"
