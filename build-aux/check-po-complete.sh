#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/check-po-complete.sh [SRCDIR [WORKDIR]] — extracts the current
# messages (files in po/POTFILES.in), merges them with every po/LANG.po of
# po/LINGUAS and fails when a message is untranslated or fuzzy, or when
# msgfmt --check finds an error (e.g. a c-format placeholder that does not
# match). Lists the offending msgids. Does not modify the source tree.
# Fix with build-aux/update-po, then translate.

set -euo pipefail

srcdir=${1:-"$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"}
srcdir=$(cd -- "$srcdir" && pwd -P)
workdir=${2:-}
if [[ -z $workdir ]]; then
  workdir=$(mktemp -d)
  trap 'rm -rf "$workdir"' EXIT
fi
mkdir -p "$workdir"

# shellcheck source=build-aux/po-common.sh
. "$srcdir/build-aux/po-common.sh"

pot="$workdir/wuyou.pot"
status=0
xgettext_log="$workdir/xgettext.log"
wy_xgettext "$srcdir" "$pot" 2>"$xgettext_log" || { cat "$xgettext_log"; exit 1; }
# A macro such as G_GUINT64_FORMAT or G_GSIZE_FORMAT pasted into _() ends the
# extracted message in the middle of a directive: the catalogue then holds a
# truncated msgid that never matches at run time. Always a bug.
if grep -q 'in the middle of a directive' "$xgettext_log"; then
  echo "xgettext extracted truncated messages:"
  sed 's/^/  /' "$xgettext_log"
  echo "  Hint: a format macro (G_GUINT64_FORMAT, G_GSIZE_FORMAT …) inside _() cuts the"
  echo "  message there. Format the number into a string first and use %s."
  status=1
elif [[ -s $xgettext_log ]]; then
  cat "$xgettext_log" >&2
fi

# LINGUAS may hold several languages on one line.
# shellcheck disable=SC2013
for lang in $(sed 's/#.*//' "$srcdir/po/LINGUAS"); do
  po="$srcdir/po/$lang.po"
  if [[ ! -f $po ]]; then
    echo "po/$lang.po is missing (listed in po/LINGUAS)"
    status=1
    continue
  fi
  merged="$workdir/$lang.merged.po"
  msgmerge --quiet --no-fuzzy-matching --output-file="$merged" "$po" "$pot"

  if ! stats=$(msgfmt --check --statistics --output-file=/dev/null "$merged" 2>&1); then
    echo "po/$lang.po: msgfmt --check failed:"
    printf '%s\n' "$stats"
    status=1
    continue
  fi
  echo "po/$lang.po: $stats"

  untranslated=$(msgattrib --untranslated --no-fuzzy --no-obsolete --no-wrap "$merged" | sed -e '1,/^$/d')
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" | sed -e '1,/^$/d')
  if [[ -n $untranslated ]]; then
    echo "po/$lang.po: untranslated messages:"
    printf '%s\n' "$untranslated" | grep -E '^(msgctxt|msgid|msgid_plural) ' | sed 's/^/  /'
    status=1
  fi
  if [[ -n $fuzzy ]]; then
    echo "po/$lang.po: fuzzy messages:"
    printf '%s\n' "$fuzzy" | grep -E '^(msgctxt|msgid|msgid_plural) ' | sed 's/^/  /'
    status=1
  fi
done

if [[ $status -ne 0 ]]; then
  echo "Run build-aux/update-po, translate, and run this check again."
fi
exit $status
