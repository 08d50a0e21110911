#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/check-potfiles.sh [SRCDIR] — fails when a .c or .ui file under
# app/ or ui/ has translatable strings but is missing from po/POTFILES.in,
# or when po/POTFILES.in names a file that does not exist.
# Registered as a meson test (suite core); also fine to run by hand.

set -euo pipefail

srcdir=${1:-"$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"}
cd "$srcdir"

potfiles=po/POTFILES.in
[[ -f $potfiles ]] || { echo "$potfiles not found in $srcdir" >&2; exit 1; }

listed=$(sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$potfiles" |
  grep -v '^$' | sort -u || true)

status=0

# 1. Every listed file exists.
missing_files=()
while IFS= read -r f; do
  [[ -z $f ]] && continue
  [[ -f $f ]] || missing_files+=("$f")
done <<<"$listed"
if [[ ${#missing_files[@]} -gt 0 ]]; then
  echo "$potfiles names files that do not exist:"
  printf '  %s\n' "${missing_files[@]}"
  status=1
fi

# 2. Every file with translatable strings is listed.
#    _( N_( C_( NC_( (a whole word, spaces allowed before the parenthesis),
#    ngettext( / g_dngettext(, and translatable="yes" in GtkBuilder files.
c_pattern='(^|[^A-Za-z0-9_])(N|C|NC)?_[[:space:]]*\(|(^|[^A-Za-z0-9_])(g_d)?ngettext[[:space:]]*\('
ui_pattern='translatable[[:space:]]*=[[:space:]]*["'"'"']yes["'"'"']'

candidates=$(
  {
    for dir in app ui; do
      [[ -d $dir ]] || continue
      find "$dir" -type f -name '*.c' -exec grep -lE "$c_pattern" {} + || true
      find "$dir" -type f -name '*.ui' -exec grep -lE "$ui_pattern" {} + || true
    done
  } | sed 's|^\./||' | sort -u
)

unlisted=$(comm -23 <(printf '%s\n' "$candidates" | grep -v '^$' || true) <(printf '%s\n' "$listed"))
if [[ -n $unlisted ]]; then
  echo "Files with translatable strings missing from $potfiles:"
  printf '%s\n' "$unlisted" | sed 's/^/  /'
  status=1
fi

if [[ $status -eq 0 ]]; then
  echo "$potfiles: $(printf '%s\n' "$listed" | grep -c .) files, all present, none missing"
fi
exit $status
