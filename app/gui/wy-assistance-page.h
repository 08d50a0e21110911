/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

#include "wy-record-form.h"

G_BEGIN_DECLS

#define WY_TYPE_ASSISTANCE_PAGE (wy_assistance_page_get_type ())
G_DECLARE_FINAL_TYPE (WyAssistancePage, wy_assistance_page, WY, ASSISTANCE_PAGE, GtkWidget)

/* The assistance units (帮扶单位): one per community for a two-year term.
 * A flag bar names the terms ending within the warning window and the
 * communities without a unit; the list shows each unit's term light; the
 * detail edits the unit and lists its dated activities. */
WyAssistancePage *wy_assistance_page_new                  (WyStore          *store);
void              wy_assistance_page_set_search_text      (WyAssistancePage *self,
                                                           const char       *text);
/* A fixed "today" (tests); NULL goes back to the clock. */
void              wy_assistance_page_set_today            (WyAssistancePage *self,
                                                           const GDate      *today);
void              wy_assistance_page_reload               (WyAssistancePage *self);

guint             wy_assistance_page_get_n_units          (WyAssistancePage *self);
guint             wy_assistance_page_get_n_shown          (WyAssistancePage *self);
/* The flag bar: terms (not closed) ending within the warning window or
 * already ended, and communities without an open assistance unit. */
guint             wy_assistance_page_get_n_terms_ending   (WyAssistancePage *self);
/* Terms (not closed) that end by the last day of today's quarter, or ended. */
guint             wy_assistance_page_get_n_terms_this_quarter (WyAssistancePage *self);
guint             wy_assistance_page_get_n_without_unit   (WyAssistancePage *self);
const char       *wy_assistance_page_get_terms_text       (WyAssistancePage *self);
const char       *wy_assistance_page_get_without_text     (WyAssistancePage *self);
/* The light of one unit's term as listed. */
WyLight           wy_assistance_page_get_light            (WyAssistancePage *self,
                                                           gint64            unit_id);

void              wy_assistance_page_select_unit          (WyAssistancePage *self,
                                                           gint64            unit_id);
gint64            wy_assistance_page_get_selected_unit    (WyAssistancePage *self);
WyRecordForm     *wy_assistance_page_get_form             (WyAssistancePage *self);
/* Activities of the selected unit. */
guint             wy_assistance_page_get_n_activities     (WyAssistancePage *self);

/* What the buttons do; each returns the dialog or question it opened. */
GtkWindow        *wy_assistance_page_new_unit             (WyAssistancePage *self);
GtkWindow        *wy_assistance_page_add_activity         (WyAssistancePage *self);
GtkWindow        *wy_assistance_page_delete_unit          (WyAssistancePage *self);
/* The "Deleted … Undo" notice: its text while shown (else NULL), and Undo. */
const char       *wy_assistance_page_get_undo_text        (WyAssistancePage *self);
gboolean          wy_assistance_page_undo                 (WyAssistancePage *self,
                                                           GError          **error);

/* The default term end: start plus two years (29 February → 28). */
char             *wy_assistance_term_end                  (const char       *start_iso);

G_END_DECLS
