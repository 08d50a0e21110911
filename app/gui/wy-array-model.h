/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WY_TYPE_ARRAY_MODEL (wy_array_model_get_type ())
G_DECLARE_FINAL_TYPE (WyArrayModel, wy_array_model, WY, ARRAY_MODEL, GObject)

/* A GListModel over a plain array. GListStore keeps its items in a
 * GSequence, where reaching item i costs a walk down a tree; a sorted
 * view on top asks for items in sorted, that is random, order, and on
 * 50,000 compounds that walk was most of a keystroke's filtering. */
WyArrayModel *wy_array_model_new     (GType          item_type);
void          wy_array_model_splice  (WyArrayModel  *self,
                                      guint          position,
                                      guint          n_removals,
                                      gpointer      *additions,
                                      guint          n_additions);
void          wy_array_model_append  (WyArrayModel  *self,
                                      gpointer       item);
void          wy_array_model_remove  (WyArrayModel  *self,
                                      guint          position);
gboolean      wy_array_model_find    (WyArrayModel  *self,
                                      gpointer       item,
                                      guint         *position);

G_END_DECLS
