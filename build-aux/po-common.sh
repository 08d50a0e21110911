# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
#
# Shared by build-aux/update-po and build-aux/check-po-complete.sh: one
# definition of how the message template is extracted, so the check and the
# translators' tool can never disagree.

# The keywords match glib's gi18n.h (and meson's preset: 'glib').
# shellcheck disable=SC2054  # the commas belong to xgettext's syntax
WY_XGETTEXT_KEYWORDS=(
  -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kngettext:1,2 -kg_dngettext:2,3
)

# wy_potfiles SRCDIR — the files named in po/POTFILES.in, one a line.
wy_potfiles() {
  sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' \
    "$1/po/POTFILES.in" | grep -v '^$' || true
}

# wy_xgettext SRCDIR OUTPUT.pot — extract every message from POTFILES.in.
# .c files are read as C, .ui as GtkBuilder, .desktop.in as desktop entries
# and .metainfo.xml.in through the AppStream ITS rules: xgettext chooses by
# file extension.
wy_xgettext() {
  local srcdir=$1 out=$2
  local version
  version=$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" "$srcdir/meson.build" | head -n 1)
  xgettext \
    --directory="$srcdir" \
    --files-from=<(wy_potfiles "$srcdir") \
    --output="$out" \
    --from-code=UTF-8 \
    --add-comments=Translators \
    --package-name=wuyou \
    --package-version="${version:-0}" \
    --msgid-bugs-address=https://github.com/wuyou/wuyou/issues \
    --sort-by-file \
    "${WY_XGETTEXT_KEYWORDS[@]}" \
    --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format \
    --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format \
    --flag=g_set_error:4:c-format \
    --flag=g_dngettext:2:pass-c-format \
    --flag=g_dngettext:3:pass-c-format \
    --flag=ngettext:1:pass-c-format \
    --flag=ngettext:2:pass-c-format \
    --flag=C_:2:pass-c-format \
    --flag=NC_:2:pass-c-format
}
