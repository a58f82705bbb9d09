# Shared by the drivers: reads their options. Source it with the script's usage and its
# arguments, after setting each option's default:
#
#   rounds=50
#   source Scripts/options.sh "[--rounds N] [--short]" "$@"
#
# Each `--NAME VALUE` that the usage lists as `[--NAME X]` sets the variable NAME (dashes
# become underscores) to VALUE, each `--NAME` it lists as `[--NAME]` sets NAME to 1; anything
# else prints the usage and exits 64.

usage="$1"
shift
while [ $# -gt 0 ]; do
  option="${1#--}"
  option="${option//-/_}"
  case " $usage " in
    *" [$1 "[A-Z]*"] "*) [ $# -ge 2 ] || break; printf -v "$option" '%s' "$2"; shift 2 ;;
    *" [$1] "*) printf -v "$option" '%s' 1; shift ;;
    *) break ;;
  esac
done
[ $# -eq 0 ] || { echo "usage: $0 $usage" >&2; exit 64; }
unset usage option
