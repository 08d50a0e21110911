/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

#include "wy-shift-plan-dialog.h"

G_BEGIN_DECLS

#define WY_TYPE_PHASES_PAGE (wy_phases_page_get_type ())
G_DECLARE_FINAL_TYPE (WyPhasesPage, wy_phases_page, WY, PHASES_PAGE, GtkWidget)

/* The plan's phases (实施步骤) with their dates and milestones (节点),
 * each milestone with its light; where today is in the plan; "Shift
 * Plan…". Every date is editable in place. */
WyPhasesPage *wy_phases_page_new                 (WyStore      *store);
/* "Today" for the position and the lights (default: the clock). */
void          wy_phases_page_set_today           (WyPhasesPage *self,
                                                  const GDate  *today);
/* Reads the phases again (the page reads them when first shown). */
void          wy_phases_page_reload              (WyPhasesPage *self);

/* "Phase 3 · Full roll-out by category — 107 days left", or where
 * today is before or after the plan. */
const char   *wy_phases_page_get_position_text   (WyPhasesPage *self);
/* What is left to do by the end of the current phase, or NULL outside
 * any phase. */
const char   *wy_phases_page_get_due_text        (WyPhasesPage *self);
/* The phase today falls in, or 0. */
gint64        wy_phases_page_get_current_phase   (WyPhasesPage *self);

/* What "Add Milestone" and a row's remove button do. The new milestone
 * is due at the phase's end unless due is given. */
gint64        wy_phases_page_add_milestone       (WyPhasesPage *self,
                                                  gint64        phase_id,
                                                  const char   *name,
                                                  const char   *due,
                                                  GError      **error);
gboolean      wy_phases_page_remove_milestone    (WyPhasesPage *self,
                                                  gint64        milestone_id,
                                                  GError      **error);
/* What a milestone's "Done" check does: done on today, or not done. */
gboolean      wy_phases_page_set_milestone_done  (WyPhasesPage *self,
                                                  gint64        milestone_id,
                                                  gboolean      done,
                                                  GError      **error);
guint         wy_phases_page_get_n_milestones    (WyPhasesPage *self);
/* A milestone row's widgets ("name", "due_date", "done"), for tests. */
GtkWidget    *wy_phases_page_get_milestone_widget (WyPhasesPage *self,
                                                   gint64        milestone_id,
                                                   const char   *field);
WyLight       wy_phases_page_get_milestone_light (WyPhasesPage *self,
                                                  gint64        milestone_id);

/* Opens the shift dialog (returned for tests). */
WyShiftPlanDialog *wy_phases_page_open_shift_dialog (WyPhasesPage *self);

/* Moves the keyboard focus to a milestone's row (the Due view's "open"). */
void          wy_phases_page_focus_milestone     (WyPhasesPage *self,
                                                  gint64        milestone_id);

G_END_DECLS
