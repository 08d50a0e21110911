/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "wuyou/wy-date.h"
#include "wy-export-private.h"

/* The ledger workbook in the official form: on every sheet a merged title
 * row, a row with 填报单位 / 填报日期 / 截至日期, a bold bordered header,
 * the rows, and a last line for 填报人 / 审核人 / 联系电话; A4 or A3
 * landscape, one page wide, the three top rows repeated on every page,
 * “第 &P 页 共 &N 页” in the footer, frozen header, autofilter.
 *
 * Every sheet is written in order, row after row, so libxlsxwriter's
 * constant_memory mode can stream it (merges are single-row only).
 *
 * The sheet texts below (sheet names, titles, column headers, the words in
 * the cells) are data of the official form the district expects, in
 * Chinese whatever the UI language: they are not UI strings and are not
 * wrapped in _(). */

#define FONT_BODY   "宋体"
#define FONT_TITLE  "黑体"
#define FONT_INFO   "仿宋"

#define HEADER_ROW  2
#define FIRST_ROW   3
#define MAX_CELL_BYTES 32000   /* Excel's limit is 32,767 characters */

const char * const wy_export_problem_headers[WY_EXPORT_N_PROBLEM_COLUMNS] = {
  "序号", "街道", "社区", "小区名称", "问题类别", "问题描述", "整改措施",
  "责任单位", "责任人", "整改时限", "整改进展", "状态", "亮灯", "销号时间",
  "验收人", "备注",
};

typedef enum {
  CELL_EMPTY,
  CELL_TEXT,
  CELL_NUMBER,
  CELL_DATE,
  CELL_PERCENT,
  CELL_LIGHT,
} CellKind;

typedef struct {
  CellKind    kind;
  const char *text;
  double      number;   /* number, percent 0..1, Julian day of a date */
  WyLight     light;
} Cell;

typedef struct {
  const char *header;
  double      cap;      /* widest the column may grow, in character units */
  gboolean    center;
  double      width;    /* computed */
} Column;

/* Fills cells[n_columns] for row i; returns whether the row is bold. */
typedef gboolean (*RowFunc) (gpointer  data,
                             guint     i,
                             Cell     *cells);

typedef struct {
  WyExportSnapshot     *snapshot;
  lxw_workbook         *workbook;
  WyExportProgressFunc  progress;
  gpointer              user_data;
  GCancellable         *cancellable;
  guint64               rows_total;
  guint64               rows_done;
  guint32               excel_epoch;   /* Julian day of 1899-12-30 */

  lxw_format *title;
  lxw_format *info_left;
  lxw_format *info_center;
  lxw_format *info_right;
  lxw_format *header;
  lxw_format *sign;
  lxw_format *text[2][2];     /* [center][bold] */
  lxw_format *number[2];      /* [bold] */
  lxw_format *date;
  lxw_format *percent[2];     /* [bold] */
  lxw_format *light[WY_LIGHT_DONE + 1];
} Writer;

/* --- Formats -------------------------------------------------------------- */

static lxw_format *
body_format (Writer     *w,
             gboolean    center,
             gboolean    bold,
             const char *num_format)
{
  lxw_format *format = workbook_add_format (w->workbook);

  format_set_font_name (format, FONT_BODY);
  format_set_font_size (format, 10);
  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, center ? LXW_ALIGN_CENTER : LXW_ALIGN_LEFT);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (format);
  if (bold)
    format_set_bold (format);
  if (num_format != NULL)
    format_set_num_format (format, num_format);
  return format;
}

static void
make_formats (Writer *w)
{
  static const lxw_color_t fills[WY_LIGHT_DONE + 1] = {
    [WY_LIGHT_NONE] = LXW_COLOR_WHITE,
    [WY_LIGHT_GREEN] = 0xA9D08E,
    [WY_LIGHT_YELLOW] = 0xFFE699,
    [WY_LIGHT_RED] = 0xFF7C80,
    [WY_LIGHT_DONE] = 0xD9D9D9,
  };

  w->title = workbook_add_format (w->workbook);
  format_set_font_name (w->title, FONT_TITLE);
  format_set_font_size (w->title, 16);
  format_set_bold (w->title);
  format_set_align (w->title, LXW_ALIGN_CENTER);
  format_set_align (w->title, LXW_ALIGN_VERTICAL_CENTER);

  w->info_left = workbook_add_format (w->workbook);
  format_set_font_name (w->info_left, FONT_INFO);
  format_set_font_size (w->info_left, 11);
  format_set_align (w->info_left, LXW_ALIGN_VERTICAL_CENTER);
  w->info_center = workbook_add_format (w->workbook);
  format_set_font_name (w->info_center, FONT_INFO);
  format_set_font_size (w->info_center, 11);
  format_set_align (w->info_center, LXW_ALIGN_CENTER);
  format_set_align (w->info_center, LXW_ALIGN_VERTICAL_CENTER);
  w->info_right = workbook_add_format (w->workbook);
  format_set_font_name (w->info_right, FONT_INFO);
  format_set_font_size (w->info_right, 11);
  format_set_align (w->info_right, LXW_ALIGN_RIGHT);
  format_set_align (w->info_right, LXW_ALIGN_VERTICAL_CENTER);

  w->sign = workbook_add_format (w->workbook);
  format_set_font_name (w->sign, FONT_INFO);
  format_set_font_size (w->sign, 11);
  format_set_align (w->sign, LXW_ALIGN_VERTICAL_CENTER);

  w->header = body_format (w, TRUE, TRUE, NULL);
  format_set_bg_color (w->header, 0xF2F2F2);

  for (int center = 0; center < 2; center++)
    for (int bold = 0; bold < 2; bold++)
      w->text[center][bold] = body_format (w, center, bold, NULL);
  for (int bold = 0; bold < 2; bold++)
    {
      w->number[bold] = body_format (w, TRUE, bold, "0");
      w->percent[bold] = body_format (w, TRUE, bold, "0.0%");
    }
  w->date = body_format (w, TRUE, FALSE, "yyyy-mm-dd");
  for (int light = 0; light <= WY_LIGHT_DONE; light++)
    {
      w->light[light] = body_format (w, TRUE, light == WY_LIGHT_RED, NULL);
      if (light != WY_LIGHT_NONE)
        format_set_bg_color (w->light[light], fills[light]);
    }
}

