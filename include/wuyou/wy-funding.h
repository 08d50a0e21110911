/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wy-store.h"

G_BEGIN_DECLS

/* Money raised per compound (多渠道筹集资金): the five sources of the
 * funding table's "source" field, in the schema's order. */
#define WY_FUNDING_N_SOURCES 5

typedef struct {
  gint64  community_id;
  char   *community;
  char   *street;
  guint   count;                              /* funding records */
  double  total;                              /* yuan */
  double  per_source[WY_FUNDING_N_SOURCES];   /* in the schema's code order */
} WyFundingTotals;

void        wy_funding_totals_free                (WyFundingTotals *totals);

/* One row per community, communities without funding included (zero),
 * ordered by street and community. */
GPtrArray  *wy_store_funding_totals_by_community  (WyStore         *self,
                                                   GError         **error);

/* The sum and number of one compound's funding records. */
gboolean    wy_store_funding_total_for_compound   (WyStore         *self,
                                                   gint64           compound_id,
                                                   double          *total,
                                                   guint           *count,
                                                   GError         **error);

/* The same for every compound of one community. */
gboolean    wy_store_funding_total_for_community  (WyStore         *self,
                                                   gint64           community_id,
                                                   double          *total,
                                                   guint           *count,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyFundingTotals, wy_funding_totals_free)

G_END_DECLS
