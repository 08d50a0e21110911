/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* GTK 4.8's list views build new rows (up to two hundred of them) for
 * every item object they are handed, and keep the rows of an object they
 * already show. A page that reloads its list after an edit therefore
 * hands back the objects it shows wherever nothing about them changed,
 * and splices only the stretch that differs. */

/* Replaces each item of fresh that has the identity (identity_hash,
 * identity_equal) of an item in shown, and reads_the_same as it, by that
 * shown item. fresh owns its items (freed with g_object_unref). */
void     wy_list_reuse_unchanged (GListModel  *shown,
                                  GPtrArray   *fresh,
                                  GHashFunc    identity_hash,
                                  GEqualFunc   identity_equal,
                                  GEqualFunc   reads_the_same);

/* Whether two rows' n cell texts read the same (NULL equals NULL):
 * the usual part of a reads_the_same function. */
gboolean wy_list_texts_equal     (char * const *a,
                                  char * const *b,
                                  guint         n);

/* The stretch where shown and fresh hold different objects: the items
 * of shown from position, n_removed of them, are to be replaced by
 * fresh's from position, n_added of them. FALSE when they hold the same
 * objects in the same order. */
gboolean wy_list_changed_stretch (GListModel  *shown,
                                  GPtrArray   *fresh,
                                  guint       *position,
                                  guint       *n_removed,
                                  guint       *n_added);

G_END_DECLS
