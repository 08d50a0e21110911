/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

G_BEGIN_DECLS

#define WY_TYPE_SHIFT_PLAN_DIALOG (wy_shift_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WyShiftPlanDialog, wy_shift_plan_dialog, WY, SHIFT_PLAN_DIALOG, GtkWindow)

/* One date the shift moves, for the preview. */
typedef struct {
  WyTable  table;
  gint64   id;
  char    *what;       /* "Phase 1 · … — starts", a milestone, a task */
  char    *old_date;
  char    *new_date;
} WyShiftPreviewEntry;

/* "Shift the whole plan to a new start date": a date entry, the preview
 * of every plan date old → new (phases, milestones, the plan's tasks),
 * Apply / Cancel. Nothing is written before Apply. */
WyShiftPlanDialog *wy_shift_plan_dialog_new            (GtkWindow         *parent,
                                                        WyStore           *store);
/* What typing a date into the entry does (the preview follows). */
void               wy_shift_plan_dialog_set_start_text (WyShiftPlanDialog *self,
                                                        const char        *iso);
/* The preview, of WyShiftPreviewEntry (empty while the date is invalid). */
GPtrArray         *wy_shift_plan_dialog_get_preview    (WyShiftPlanDialog *self);
/* Days every date moves by (0 while the date is invalid). */
int                wy_shift_plan_dialog_get_days       (WyShiftPlanDialog *self);
/* The message under the date entry, or NULL. */
const char        *wy_shift_plan_dialog_get_error      (WyShiftPlanDialog *self);
/* Apply: shifts the plan in the store and closes the dialog. */
gboolean           wy_shift_plan_dialog_apply          (WyShiftPlanDialog *self,
                                                        GError           **error);
/* Cancel: closes without writing anything. */
void               wy_shift_plan_dialog_cancel         (WyShiftPlanDialog *self);

G_END_DECLS