/* --- Widths --------------------------------------------------------------- */

/* Display width of one line in character units: CJK and other wide
 * characters count two, everything else one. */
static double
text_units (const char *text,
            const char *end)
{
  double units = 0;

  for (const char *p = text; p < end && *p != '\0'; p = g_utf8_next_char (p))
    units += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return units;
}

/* The widest line, and the number of printed lines at a column width. */
static void
measure (const char *text,
         double      width,
         double     *widest,
         guint      *lines)
{
  const char *line = text;

  *widest = 0;
  *lines = 0;
  if (text == NULL || text[0] == '\0')
    {
      *lines = 1;
      return;
    }
  while (line != NULL)
    {
      const char *end = strchr (line, '\n');
      double units = text_units (line, end != NULL ? end : line + strlen (line));

      *widest = MAX (*widest, units);
      if (width > 0)
        *lines += MAX (1, (guint) ceil (units / MAX (width - 1.5, 1.0)));
      line = end != NULL ? end + 1 : NULL;
    }
}

static double
cell_units (const Cell *cell)
{
  double widest = 0;
  guint lines;

  switch (cell->kind)
    {
    case CELL_TEXT:
      measure (cell->text, 0, &widest, &lines);
      return widest;
    case CELL_NUMBER:
      return cell->number >= 100000 ? 8 : cell->number >= 1000 ? 6 : 4;
    case CELL_DATE:
      return 10;
    case CELL_PERCENT:
      return 6;
    case CELL_LIGHT:
      return text_units (wy_export_light_words (cell->light), NULL);
    case CELL_EMPTY:
    default:
      return 0;
    }
}

/* --- Progress ------------------------------------------------------------- */

static gboolean
row_done (Writer  *w,
          GError **error)
{
  w->rows_done++;
  if (w->rows_done % 1024 != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (w->cancellable, error))
    return FALSE;
  if (w->progress != NULL && w->rows_total > 0)
    w->progress (0.9 * (double) w->rows_done / (double) w->rows_total, w->user_data);
  return TRUE;
}

/* --- One sheet ------------------------------------------------------------ */

