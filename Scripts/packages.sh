# Installs the Debian packages a script needs when they are missing, before it does anything
# else: as root with apt-get, otherwise it says in one line what to run and stops. Source it,
# then call `need_packages WHAT...`, where WHAT is a command whose package has its name,
# `time` (GNU time, /usr/bin/time) or `-dev:PACKAGE` for a package that installs no command.

need_packages() {
  local missing=() what
  for what in "$@"; do
    case "$what" in
      -dev:*) dpkg -s "${what#-dev:}" >/dev/null 2>&1 || missing+=("${what#-dev:}") ;;
      time) [ -x /usr/bin/time ] || missing+=(time) ;;
      *) command -v "$what" >/dev/null 2>&1 || missing+=("$what") ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing ${missing[*]}" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "$(basename "$0"): needs ${missing[*]}: run sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}
