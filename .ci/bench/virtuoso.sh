#!/usr/bin/env bash
# A private, loopback-only OpenLink Virtuoso 7 (Debian's virtuoso-opensource) for the bench's comparison.
#   virtuoso.sh install                                  install the Debian package if virtuoso-t is missing
#   virtuoso.sh up DIR FILE.nt GRAPH SQL_PORT HTTP_PORT  fresh database in DIR (loopback only), bulk-load FILE into GRAPH,
#                                                        checkpoint; prints the SPARQL endpoint
#   virtuoso.sh down DIR                                 stop the server started in DIR
# Never touches the package's own database in /var/lib/virtuoso-opensource-7 and never starts it.
set -euo pipefail

isql() { isql-vt "127.0.0.1:$SQL_PORT" dba "$(cat "$DIR/dba-password" 2>/dev/null || echo dba)" "$@"; }

install() {
  command -v virtuoso-t >/dev/null && return
  [ "$(id -u)" = 0 ] || { echo "virtuoso-opensource is not installed; run as root or: sudo apt-get install virtuoso-opensource" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q virtuoso-opensource >&2
}

write_ini() {
  # Written from scratch rather than copied: the shipped ini listens on every interface.
  cat > "$DIR/virtuoso.ini" <<INI
[Database]
DatabaseFile       = $DIR/virtuoso.db
ErrorLogFile       = $DIR/virtuoso.log
LockFile           = $DIR/virtuoso.lck
TransactionFile    = $DIR/virtuoso.trx
xa_persistent_file = $DIR/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $DIR/virtuoso-temp.db
TransactionFile    = $DIR/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:$SQL_PORT
DisableUnixSocket        = 1
MaxClientConnections     = 64
CheckpointInterval       = 60
CaseMode                 = 2
DirsAllowed              = ., $DATA_DIR
ServerThreads            = 64
ThreadsPerQuery          = 2
MaxQueryMem              = 2G
; the ini's own guidance: 2 GB free for Virtuoso -> 170000 buffers (8 KB each)
NumberOfBuffers          = 170000
MaxDirtyBuffers          = 130000

[HTTPServer]
ServerPort               = 127.0.0.1:$HTTP_PORT
ServerRoot               = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections     = 64
ServerThreads            = 64
MaxKeepAlives            = 64
KeepAliveTimeout         = 10
EnabledGzipContent       = 0

[Client]
SQL_PREFETCH_ROWS        = 100
SQL_PREFETCH_BYTES       = 16000

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60
INI
}

up() {
  DIR=$(realpath -m "$1"); FILE=$(realpath "$2"); GRAPH=$3; SQL_PORT=$4; HTTP_PORT=$5
  DATA_DIR=$(dirname "$FILE")
  install
  [ -f "$DIR/virtuoso.lck" ] && down "$DIR"
  rm -rf "$DIR"; mkdir -p "$DIR"
  write_ini
  virtuoso-t +configfile "$DIR/virtuoso.ini" +wait >"$DIR/start.log" 2>&1 \
    || { cat "$DIR/start.log" "$DIR/virtuoso.log" >&2 2>/dev/null; exit 1; }
  # A fresh database answers to dba/dba: replace that before anything else, even on loopback.
  local pw; pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  isql-vt "127.0.0.1:$SQL_PORT" dba dba exec="USER_CHANGE_PASSWORD('dba','dba','$pw');" >/dev/null
  ( umask 077; echo "$pw" > "$DIR/dba-password" )
  isql exec="ld_dir('$DATA_DIR', '$(basename "$FILE")', '$GRAPH'); rdf_loader_run(); checkpoint;" >"$DIR/load.log"
  local errors; errors=$(isql exec="SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;" | awk '/^[0-9]+$/ {print; exit}')
  if [ "${errors:-1}" != 0 ]; then
    isql exec="SELECT ll_file, ll_error FROM DB.DBA.load_list;" >&2; exit 1
  fi
  local triples; triples=$(isql exec="SPARQL SELECT COUNT(*) FROM <$GRAPH> WHERE { ?s ?p ?o };" | awk '/^[0-9]+$/ {print; exit}')
  echo "loaded $triples triples into <$GRAPH>"
  echo "ready http://127.0.0.1:$HTTP_PORT/sparql"
}

down() {
  DIR=$(realpath -m "$1")
  [ -f "$DIR/virtuoso.lck" ] || return 0
  local pid; pid=$(sed -n 's/^VIRT_PID=//p' "$DIR/virtuoso.lck")
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$DIR/virtuoso.lck"
}

case "${1:-}" in
  install) install ;;
  up) shift; [ $# = 5 ] || { echo "usage: $0 up DIR FILE.nt GRAPH SQL_PORT HTTP_PORT" >&2; exit 1; }; up "$@" ;;
  down) shift; down "$1" ;;
  *) echo "usage: $0 install | up DIR FILE.nt GRAPH SQL_PORT HTTP_PORT | down DIR" >&2; exit 1 ;;
esac