static char *
chinese_date (const GDate *date)
{
  return g_strdup_printf ("%d年%d月%d日", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static lxw_worksheet *
begin_sheet (Writer     *w,
             const char *name,
             Column     *columns,
             guint       n_columns,
             guint       n_rows,
             RowFunc     get_row,
             gpointer    data)
{
  WyExportSnapshot *s = w->snapshot;
  lxw_worksheet *ws = workbook_add_worksheet (w->workbook, name);
  g_autofree char *title = g_strdup_printf ("%s（%s）", s->title, name);
  g_autofree char *report = chinese_date (&s->report_date);
  g_autofree char *as_of = chinese_date (&s->as_of);
  g_autofree char *unit = g_strconcat ("填报单位：", s->reporting_unit, NULL);
  g_autofree char *reported = g_strconcat ("填报日期：", report, NULL);
  g_autofree char *until = g_strconcat ("截至日期：", as_of, NULL);
  g_autofree Cell *cells = g_new0 (Cell, n_columns);
  guint header_lines = 1;
  guint third = n_columns / 3;

  /* Print setup */
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, (uint8_t) s->paper);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.7);
  worksheet_center_horizontally (ws);
  worksheet_set_footer (ws, "&C第 &P 页 共 &N 页");
  worksheet_repeat_rows (ws, 0, HEADER_ROW);
  worksheet_freeze_panes (ws, FIRST_ROW, 0);

  /* Widths from the content: the header counts up to 8 units (it wraps),
   * the cells up to the column's cap (long text wraps). */
  for (guint c = 0; c < n_columns; c++)
    columns[c].width = MIN (text_units (columns[c].header, NULL), 8);
  for (guint i = 0; i < n_rows; i++)
    {
      memset (cells, 0, sizeof (Cell) * n_columns);
      get_row (data, i, cells);
      for (guint c = 0; c < n_columns; c++)
        columns[c].width = MAX (columns[c].width, cell_units (&cells[c]));
    }
  for (guint c = 0; c < n_columns; c++)
    {
      double widest;
      guint lines;

      columns[c].width = CLAMP (columns[c].width + 2, 4, columns[c].cap);
      worksheet_set_column (ws, (lxw_col_t) c, (lxw_col_t) c, columns[c].width, NULL);
      measure (columns[c].header, columns[c].width, &widest, &lines);
      header_lines = MAX (header_lines, lines);
    }

  /* Title, info row, header */
  worksheet_set_row (ws, 0, 32, NULL);
  worksheet_merge_range (ws, 0, 0, 0, (lxw_col_t) (n_columns - 1), title, w->title);
  worksheet_set_row (ws, 1, 20, NULL);
  if (third == 0)
    worksheet_write_string (ws, 1, 0, unit, w->info_left);
  else
    {
      worksheet_merge_range (ws, 1, 0, 1, (lxw_col_t) (third - 1), unit, w->info_left);
      worksheet_merge_range (ws, 1, (lxw_col_t) third, 1, (lxw_col_t) (n_columns - third - 1),
                             reported, w->info_center);
      worksheet_merge_range (ws, 1, (lxw_col_t) (n_columns - third), 1, (lxw_col_t) (n_columns - 1),
                             until, w->info_right);
    }
  worksheet_set_row (ws, HEADER_ROW, 14.5 * header_lines + 4, NULL);
  for (guint c = 0; c < n_columns; c++)
    worksheet_write_string (ws, HEADER_ROW, (lxw_col_t) c, columns[c].header, w->header);

  return ws;
}

static char *
clip (const char *text)
{
  const char *end;

  if (text == NULL || strlen (text) <= MAX_CELL_BYTES)
    return NULL;
  end = g_utf8_find_prev_char (text, text + MAX_CELL_BYTES);
  return g_strndup (text, end - text);
}

static gboolean
write_rows (Writer        *w,
            lxw_worksheet *ws,
            Column        *columns,
            guint          n_columns,
            guint          n_rows,
            RowFunc        get_row,
            gpointer       data,
            GError       **error)
{
  g_autofree Cell *cells = g_new0 (Cell, n_columns);
  lxw_row_t last;
  g_autofree char *sign = NULL;

  for (guint i = 0; i < n_rows; i++)
    {
      lxw_row_t row = FIRST_ROW + i;
      gboolean bold;
      guint lines = 1;

      memset (cells, 0, sizeof (Cell) * n_columns);
      bold = get_row (data, i, cells);

      for (guint c = 0; c < n_columns; c++)
        if (cells[c].kind == CELL_TEXT && cells[c].text != NULL)
          {
            double widest;
            guint n;

            measure (cells[c].text, columns[c].width, &widest, &n);
            lines = MAX (lines, n);
          }
      if (lines > 1)
        worksheet_set_row (ws, row, 13.5 * MIN (lines, 30) + 2, NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          const Cell *cell = &cells[c];
          lxw_col_t col = (lxw_col_t) c;

          switch (cell->kind)
            {
            case CELL_TEXT:
              if (cell->text != NULL && cell->text[0] != '\0')
                {
                  g_autofree char *clipped = clip (cell->text);

                  worksheet_write_string (ws, row, col, clipped != NULL ? clipped : cell->text,
                                          w->text[columns[c].center][bold]);
                }
              else
                worksheet_write_blank (ws, row, col, w->text[columns[c].center][bold]);
              break;
            case CELL_NUMBER:
              worksheet_write_number (ws, row, col, cell->number, w->number[bold]);
              break;
            case CELL_PERCENT:
              worksheet_write_number (ws, row, col, cell->number, w->percent[bold]);
              break;
            case CELL_DATE:
              /* A real Excel date: days since 1899-12-30. */
              worksheet_write_number (ws, row, col, cell->number - w->excel_epoch, w->date);
              break;
            case CELL_LIGHT:
              if (cell->light != WY_LIGHT_NONE)
                worksheet_write_string (ws, row, col, wy_export_light_words (cell->light),
                                        w->light[cell->light]);
              else
                worksheet_write_blank (ws, row, col, w->light[WY_LIGHT_NONE]);
              break;
            case CELL_EMPTY:
            default:
              worksheet_write_blank (ws, row, col, w->text[columns[c].center][bold]);
              break;
            }
        }
      if (!row_done (w, error))
        return FALSE;
    }

  last = FIRST_ROW + (n_rows > 0 ? n_rows - 1 : 0);
  worksheet_autofilter (ws, HEADER_ROW, 0, n_rows > 0 ? last : HEADER_ROW, (lxw_col_t) (n_columns - 1));

  /* The last line of the form, one row below the table. */
  sign = g_strdup ("填报人：　　　　　　　　　　审核人：　　　　　　　　　　联系电话：");
  last = FIRST_ROW + n_rows + 1;
  worksheet_set_row (ws, last, 22, NULL);
  if (n_columns > 1)
    worksheet_merge_range (ws, last, 0, last, (lxw_col_t) (n_columns - 1), sign, w->sign);
  else
    worksheet_write_string (ws, last, 0, sign, w->sign);
  return TRUE;
}

