/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

#include "wy-record-form.h"

G_BEGIN_DECLS

#define WY_TYPE_FUNDING_VIEW (wy_funding_view_get_type ())
G_DECLARE_FINAL_TYPE (WyFundingView, wy_funding_view, WY, FUNDING_VIEW, GtkWidget)

/* The funding records (多渠道筹集资金) of one compound: source, amount,
 * date and purpose, with "Add Funding…", delete and the total. */
WyFundingView *wy_funding_view_new            (WyStore       *store);
void           wy_funding_view_set_compound   (WyFundingView *self,
                                               gint64         compound_id);
gint64         wy_funding_view_get_compound   (WyFundingView *self);
guint          wy_funding_view_get_n_records  (WyFundingView *self);
double         wy_funding_view_get_total      (WyFundingView *self);
/* The "Total: ¥…" line as shown. */
const char    *wy_funding_view_get_total_text (WyFundingView *self);
/* "East Gate total: ¥… in N records", or NULL when no compound is shown. */
const char    *wy_funding_view_get_community_total_text (WyFundingView *self);
/* Opens "Add Funding…" (what the button does); returns the dialog. */
GtkWindow     *wy_funding_view_add_funding    (WyFundingView *self);
/* Deletes a record (what a row's delete button does, without asking). */
gboolean       wy_funding_view_delete         (WyFundingView *self,
                                               gint64         funding_id,
                                               GError       **error);

/* A small "new row" dialog shared by the plan pages: a draft WyRecordForm
 * of the given fields, written only by Add. fixed: name/value pairs set on
 * the new row but not shown; defaults: name/value pairs shown in the
 * draft (both NULL-terminated, may be NULL). check, when set, may refuse
 * the row with a message before it is inserted. done runs with the new id
 * after the insert. user_data is a GObject (the page), kept alive while
 * the dialog is open. */
typedef char *(*WyRowDialogCheckFunc) (WyRecord *record,
                                       gpointer  user_data);
typedef void  (*WyRowDialogDoneFunc)  (gint64    id,
                                       gpointer  user_data);

GtkWindow     *wy_row_dialog_new              (GtkWidget            *parent,
                                               WyStore              *store,
                                               WyTable               table,
                                               const char           *title,
                                               const char * const   *fields,
                                               const char * const   *defaults,
                                               const char * const   *fixed,
                                               WyRowDialogCheckFunc  check,
                                               WyRowDialogDoneFunc   done,
                                               gpointer              user_data);
WyRecordForm  *wy_row_dialog_get_form         (GtkWindow            *dialog);
/* What Add does: the new row's id, or 0 when a field or the check refused
 * it (the message is shown in the dialog, and returned in error_text). */
gint64         wy_row_dialog_add              (GtkWindow            *dialog);
const char    *wy_row_dialog_get_error        (GtkWindow            *dialog);

/* Asks question over parent with Cancel / Delete; on Delete runs
 * func (user_data). user_data is a GObject, kept alive while asking.
 * Returns the question (for tests: respond with GTK_RESPONSE_ACCEPT). */
typedef void (*WyConfirmFunc) (gpointer user_data);
GtkWindow     *wy_confirm_delete              (GtkWidget            *parent,
                                               const char           *question,
                                               WyConfirmFunc         func,
                                               gpointer              user_data);

G_END_DECLS
