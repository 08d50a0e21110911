/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wy-overview-page.h"

G_BEGIN_DECLS

#define WY_TYPE_MEETING_MODE (wy_meeting_mode_get_type ())
G_DECLARE_FINAL_TYPE (WyMeetingMode, wy_meeting_mode, WY, MEETING_MODE, GtkWindow)

/* The Overview for a leadership-group meeting (领导小组会议): full screen,
 * large type, one screen at a time — the headline figures first, then one
 * chart per screen. Right, Page Down, Space or a click go on; Left, Page
 * Up or a click at the left edge go back; Esc leaves. It shows the page's
 * place filter and today, read when it opens. */
WyMeetingMode *wy_meeting_mode_new             (GtkWindow      *parent,
                                                WyOverviewPage *page);

guint          wy_meeting_mode_get_n_screens   (WyMeetingMode  *self);
/* From 0: the figures; 1… the charts. */
guint          wy_meeting_mode_get_screen      (WyMeetingMode  *self);
void           wy_meeting_mode_set_screen      (WyMeetingMode  *self,
                                                guint           screen);
/* "2 / 6" */
const char    *wy_meeting_mode_get_indicator   (WyMeetingMode  *self);
/* The chart of a screen (NULL for the figures). */
WyChartView   *wy_meeting_mode_get_chart_view  (WyMeetingMode  *self,
                                                guint           screen);
/* Whether the figures and charts have been read. */
gboolean       wy_meeting_mode_is_loaded       (WyMeetingMode  *self);

G_END_DECLS