static gboolean
write_sheet (Writer     *w,
             const char *name,
             Column     *columns,
             guint       n_columns,
             guint       n_rows,
             RowFunc     get_row,
             gpointer    data,
             GError    **error)
{
  lxw_worksheet *ws = begin_sheet (w, name, columns, n_columns, n_rows, get_row, data);

  return write_rows (w, ws, columns, n_columns, n_rows, get_row, data, error);
}

/* --- 小区基本情况台账 ------------------------------------------------------ */

#define COMPOUND_FIXED_BEFORE 11   /* 序号 … 试点 */
#define COMPOUND_FIXED_AFTER 5     /* 达标 … 备注 */

static void
set_text (Cell       *cell,
          const char *text)
{
  cell->kind = CELL_TEXT;
  cell->text = text;
}

static void
set_number (Cell   *cell,
            double  number)
{
  cell->kind = CELL_NUMBER;
  cell->number = number;
}

static void
set_optional_number (Cell   *cell,
                     gint64  number)
{
  if (number >= 0)
    set_number (cell, (double) number);
}

static void
set_date (Cell    *cell,
          guint32  julian)
{
  if (julian != 0)
    {
      cell->kind = CELL_DATE;
      cell->number = julian;
    }
}

static gboolean
compound_row (gpointer  data,
              guint     i,
              Cell     *cells)
{
  WyExportSnapshot *s = data;
  const WyExportCompound *c = &g_array_index (s->compounds, WyExportCompound, i);
  guint n_targets = s->target_names->len;
  Cell *after = cells + COMPOUND_FIXED_BEFORE + n_targets;

  set_number (&cells[0], i + 1);
  set_text (&cells[1], c->district);
  set_text (&cells[2], c->street);
  set_text (&cells[3], c->community);
  set_text (&cells[4], c->name);
  set_text (&cells[5], g_strcmp0 (c->category, WY_CATEGORY_THREE_NONE) == 0 ? "三无小区" : "自管小区");
  set_optional_number (&cells[6], c->year_built);
  set_optional_number (&cells[7], c->buildings);
  set_optional_number (&cells[8], c->households);
  set_text (&cells[9], c->mode);
  set_text (&cells[10], c->pilot ? "是" : "否");
  for (guint t = 0; t < n_targets; t++)
    set_text (&cells[COMPOUND_FIXED_BEFORE + t],
              c->marks[t] == 'M' ? "达标" : c->marks[t] == 'P' ? "推进中" : "未达标");
  set_text (&after[0], c->attained ? "是" : "否");
  set_text (&after[1], c->assistance_unit);
  set_text (&after[2], c->grid_staff);
  set_text (&after[3], c->service_provider);
  set_text (&after[4], c->notes);
  return FALSE;
}

static gboolean
write_compounds (Writer  *w,
                 GError **error)
{
  WyExportSnapshot *s = w->snapshot;
  static const Column before[COMPOUND_FIXED_BEFORE] = {
    { "序号", 7, TRUE, 0 }, { "县(市、区)", 12, FALSE, 0 }, { "街道", 12, FALSE, 0 },
    { "社区", 12, FALSE, 0 }, { "小区名称", 16, FALSE, 0 }, { "类型", 10, TRUE, 0 },
    { "建成年份", 7, TRUE, 0 }, { "楼栋数", 6, TRUE, 0 }, { "户数", 7, TRUE, 0 },
    { "治理模式", 12, TRUE, 0 }, { "试点", 5, TRUE, 0 },
  };
  static const Column after[COMPOUND_FIXED_AFTER] = {
    { "达标", 5, TRUE, 0 }, { "帮扶单位", 18, FALSE, 0 }, { "网格员", 14, FALSE, 0 },
    { "物业服务人", 16, FALSE, 0 }, { "备注", 16, FALSE, 0 },
  };
  guint n_targets = s->target_names->len;
  guint n_columns = COMPOUND_FIXED_BEFORE + n_targets + COMPOUND_FIXED_AFTER;
  g_autofree Column *columns = g_new0 (Column, n_columns);

  memcpy (columns, before, sizeof before);
  for (guint t = 0; t < n_targets; t++)
    columns[COMPOUND_FIXED_BEFORE + t] = (Column) { g_ptr_array_index (s->target_names, t), 8, TRUE, 0 };
  memcpy (columns + COMPOUND_FIXED_BEFORE + n_targets, after, sizeof after);

  return write_sheet (w, "小区基本情况台账", columns, n_columns, s->compounds->len,
                      compound_row, s, error);
}

/* --- 问题整改销号台账 ------------------------------------------------------ */

typedef struct {
  WyExportSnapshot *snapshot;
  GArray           *rows;     /* indices into snapshot->problems, or NULL: all */
} ProblemRows;

