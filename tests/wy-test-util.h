/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <wuyou/wuyou.h>

G_BEGIN_DECLS

/* A fresh temporary folder per test, removed at the end of the process. */
char   *wy_test_tmp_path   (const char  *basename);
/* The whole file, to prove a refused file was left as it was. */
GBytes *wy_test_read_file  (const char  *path);
void    wy_test_date       (GDate       *out,
                            const char  *iso);

/* A demonstration ledger of size compounds made as of today_iso, opened,
 * with the operator "测试员" for the audit log. */
WyStore *wy_test_open_demo (const char  *basename,
                            guint        size,
                            const char  *today_iso);

/* Inserts record (taken) and returns its id; the test fails on an error. */
gint64   wy_test_insert    (WyStore     *store,
                            WyRecord    *record);
/* A row of table with its name, under parent_field = parent_id unless
 * parent_field is NULL (districts, streets, communities, targets…). */
gint64   wy_test_add_named (WyStore     *store,
                            WyTable      table,
                            const char  *parent_field,
                            gint64       parent_id,
                            const char  *name);

/* The first column of the first row sql gives on the file, read with
 * SQLite itself: what is stored, past the store's reading (NULL if none). */
char    *wy_test_sql_text  (const char  *path,
                            const char  *sql);

G_END_DECLS
