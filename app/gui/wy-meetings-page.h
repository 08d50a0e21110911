/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

#include "wy-record-form.h"

G_BEGIN_DECLS

#define WY_TYPE_MEETINGS_PAGE (wy_meetings_page_get_type ())
G_DECLARE_FINAL_TYPE (WyMeetingsPage, wy_meetings_page, WY, MEETINGS_PAGE, GtkWidget)

/* Kinds in the kind filter, in its order. */
typedef enum {
  WY_MEETINGS_KIND_ALL,
  WY_MEETINGS_KIND_LEADERSHIP,
  WY_MEETINGS_KIND_JOINT,
  WY_MEETINGS_KIND_CONSULTATION,
  WY_MEETINGS_KIND_INSPECTION,
} WyMeetingsKind;

/* Meetings (leadership group, joint, community consultation) and
 * inspections in one list, newest first, filtered by kind and community;
 * a flag line names the communities without a consultation meeting for
 * six months. The detail edits the meeting or inspection and turns a
 * decision into a task, or a finding into a rectification item. */
WyMeetingsPage *wy_meetings_page_new               (WyStore        *store);
void            wy_meetings_page_set_search_text   (WyMeetingsPage *self,
                                                    const char     *text);
void            wy_meetings_page_set_today         (WyMeetingsPage *self,
                                                    const GDate    *today);
void            wy_meetings_page_reload            (WyMeetingsPage *self);

guint           wy_meetings_page_get_n_total       (WyMeetingsPage *self);
guint           wy_meetings_page_get_n_shown       (WyMeetingsPage *self);
void            wy_meetings_page_set_kind_filter   (WyMeetingsPage *self,
                                                    WyMeetingsKind  kind);
/* community_id <= 0: every community. */
void            wy_meetings_page_set_community_filter (WyMeetingsPage *self,
                                                       gint64          community_id);
/* The consultation rule's flag line. */
guint           wy_meetings_page_get_n_consultation_gaps (WyMeetingsPage *self);
const char     *wy_meetings_page_get_gaps_text     (WyMeetingsPage *self);

/* Shows a meeting (WY_TABLE_MEETING) or inspection (WY_TABLE_INSPECTION). */
void            wy_meetings_page_select            (WyMeetingsPage *self,
                                                    WyTable         table,
                                                    gint64          id);
WyTable         wy_meetings_page_get_selected_table (WyMeetingsPage *self);
gint64          wy_meetings_page_get_selected_id   (WyMeetingsPage *self);
WyRecordForm   *wy_meetings_page_get_form          (WyMeetingsPage *self);
/* Tasks decided at the shown meeting, or problems found by the shown
 * inspection. */
guint           wy_meetings_page_get_n_follow_ups  (WyMeetingsPage *self);

/* What the buttons do; each returns the dialog or question it opened. */
GtkWindow      *wy_meetings_page_new_meeting       (WyMeetingsPage *self);
GtkWindow      *wy_meetings_page_new_inspection    (WyMeetingsPage *self);
GtkWindow      *wy_meetings_page_make_task         (WyMeetingsPage *self);
GtkWindow      *wy_meetings_page_make_problem      (WyMeetingsPage *self);
GtkWindow      *wy_meetings_page_delete_selected   (WyMeetingsPage *self);
const char     *wy_meetings_page_get_undo_text     (WyMeetingsPage *self);
gboolean        wy_meetings_page_undo              (WyMeetingsPage *self,
                                                    GError        **error);

G_END_DECLS