static gboolean
problem_row (gpointer  data,
             guint     i,
             Cell     *cells)
{
  ProblemRows *rows = data;
  guint index = rows->rows != NULL ? g_array_index (rows->rows, guint, i) : i;
  const WyExportProblem *p = &g_array_index (rows->snapshot->problems, WyExportProblem, index);

  set_number (&cells[0], i + 1);
  set_text (&cells[1], p->street);
  set_text (&cells[2], p->community);
  set_text (&cells[3], p->compound);
  set_text (&cells[4], p->category);
  set_text (&cells[5], p->description);
  set_text (&cells[6], p->measure);
  set_text (&cells[7], p->responsible_unit);
  set_text (&cells[8], p->responsible_person);
  set_date (&cells[9], p->deadline);
  set_text (&cells[10], p->progress);
  set_text (&cells[11], wy_export_problem_status_words (p->status));
  cells[12].kind = CELL_LIGHT;
  cells[12].light = p->light;
  set_date (&cells[13], p->signed_off);
  set_text (&cells[14], p->verifier);
  set_text (&cells[15], p->notes);
  return FALSE;
}

static gboolean
write_problem_sheet (Writer      *w,
                     const char  *name,
                     GArray      *indices,
                     GError     **error)
{
  static const double caps[WY_EXPORT_N_PROBLEM_COLUMNS] = {
    7, 12, 12, 16, 14, 26, 22, 14, 8, 11, 32, 13, 6, 11, 8, 14,
  };
  static const gboolean centered[WY_EXPORT_N_PROBLEM_COLUMNS] = {
    TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, TRUE, FALSE, TRUE, TRUE, TRUE, TRUE, FALSE,
  };
  Column columns[WY_EXPORT_N_PROBLEM_COLUMNS];
  ProblemRows rows = { w->snapshot, indices };

  for (guint c = 0; c < WY_EXPORT_N_PROBLEM_COLUMNS; c++)
    columns[c] = (Column) { wy_export_problem_headers[c], caps[c], centered[c], 0 };

  return write_sheet (w, name, columns, WY_EXPORT_N_PROBLEM_COLUMNS,
                      indices != NULL ? indices->len : w->snapshot->problems->len,
                      problem_row, &rows, error);
}

static gboolean
write_problems (Writer  *w,
                GError **error)
{
  WyExportSnapshot *s = w->snapshot;
  g_autoptr(GArray) fresh = NULL;
  g_autoptr(GArray) open = NULL;
  g_autoptr(GArray) closed = NULL;
  guint32 as_of = g_date_get_julian (&s->as_of);

  if (!s->three_lists)
    return write_problem_sheet (w, "问题整改销号台账", NULL, error);

  fresh = g_array_new (FALSE, FALSE, sizeof (guint));
  open = g_array_new (FALSE, FALSE, sizeof (guint));
  closed = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < s->problems->len; i++)
    {
      const WyExportProblem *p = &g_array_index (s->problems, WyExportProblem, i);

      if (g_strcmp0 (p->status, WY_PROBLEM_SIGNED_OFF) == 0)
        g_array_append_val (closed, i);
      else if (p->raised != 0 && p->raised <= as_of && p->raised + s->new_days > as_of)
        g_array_append_val (fresh, i);
      else
        g_array_append_val (open, i);
    }

  return write_problem_sheet (w, "新增问题台账", fresh, error) &&
         write_problem_sheet (w, "推进中问题台账", open, error) &&
         write_problem_sheet (w, "已销号问题台账", closed, error);
}

/* --- 工作任务推进表 -------------------------------------------------------- */

static gboolean
task_row (gpointer  data,
          guint     i,
          Cell     *cells)
{
  WyExportSnapshot *s = data;
  const WyExportTask *t = &g_array_index (s->tasks, WyExportTask, i);

  set_number (&cells[0], i + 1);
  set_text (&cells[1], t->title);
  set_text (&cells[2], t->lead_units);
  set_text (&cells[3], t->co_units);
  set_date (&cells[4], t->deadline);
  if (t->progress >= 0)
    {
      cells[5].kind = CELL_PERCENT;
      cells[5].number = t->progress / 100.0;
    }
  set_text (&cells[6], t->notes);
  set_text (&cells[7], wy_export_task_status_words (t->status));
  cells[8].kind = CELL_LIGHT;
  cells[8].light = t->light;
  set_text (&cells[9], t->remarks);
  return FALSE;
}

static gboolean
write_tasks (Writer  *w,
             GError **error)
{
  Column columns[] = {
    { "序号", 7, TRUE, 0 }, { "工作任务", 30, FALSE, 0 }, { "牵头单位", 24, FALSE, 0 },
    { "配合单位", 24, FALSE, 0 }, { "完成时限", 11, TRUE, 0 }, { "进度", 7, TRUE, 0 },
    { "推进情况", 36, FALSE, 0 }, { "状态", 8, TRUE, 0 }, { "亮灯", 6, TRUE, 0 },
    { "备注", 16, FALSE, 0 },
  };

  return write_sheet (w, "工作任务推进表", columns, G_N_ELEMENTS (columns),
                      w->snapshot->tasks->len, task_row, w->snapshot, error);
}

