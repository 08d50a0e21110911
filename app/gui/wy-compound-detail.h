/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

#include "wy-funding-view.h"
#include "wy-record-form.h"

G_BEGIN_DECLS

#define WY_TYPE_COMPOUND_DETAIL (wy_compound_detail_get_type ())
G_DECLARE_FINAL_TYPE (WyCompoundDetail, wy_compound_detail, WY, COMPOUND_DETAIL, GtkWidget)

/* Everything about one compound, editable in place: its facts (WyRecordForm
 * sections), the five targets as a checklist and its problems with their
 * lights. "Add Problem…" and "Delete…" activate win.new-problem and
 * win.delete-compound. */
WyCompoundDetail *wy_compound_detail_new              (WyStore          *store);
/* 0 shows "select a compound". Setting the shown id again does nothing
 * (use wy_compound_detail_reload). */
void              wy_compound_detail_set_compound_id  (WyCompoundDetail *self,
                                                       gint64            compound_id);
gint64            wy_compound_detail_get_compound_id  (WyCompoundDetail *self);
/* Reads the compound, its targets and its problems again. */
void              wy_compound_detail_reload           (WyCompoundDetail *self);
void              wy_compound_detail_reload_problems  (WyCompoundDetail *self);

/* For tests and focus: the heading shown, the form holding a compound
 * field, the number of problems listed. */
const char       *wy_compound_detail_get_title        (WyCompoundDetail *self);
WyRecordForm     *wy_compound_detail_get_form_for     (WyCompoundDetail *self,
                                                       const char       *field);
guint             wy_compound_detail_get_n_problems   (WyCompoundDetail *self);
guint             wy_compound_detail_get_n_targets    (WyCompoundDetail *self);

/* Signals:
 *   "compound-changed" (gint64 id): a field of the compound was saved.
 */

/* The compound's funding records and totals, below its problems. */
WyFundingView    *wy_compound_detail_get_funding_view (WyCompoundDetail *self);

G_END_DECLS
