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

G_END_DECLS