/* --- 阶段节点 -------------------------------------------------------------- */

typedef struct {
  WyExportSnapshot *snapshot;
  GPtrArray        *numbers;   /* "1", "1.1", … per row */
} NodeRows;

static gboolean
node_row (gpointer  data,
          guint     i,
          Cell     *cells)
{
  NodeRows *rows = data;
  const WyExportNode *n = &g_array_index (rows->snapshot->nodes, WyExportNode, i);

  set_text (&cells[0], g_ptr_array_index (rows->numbers, i));
  set_text (&cells[1], n->phase);
  set_text (&cells[2], n->is_phase ? "" : n->milestone);
  set_date (&cells[3], n->start);
  set_date (&cells[4], n->due);
  set_text (&cells[5], n->done ? "已完成" : "未完成");
  set_date (&cells[6], n->done_date);
  cells[7].kind = CELL_LIGHT;
  cells[7].light = n->light;
  return n->is_phase;
}

static gboolean
write_nodes (Writer  *w,
             GError **error)
{
  Column columns[] = {
    { "序号", 7, TRUE, 0 }, { "阶段", 30, FALSE, 0 }, { "节点", 40, FALSE, 0 },
    { "开始日期", 11, TRUE, 0 }, { "截止日期", 11, TRUE, 0 }, { "完成情况", 9, TRUE, 0 },
    { "完成日期", 11, TRUE, 0 }, { "亮灯", 6, TRUE, 0 },
  };
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  NodeRows rows = { w->snapshot, numbers };
  guint phase = 0, milestone = 0;

  for (guint i = 0; i < w->snapshot->nodes->len; i++)
    {
      const WyExportNode *n = &g_array_index (w->snapshot->nodes, WyExportNode, i);

      if (n->is_phase)
        {
          phase++;
          milestone = 0;
          g_ptr_array_add (numbers, g_strdup_printf ("%u", phase));
        }
      else
        g_ptr_array_add (numbers, g_strdup_printf ("%u.%u", phase, ++milestone));
    }

  return write_sheet (w, "阶段节点", columns, G_N_ELEMENTS (columns),
                      w->snapshot->nodes->len, node_row, &rows, error);
}

/* --- 五有达标统计 ---------------------------------------------------------- */

typedef struct {
  const char *street;
  const char *community;   /* NULL: a street total or the grand total */
  guint       number;      /* 序号 within its section, 0 for the total */
  guint       compounds;
  guint       attained;
  guint      *met;         /* per target */
  gboolean    bold;
} Tally;

typedef struct {
  WyExportSnapshot *snapshot;
  GArray           *tallies;
  guint             n_streets;
  guint             n_communities;
} Attainment;

static void
tally_add (Tally                  *tally,
           const WyExportCompound *c,
           guint                   n_targets)
{
  tally->compounds++;
  tally->attained += c->attained ? 1 : 0;
  for (guint t = 0; t < n_targets; t++)
    tally->met[t] += c->marks[t] == 'M' ? 1 : 0;
}

static gboolean
attainment_row (gpointer  data,
                guint     i,
                Cell     *cells)
{
  Attainment *a = data;
  const Tally *t = &g_array_index (a->tallies, Tally, i);
  guint n_targets = a->snapshot->target_names->len;

  if (t->number > 0)
    set_number (&cells[0], t->number);
  set_text (&cells[1], t->street);
  set_text (&cells[2], t->community != NULL ? t->community : "");
  set_number (&cells[3], t->compounds);
  set_number (&cells[4], t->attained);
  cells[5].kind = CELL_PERCENT;
  cells[5].number = t->compounds > 0 ? (double) t->attained / t->compounds : 0;
  for (guint k = 0; k < n_targets; k++)
    set_number (&cells[6 + k], t->met[k]);
  return t->bold;
}

/* The chart of the rates on a chart sheet of its own, right after the
 * table: it prints as one landscape page (a chart inside a sheet with
 * repeated print rows is drawn over those rows by LibreOffice). */
