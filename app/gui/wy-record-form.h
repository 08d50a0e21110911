/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

G_BEGIN_DECLS

#define WY_TYPE_RECORD_FORM (wy_record_form_get_type ())
G_DECLARE_FINAL_TYPE (WyRecordForm, wy_record_form, WY, RECORD_FORM, GtkWidget)

/* Every field of one row of a table, editable in place and saved at once
 * (Enter, leaving the field, a toggle or a choice). A value the store
 * refuses stays in its field, marked, with the store's message under it;
 * the ledger keeps the old value. fields: the columns to show, in order,
 * NULL-terminated; NULL shows every field but the parent reference. */
WyRecordForm *wy_record_form_new            (WyStore            *store,
                                             WyTable             table,
                                             const char * const *fields);
void          wy_record_form_set_record_id  (WyRecordForm       *self,
                                             gint64              id);
gint64        wy_record_form_get_record_id  (WyRecordForm       *self);
/* The entry, check button or drop-down of a field, for tests and focus. */
/* An enum field's code the user does not choose in the form (a status
 * its own dialog sets): listed only while it is the stored value. */
void          wy_record_form_set_unoffered_choice (WyRecordForm *self,
                                                   const char   *field,
                                                   const char   *code);
GtkWidget    *wy_record_form_get_field_widget (WyRecordForm     *self,
                                               const char       *field);
/* The message shown under a field, or NULL when it is valid. */
const char   *wy_record_form_get_field_error  (WyRecordForm     *self,
                                               const char       *field);
/* The limits shown beside a field ("At most 60 characters"), or NULL. */
const char   *wy_record_form_get_field_hint   (WyRecordForm     *self,
                                               const char       *field);

/* What a field shows now (typed, not necessarily saved), as the store
 * would take it: NULL when empty. */
char         *wy_record_form_get_value        (WyRecordForm     *self,
                                               const char       *field);
/* Shows a value without writing it (a draft, or a default of a new row). */
void          wy_record_form_set_value        (WyRecordForm     *self,
                                               const char       *field,
                                               const char       *value);
/* Shows a message under a field (NULL clears it). */
void          wy_record_form_set_field_error  (WyRecordForm     *self,
                                               const char       *field,
                                               const char       *message);
/* Saves what a field shows, as Enter or leaving it would. Without a
 * record (id 0) the form is a draft: the value is only checked. Returns
 * FALSE when the value was refused (or waits for a confirmation). */
gboolean      wy_record_form_commit_field     (WyRecordForm     *self,
                                               const char       *field);

/* Asked before a value is written: returns a question (newly allocated)
 * when the user must confirm it, or NULL to write at once. The form then
 * asks with a message dialog and writes only on "Keep". */
typedef char *(*WyRecordFormConfirmFunc) (WyRecordForm *form,
                                          const char   *field,
                                          const char   *value,
                                          gpointer      user_data);
void          wy_record_form_set_confirm_func (WyRecordForm            *self,
                                               WyRecordFormConfirmFunc  func,
                                               gpointer                 user_data,
                                               GDestroyNotify           destroy);
/* The confirmation being asked, or NULL; answering it is what the dialog's
 * buttons do (for tests). */
GtkWindow    *wy_record_form_get_confirmation (WyRecordForm     *self);
void          wy_record_form_answer_confirmation (WyRecordForm  *self,
                                                  gboolean       keep);

/* Signals:
 *   "saved" (const char *field): a field was written to the store.
 */

G_END_DECLS
