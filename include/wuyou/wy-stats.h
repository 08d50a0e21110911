/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wy-store.h"

G_BEGIN_DECLS

/* Aggregates the briefings are made of. They are computed in SQL so a
 * 50,000-compound ledger answers without loading its rows, with the same
 * boundaries as wy_light_compute(). */

typedef struct {
  guint compounds;
  guint self_managed;
  guint three_none;
  guint pilots;
  guint attained;
  guint problems;
  guint problems_open;       /* not signed off */
  guint problems_overdue;    /* red */
  guint problems_due_soon;   /* yellow */
  guint problems_signed_off;
} WyDashboard;

gboolean    wy_store_get_dashboard          (WyStore       *self,
                                             const GDate   *today,
                                             guint          warning_days,
                                             WyDashboard   *out,
                                             GError       **error);

typedef enum {
  WY_LEVEL_COMMUNITY,
  WY_LEVEL_STREET,
  WY_LEVEL_DISTRICT,
} WyLevel;

typedef struct {
  gint64  id;           /* community, street or district id */
  char   *name;
  char   *parent_name;  /* street of a community, district of a street */
  guint   compounds;
  guint   attained;
  double  rate;         /* attained / compounds, 0 when there are none */
  guint   n_targets;
  guint  *met_per_target; /* compounds that met target i, in target order */
} WyAttainmentRow;

void        wy_attainment_row_free          (WyAttainmentRow *row);
/* One row per unit of the level, units without compounds included. */
GPtrArray  *wy_store_attainment_by          (WyStore       *self,
                                             WyLevel        level,
                                             GError       **error);

/* Whether a compound has met every active target. */
gboolean    wy_store_compound_is_attained   (WyStore       *self,
                                             gint64         compound_id,
                                             gboolean      *attained,
                                             GError       **error);

typedef struct {
  gint64  community_id;
  char   *community;
  char   *street;
  char   *last_meeting;   /* ISO date of the last consultation, or NULL */
} WyConsultationGap;

void        wy_consultation_gap_free        (WyConsultationGap *gap);
/* Communities whose last consultation meeting (共建议事会) is more than six
 * months before today, or that never had one. */
GPtrArray  *wy_store_consultation_gaps      (WyStore       *self,
                                             const GDate   *today,
                                             GError       **error);

/* Assistance terms (not closed) whose end date falls within warning_days
 * of today, or has passed: ids of assistance_unit rows, soonest first. */
GArray     *wy_store_terms_ending           (WyStore       *self,
                                             const GDate   *today,
                                             guint          warning_days,
                                             GError       **error);

/* The compound list of the window: one light row per compound. Made by
 * the store only, freed with wy_compound_row_free(): its texts share the
 * row's allocation, so they are read, never freed or replaced one by one. */
typedef struct {
  gint64  id;
  gint64  community_id;
  gint64  street_id;
  gint64  governance_mode_id; /* 0 when not set */
  char   *name;
  char   *address;
  char   *community;
  char   *street;
  char   *category;           /* code */
  gboolean pilot;
  char   *governance_mode;    /* name, or NULL */
  gint64  households;         /* -1 when unknown */
  guint   targets_met;
  guint   targets_total;
  char   *target_marks;       /* one letter per active target, in order:
                                 M met, P in progress, N not met */
  guint   open_problems;
  char   *nearest_deadline;   /* of open problems, or NULL */
} WyCompoundRow;

void        wy_compound_row_free            (WyCompoundRow *row);
GPtrArray  *wy_store_list_compound_rows     (WyStore       *self,
                                             GError       **error);
/* One row, to refresh a list after an edit without reloading it. */
WyCompoundRow *wy_store_get_compound_row    (WyStore       *self,
                                             gint64         compound_id,
                                             GError       **error);

/* The problem list (问题清单) of the whole ledger, or of one compound. */
typedef struct {
  gint64  id;
  gint64  compound_id;
  gint64  community_id;
  gint64  street_id;
  char   *compound;
  char   *community;
  char   *street;
  char   *category;           /* code: target, safety, other */
  char   *target;             /* name of the target, when category is target */
  char   *description;
  char   *responsible_unit;
  char   *responsible_person;
  char   *raised_date;
  char   *deadline;
  char   *status;             /* code */
  char   *signed_off_date;
  guint   n_updates;
} WyProblemRow;

void        wy_problem_row_free             (WyProblemRow  *row);
/* compound_id <= 0: every problem of the ledger. */
GPtrArray  *wy_store_list_problem_rows      (WyStore       *self,
                                             gint64         compound_id,
                                             GError       **error);
WyProblemRow *wy_store_get_problem_row      (WyStore       *self,
                                             gint64         problem_id,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyAttainmentRow, wy_attainment_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyConsultationGap, wy_consultation_gap_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyCompoundRow, wy_compound_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyProblemRow, wy_problem_row_free)

G_END_DECLS
