# Shared by the deploy/local scripts: where things live and the settings of local.env.
# Sourced, never run.

LOCAL_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_ROOT="$(cd "$LOCAL_SCRIPTS/../.." && pwd)"
LOCAL_STATE="${INCIDENT_LOCAL_STATE:-$PROJECT_ROOT/.local}"
LOG_DIR="$LOCAL_STATE/logs"

# local.env gives defaults; variables already set in the environment win.
while IFS='=' read -r key value; do
    [[ -z "$key" || "$key" == \#* ]] && continue
    if [[ -z "${!key+x}" ]]; then
        export "$key=$value"
    fi
done < "$LOCAL_SCRIPTS/local.env"

say() { printf '%s\n' "$*" >&2; }
fail() { say "error: $*"; exit 1; }

# Is something accepting TCP connections on 127.0.0.1:$1?
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The pid in file $1 if that process is alive, else nothing.
live_pid() {
    local pid
    [[ -f "$1" ]] || return 1
    pid="$(cat "$1")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Stops the process whose pid is in file $1 (SIGTERM, then SIGKILL after $2 seconds).
stop_pid_file() {
    local pid waited=0
    pid="$(live_pid "$1")" || { rm -f "$1"; return 0; }
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do
        if (( waited >= ${2:-30} * 10 )); then
            say "process $pid did not stop in ${2:-30}s; killing it"
            kill -9 "$pid" 2>/dev/null
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    rm -f "$1"
}

now_ms() { date +%s%3N; }