static void
add_chart (Writer      *w,
           Attainment  *a,
           const char  *sheet_name)
{
  WyExportSnapshot *s = w->snapshot;
  gboolean by_street = a->n_streets > 1;
  lxw_row_t first = by_street ? FIRST_ROW : FIRST_ROW + a->n_streets + 1;
  lxw_row_t last = first + (by_street ? a->n_streets : a->n_communities) - 1;
  lxw_col_t name_col = by_street ? 1 : 2;
  lxw_chartsheet *sheet = workbook_add_chartsheet (w->workbook, "五有达标率图");
  lxw_chart *chart = workbook_add_chart (w->workbook, LXW_CHART_COLUMN);
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
  lxw_chart_font font = { .name = (char *) FONT_BODY, .size = 10 };
  lxw_chart_font title_font = { .name = (char *) FONT_TITLE, .size = 14, .bold = LXW_TRUE };
  g_autofree char *as_of = chinese_date (&s->as_of);
  g_autofree char *title = g_strdup_printf ("%s%s“五有”达标率（截至%s）", s->reporting_unit,
                                            by_street ? "各街道" : "各社区", as_of);

  chart_series_set_categories (series, sheet_name, first, name_col, last, name_col);
  chart_series_set_values (series, sheet_name, first, 5, last, 5);
  chart_series_set_name (series, "达标率");
  chart_series_set_labels (series);
  chart_series_set_labels_num_format (series, "0%");
  chart_series_set_labels_font (series, &font);
  chart_title_set_name (chart, title);
  chart_title_set_name_font (chart, &title_font);
  chart_axis_set_num_font (chart->x_axis, &font);
  chart_axis_set_num_font (chart->y_axis, &font);
  chart_axis_set_num_format (chart->y_axis, "0%");
  chart_axis_set_min (chart->y_axis, 0);
  chart_axis_set_max (chart->y_axis, 1);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);

  chartsheet_set_chart (sheet, chart);
  chartsheet_set_landscape (sheet);
  chartsheet_set_paper (sheet, (uint8_t) s->paper);
  chartsheet_set_margins (sheet, 0.4, 0.4, 0.6, 0.7);
  chartsheet_set_footer (sheet, "&C第 &P 页 共 &N 页");
}

static gboolean
write_attainment (Writer  *w,
                  GError **error)
{
  WyExportSnapshot *s = w->snapshot;
  guint n_targets = s->target_names->len;
  guint n_columns = 6 + n_targets;
  g_autofree Column *columns = g_new0 (Column, n_columns);
  g_autoptr(GArray) streets = g_array_new (FALSE, TRUE, sizeof (Tally));
  g_autoptr(GArray) communities = g_array_new (FALSE, TRUE, sizeof (Tally));
  g_autoptr(GArray) tallies = g_array_new (FALSE, TRUE, sizeof (Tally));
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *counts = NULL;
  g_autoptr(GHashTable) street_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) community_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  Tally total = { "合计", NULL, 0, 0, 0, NULL, TRUE };
  Attainment a = { s, tallies, 0, 0 };
  guint n_tallies;

  /* One block of per-target counters for every tally. */
  counts = g_new0 (guint, (gsize) (s->compounds->len * 2 + 1) * MAX (n_targets, 1));
  total.met = counts;
  n_tallies = 1;

  for (guint i = 0; i < s->compounds->len; i++)
    {
      const WyExportCompound *c = &g_array_index (s->compounds, WyExportCompound, i);
      gpointer si = g_hash_table_lookup (street_index, &c->street_id);
      gpointer ci = g_hash_table_lookup (community_index, &c->community_id);
      Tally *street, *community;

      if (si == NULL)
        {
          Tally fresh = { c->street, "全街道", streets->len + 1, 0, 0,
                          counts + (gsize) n_tallies++ * MAX (n_targets, 1), TRUE };

          g_array_append_val (streets, fresh);
          si = GUINT_TO_POINTER (streets->len);
          g_hash_table_insert (street_index, (gpointer) &c->street_id, si);
        }
      if (ci == NULL)
        {
          Tally fresh = { c->street, c->community, communities->len + 1, 0, 0,
                          counts + (gsize) n_tallies++ * MAX (n_targets, 1), FALSE };

          g_array_append_val (communities, fresh);
          ci = GUINT_TO_POINTER (communities->len);
          g_hash_table_insert (community_index, (gpointer) &c->community_id, ci);
        }
      street = &g_array_index (streets, Tally, GPOINTER_TO_UINT (si) - 1);
      community = &g_array_index (communities, Tally, GPOINTER_TO_UINT (ci) - 1);
      tally_add (street, c, n_targets);
      tally_add (community, c, n_targets);
      tally_add (&total, c, n_targets);
    }

  /* Street rows (the chart's range), the total, then community rows. */
  g_array_append_vals (tallies, streets->data, streets->len);
  g_array_append_val (tallies, total);
  g_array_append_vals (tallies, communities->data, communities->len);
  a.n_streets = streets->len;
  a.n_communities = communities->len;

  columns[0] = (Column) { "序号", 7, TRUE, 0 };
  columns[1] = (Column) { "街道", 14, FALSE, 0 };
  columns[2] = (Column) { "社区", 14, FALSE, 0 };
  columns[3] = (Column) { "小区数", 8, TRUE, 0 };
  columns[4] = (Column) { "达标小区数", 8, TRUE, 0 };
  columns[5] = (Column) { "达标率", 8, TRUE, 0 };
  for (guint t = 0; t < n_targets; t++)
    {
      char *header = g_strconcat (g_ptr_array_index (s->target_names, t), "（达标数）", NULL);

      g_ptr_array_add (headers, header);
      columns[6 + t] = (Column) { header, 10, TRUE, 0 };
    }

  if (!write_sheet (w, "五有达标统计", columns, n_columns, tallies->len, attainment_row, &a, error))
    return FALSE;
  if (a.n_streets > 0)
    add_chart (w, &a, "五有达标统计");
  return TRUE;
}

