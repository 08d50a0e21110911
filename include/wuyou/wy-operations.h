/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wy-store.h"

G_BEGIN_DECLS

/* The domain's operations of several writes, each one change of the
 * store (wy_store_change_begin … end, a SAVEPOINT): it nests, so an
 * import of 500 compounds is this called 500 times inside one change or
 * transaction, and undone as one step; alone, it is a step of its own.
 * On an error nothing of it is left. */

/* A new compound (name trimmed; community_id 0 for none, which the store
 * refuses as it refuses any missing required field) with the status
 * "not met" (WY_TARGET_NOT_MET) of every active target. Returns its id,
 * or 0 with error set. */
gint64    wy_compound_add_with_targets (WyStore      *store,
                                        const char   *name,
                                        gint64        community_id,
                                        const char   *category,
                                        GError      **error);

/* A progress note on a task (text trimmed and required, percent 0..100,
 * dated today, written by the store's operator) and the task's progress
 * set to percent; a task not started becomes "in progress" when percent
 * is above 0 (never the reverse, and "done" is the user's to set).
 * Returns the note's id, or 0 with error set. */
gint64    wy_task_record_progress      (WyStore      *store,
                                        gint64        task_id,
                                        const char   *text,
                                        int           percent,
                                        const GDate  *today,
                                        GError      **error);

G_END_DECLS