/* --- The workbook ---------------------------------------------------------- */

static void
set_close_error (GError      **error,
                 lxw_error     rc,
                 int           saved_errno,
                 const char   *path)
{
  if (saved_errno == ENOSPC
#ifdef EDQUOT
      || saved_errno == EDQUOT
#endif
      || saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    {
      wy_export_set_io_error (error, saved_errno, path);
      return;
    }
  {
    g_autofree char *shown = g_filename_display_name (path);

    g_set_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_FAILED,
                 _("The workbook “%s” could not be written: %s."), shown, lxw_strerror (rc));
  }
}

static guint64
count_rows (WyExportSnapshot *s)
{
  guint64 rows = 0;

  if (s->sheets & WY_EXPORT_SHEET_COMPOUNDS)
    rows += s->compounds->len;
  if (s->sheets & WY_EXPORT_SHEET_PROBLEMS)
    rows += s->problems->len;
  if (s->sheets & WY_EXPORT_SHEET_TASKS)
    rows += s->tasks->len;
  if (s->sheets & WY_EXPORT_SHEET_PHASES)
    rows += s->nodes->len;
  if (s->sheets & WY_EXPORT_SHEET_ATTAINMENT)
    rows += s->compounds->len / 10;
  return MAX (rows, 1);
}

static gboolean
write_workbook (Writer      *w,
                const char  *temp,
                const char  *path,
                GError     **error)
{
  WyExportSnapshot *s = w->snapshot;
  lxw_workbook_options options = { 0, };
  GDate epoch;
  lxw_error rc;
  int saved_errno;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  w->excel_epoch = g_date_get_julian (&epoch);
  w->rows_total = count_rows (s);

  options.constant_memory = s->constant_memory ? LXW_TRUE : LXW_FALSE;
  options.tmpdir = (char *) g_get_tmp_dir ();
  w->workbook = workbook_new_opt (temp, &options);
  if (w->workbook == NULL)
    {
      wy_export_set_io_error (error, errno != 0 ? errno : ENOMEM, path);
      return FALSE;
    }
  workbook_set_properties (w->workbook, &(lxw_doc_properties) {
                             .title = s->title,
                             .company = s->reporting_unit,
                             .comments = (char *) "Wuyou",
                           });
  make_formats (w);

  if (((s->sheets & WY_EXPORT_SHEET_COMPOUNDS) && !write_compounds (w, error)) ||
      ((s->sheets & WY_EXPORT_SHEET_PROBLEMS) && !write_problems (w, error)) ||
      ((s->sheets & WY_EXPORT_SHEET_TASKS) && !write_tasks (w, error)) ||
      ((s->sheets & WY_EXPORT_SHEET_PHASES) && !write_nodes (w, error)) ||
      ((s->sheets & WY_EXPORT_SHEET_ATTAINMENT) && !write_attainment (w, error)))
    {
      lxw_workbook_free (w->workbook);
      w->workbook = NULL;
      return FALSE;
    }

  if (w->progress != NULL)
    w->progress (0.9, w->user_data);
  if (g_cancellable_set_error_if_cancelled (w->cancellable, error))
    {
      lxw_workbook_free (w->workbook);
      w->workbook = NULL;
      return FALSE;
    }

  errno = 0;
  rc = workbook_close (w->workbook);
  saved_errno = errno;
  w->workbook = NULL;
  if (rc != LXW_NO_ERROR)
    {
      set_close_error (error, rc, saved_errno, path);
      return FALSE;
    }
  return TRUE;
}

gboolean
wy_export_snapshot_write_xlsx (WyExportSnapshot      *snapshot,
                               const char            *path,
                               WyExportProgressFunc   progress,
                               gpointer               user_data,
                               GCancellable          *cancellable,
                               GError               **error)
{
  Writer w = { snapshot, NULL, progress, user_data, cancellable, 0, };
  g_autofree char *temp = NULL;
  locale_t base, c_numeric, previous = (locale_t) 0;
  gboolean ok;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  temp = wy_export_temp_begin (path, error);
  if (temp == NULL)
    return FALSE;

  /* libxlsxwriter prints numbers with the current LC_NUMERIC: under a
   * decimal-comma locale 0.5 would become “0,5” and Excel would refuse
   * the file. This thread writes with the C numbers; messages keep the
   * user's language (the other categories are copied). */
  base = duplocale (uselocale ((locale_t) 0));
  c_numeric = base != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  if (c_numeric == (locale_t) 0)
    {
      if (base != (locale_t) 0)
        freelocale (base);
      g_unlink (temp);
      g_set_error_literal (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_FAILED,
                           _("The workbook could not be written: the C locale is missing."));
      return FALSE;
    }
  previous = uselocale (c_numeric);

  ok = write_workbook (&w, temp, path, error);

  uselocale (previous);
  freelocale (c_numeric);

  if (!ok)
    {
      g_unlink (temp);
      return FALSE;
    }
  if (!wy_export_temp_commit (temp, path, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
