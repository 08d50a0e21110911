/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-compound-list-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-compound-list-row.h"

/* Space between a cell's edge and its text, as GtkColumnView's cell
 * padding plus the margin its inscriptions had. */
#define CELL_PADDING 10
/* The light's dot before a deadline. */
#define DOT_SIZE     8
#define DOT_GAP      6

struct _WyCompoundListRow
{
  GtkWidget       parent_instance;

  WyCompoundList *list;                                /* unowned: it outlives its rows */
  WyCompoundItem *item;
  gulong          changed_id;
  WyLight         light;
  const char     *texts[WY_COMPOUNDS_N_COLUMNS];      /* the item's, or static */
  guint           texts_changed;                       /* bit per column */
  PangoLayout    *layouts[WY_COMPOUNDS_N_COLUMNS];    /* made when first drawn */
  int             layout_widths[WY_COMPOUNDS_N_COLUMNS];
  char           *accessible_label;
};

G_DEFINE_FINAL_TYPE (WyCompoundListRow, wy_compound_list_row, GTK_TYPE_WIDGET)

static const GdkRGBA light_dot_colors[] = {
  [WY_LIGHT_NONE] = { 0.467f, 0.463f, 0.482f, 1.0f },    /* #77767b */
  [WY_LIGHT_GREEN] = { 0.149f, 0.635f, 0.412f, 1.0f },   /* #26a269 */
  [WY_LIGHT_YELLOW] = { 0.898f, 0.647f, 0.039f, 1.0f },  /* #e5a50a */
  [WY_LIGHT_RED] = { 0.753f, 0.110f, 0.157f, 1.0f },     /* #c01c28 */
  [WY_LIGHT_DONE] = { 0.208f, 0.518f, 0.894f, 1.0f },    /* #3584e4 */
};

/* The text of .wy-light-red and .wy-light-yellow in style.css. */
static const GdkRGBA light_text_red = { 0.753f, 0.110f, 0.157f, 1.0f };     /* #c01c28 */
static const GdkRGBA light_text_yellow = { 0.612f, 0.431f, 0.012f, 1.0f };  /* #9c6e03 */

/* Auxiliary methods ----------------------------------------------------- */

static PangoAttrList *
text_attributes (gboolean bold)
{
  static PangoAttrList *plain, *strong;

  if (plain == NULL)
    {
      /* Figures of one width, so numbers line up (style.css asks the
       * same of labels in the list). */
      plain = pango_attr_list_new ();
      pango_attr_list_insert (plain, pango_attr_font_features_new ("tnum 1"));
      strong = pango_attr_list_copy (plain);
      pango_attr_list_insert (strong, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
    }

  return bold ? strong : plain;
}

static const char *
cell_text (WyCompoundItem   *item,
           WyCompoundsColumn column)
{
  const char *text = NULL;

  switch (column)
    {
    case WY_COMPOUNDS_COLUMN_NAME:
      text = wy_compound_item_get_name (item);
      break;

    case WY_COMPOUNDS_COLUMN_COMMUNITY:
      text = wy_compound_item_get_community (item);
      break;

    case WY_COMPOUNDS_COLUMN_CATEGORY:
      text = wy_compound_item_get_category_label (item);
      break;

    case WY_COMPOUNDS_COLUMN_PILOT:
      text = wy_compound_item_get_pilot (item) ? "✓" : "";
      break;

    case WY_COMPOUNDS_COLUMN_GOVERNANCE_MODE:
      text = wy_compound_item_get_governance_mode (item);
      break;

    case WY_COMPOUNDS_COLUMN_HOUSEHOLDS:
      text = wy_compound_item_get_households_text (item);
      break;

    case WY_COMPOUNDS_COLUMN_TARGETS:
      text = wy_compound_item_get_target_marks_text (item);
      break;

    case WY_COMPOUNDS_COLUMN_OPEN_PROBLEMS:
      text = wy_compound_item_get_open_problems_text (item);
      break;

    case WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE:
      text = wy_compound_item_get_nearest_deadline (item);
      break;

    case WY_COMPOUNDS_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return text != NULL ? text : "";
}

static void
append_part (GString    *label,
             const char *title,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  if (label->len > 0)
    g_string_append (label, ", ");
  if (title != NULL)
    /* Translators: a cell of the compound list read out by a screen
     * reader: the column's title, then the cell's text */
    g_string_append_printf (label, C_("list cell", "%s: %s"), title, value);
  else
    g_string_append (label, value);
}

/* What a screen reader says for the row: the cells in display order,
 * each with its column's title except the name and the community. */
static char *
make_accessible_label (WyCompoundListRow *self)
{
  WyCompoundItem *item = self->item;
  const WyCompoundRow *row = wy_compound_item_get_row (item);
  GString *label = g_string_new (NULL);

  for (guint position = 0; position < WY_COMPOUNDS_N_COLUMNS; position++)
    {
      WyCompoundsColumn column = wy_compound_list_get_column_at (self->list, position, NULL, NULL, NULL);
      const char *title = wy_compound_list_get_column_title (column);

      switch (column)
        {
        case WY_COMPOUNDS_COLUMN_NAME:
        case WY_COMPOUNDS_COLUMN_COMMUNITY:
        case WY_COMPOUNDS_COLUMN_CATEGORY:
          append_part (label, NULL, self->texts[column]);
          break;

        case WY_COMPOUNDS_COLUMN_PILOT:
          if (wy_compound_item_get_pilot (item))
            append_part (label, NULL, title);
          break;

        case WY_COMPOUNDS_COLUMN_TARGETS:
          if (row->targets_total > 0)
            {
              char met[32];

              g_snprintf (met, sizeof met, "%u/%u", row->targets_met, row->targets_total);
              append_part (label, title, met);
            }
          break;

        case WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE:
          if (self->light != WY_LIGHT_NONE)
            {
              /* The light in words: colour alone says nothing to a
               * screen reader. */
              g_autofree char *value = g_strdup_printf ("%s, %s", self->texts[column],
                                                        wy_light_to_label (self->light));

              append_part (label, title, value);
            }
          else
            append_part (label, title, self->texts[column]);
          break;

        case WY_COMPOUNDS_COLUMN_GOVERNANCE_MODE:
        case WY_COMPOUNDS_COLUMN_HOUSEHOLDS:
        case WY_COMPOUNDS_COLUMN_OPEN_PROBLEMS:
          append_part (label, title, self->texts[column]);
          break;

        case WY_COMPOUNDS_N_COLUMNS:
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (label, FALSE);
}

static void
apply_accessible_label (WyCompoundListRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_label ? self->accessible_label : "",
                                  -1);
  /* The list item around the row is what takes the focus and what a
   * screen reader announces when the arrow keys move: it says the same. */
  if (parent != NULL && !GTK_IS_LIST_VIEW (parent))
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_label ? self->accessible_label : "",
                                    -1);
}

/* The texts belong to the item and go with its old row after an update,
 * so they are never compared with the new ones: each layout compares its
 * own copy when it is next drawn, and keeps its shaping when unchanged. */
static void
update_texts (WyCompoundListRow *self)
{
  for (guint column = 0; column < WY_COMPOUNDS_N_COLUMNS; column++)
    self->texts[column] = cell_text (self->item, column);
  self->light = wy_compound_item_get_deadline_light (self->item);
  self->texts_changed = (1u << WY_COMPOUNDS_N_COLUMNS) - 1;

  g_free (self->accessible_label);
  self->accessible_label = make_accessible_label (self);
  apply_accessible_label (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static PangoLayout *
ensure_layout (WyCompoundListRow *self,
               WyCompoundsColumn  column)
{
  PangoLayout *layout = self->layouts[column];
  gboolean bold;

  if (layout != NULL && (self->texts_changed & (1u << column)) == 0)
    return layout;

  if (layout == NULL)
    {
      layout = self->layouts[column] = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      self->layout_widths[column] = -1;
    }

  if (g_strcmp0 (pango_layout_get_text (layout), self->texts[column]) != 0)
    pango_layout_set_text (layout, self->texts[column], -1);

  bold = column == WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE &&
         (self->light == WY_LIGHT_RED || self->light == WY_LIGHT_YELLOW);
  if (pango_layout_get_attributes (layout) != text_attributes (bold))
    pango_layout_set_attributes (layout, text_attributes (bold));

  self->texts_changed &= ~(1u << column);

  return layout;
}

/* Where the text of a cell goes: x and width in the row. */
static void
text_area (WyCompoundListRow *self,
           WyCompoundsColumn  column,
           int                cell_x,
           int                cell_width,
           int               *text_x,
           int               *text_width)
{
  *text_x = cell_x + CELL_PADDING;
  *text_width = cell_width - 2 * CELL_PADDING;

  if (column == WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE && self->light != WY_LIGHT_NONE)
    {
      *text_x += DOT_SIZE + DOT_GAP;
      *text_width -= DOT_SIZE + DOT_GAP;
    }

  *text_width = MAX (*text_width, 1);
}

static void
set_layout_width (WyCompoundListRow *self,
                  WyCompoundsColumn  column,
                  int                width)
{
  if (self->layout_widths[column] != width)
    {
      pango_layout_set_width (self->layouts[column], width * PANGO_SCALE);
      self->layout_widths[column] = width;
    }
}

static gboolean
is_selected (WyCompoundListRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  return ((parent != NULL ? gtk_widget_get_state_flags (parent) : 0) |
          gtk_widget_get_state_flags (GTK_WIDGET (self))) & GTK_STATE_FLAG_SELECTED;
}

/* Callbacks ------------------------------------------------------------- */

static void
on_item_changed_cb (WyCompoundItem    *item,
                    WyCompoundListRow *self)
{
  update_texts (self);
}

/* GtkWidget ------------------------------------------------------------- */

static void
wy_compound_list_row_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  WyCompoundListRow *self = WY_COMPOUND_LIST_ROW (widget);

  /* Every row is as wide as the columns and as high as every other row:
   * the list view never has to measure 50,000 of them. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = wy_compound_list_get_content_width (self->list);
  else
    *minimum = *natural = wy_compound_list_get_row_height (self->list);
}

static void
wy_compound_list_row_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  WyCompoundListRow *self = WY_COMPOUND_LIST_ROW (widget);
  int height = gtk_widget_get_height (widget);
  int baseline = wy_compound_list_get_baseline (self->list);
  gboolean selected = is_selected (self);
  GdkRGBA color, separator;

  if (self->item == NULL)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  separator = color;
  separator.alpha *= 0.15f;

  for (guint position = 0; position < WY_COMPOUNDS_N_COLUMNS; position++)
    {
      int x, width, text_x, text_width, y;
      float xalign;
      WyCompoundsColumn column = wy_compound_list_get_column_at (self->list, position, &x, &width, &xalign);
      const GdkRGBA *text_color = &color;
      PangoLayout *layout;
      PangoRectangle logical;

      if (position > 0)
        gtk_snapshot_append_color (snapshot, &separator, &GRAPHENE_RECT_INIT (x, 0, 1, height));

      if (self->texts[column] == NULL || *self->texts[column] == '\0')
        continue;

      text_area (self, column, x, width, &text_x, &text_width);

      if (column == WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE && self->light != WY_LIGHT_NONE)
        {
          GskRoundedRect dot;

          gsk_rounded_rect_init_from_rect (&dot,
                                           &GRAPHENE_RECT_INIT (x + CELL_PADDING, (height - DOT_SIZE) / 2.0f,
                                                                DOT_SIZE, DOT_SIZE),
                                           DOT_SIZE / 2.0f);
          gtk_snapshot_push_rounded_clip (snapshot, &dot);
          gtk_snapshot_append_color (snapshot, &light_dot_colors[self->light], &dot.bounds);
          gtk_snapshot_pop (snapshot);

          /* On the selection's colour the text keeps the selection's
           * foreground; the dot still shows the light. */
          if (!selected && self->light == WY_LIGHT_RED)
            text_color = &light_text_red;
          else if (!selected && self->light == WY_LIGHT_YELLOW)
            text_color = &light_text_yellow;
        }

      layout = ensure_layout (self, column);
      set_layout_width (self, column, text_width);
      pango_layout_get_pixel_extents (layout, NULL, &logical);

      text_x += (int) (xalign * MAX (0, text_width - logical.width));
      y = baseline - pango_layout_get_baseline (layout) / PANGO_SCALE;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (text_x, y));
      gtk_snapshot_append_layout (snapshot, layout, text_color);
      gtk_snapshot_restore (snapshot);
    }
}

static void
wy_compound_list_row_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (wy_compound_list_row_parent_class)->css_changed (widget, change);

  /* Selected or not, hovered, a new theme: the colours are read when
   * drawing. The layouts follow font changes of the widget's context. */
  gtk_widget_queue_draw (widget);
}

/* GObject --------------------------------------------------------------- */

static void
wy_compound_list_row_dispose (GObject *object)
{
  WyCompoundListRow *self = (WyCompoundListRow *)object;

  if (self->item != NULL)
    g_clear_signal_handler (&self->changed_id, self->item);
  g_clear_object (&self->item);
  for (guint i = 0; i < WY_COMPOUNDS_N_COLUMNS; i++)
    g_clear_object (&self->layouts[i]);

  G_OBJECT_CLASS (wy_compound_list_row_parent_class)->dispose (object);
}

static void
wy_compound_list_row_finalize (GObject *object)
{
  WyCompoundListRow *self = (WyCompoundListRow *)object;

  g_clear_pointer (&self->accessible_label, g_free);

  G_OBJECT_CLASS (wy_compound_list_row_parent_class)->finalize (object);
}

static void
wy_compound_list_row_class_init (WyCompoundListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_compound_list_row_dispose;
  object_class->finalize = wy_compound_list_row_finalize;

  widget_class->measure = wy_compound_list_row_measure;
  widget_class->snapshot = wy_compound_list_row_snapshot;
  widget_class->css_changed = wy_compound_list_row_css_changed;

  gtk_widget_class_set_css_name (widget_class, "wy-compound-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wy_compound_list_row_init (WyCompoundListRow *self)
{
  self->light = WY_LIGHT_NONE;
}

/* Public API ------------------------------------------------------------ */

GtkWidget *
wy_compound_list_row_new (WyCompoundList *list)
{
  WyCompoundListRow *self;

  g_return_val_if_fail (WY_IS_COMPOUND_LIST (list), NULL);

  self = g_object_new (WY_TYPE_COMPOUND_LIST_ROW, NULL);
  self->list = list;

  return GTK_WIDGET (self);
}

void
wy_compound_list_row_set_item (WyCompoundListRow *self,
                               WyCompoundItem    *item)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST_ROW (self));
  g_return_if_fail (item == NULL || WY_IS_COMPOUND_ITEM (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_clear_signal_handler (&self->changed_id, self->item);
  g_set_object (&self->item, item);

  /* Unbound: nothing is drawn; the texts and label stay until the next
   * item (a row about to be dropped should not spend time on them). */
  if (item == NULL)
    {
      memset (self->texts, 0, sizeof self->texts);
      return;
    }

  self->changed_id = g_signal_connect (item, "changed", G_CALLBACK (on_item_changed_cb), self);
  update_texts (self);
}

WyCompoundItem *
wy_compound_list_row_get_item (WyCompoundListRow *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST_ROW (self), NULL);

  return self->item;
}

const char *
wy_compound_list_row_get_cell_text (WyCompoundListRow *self,
                                    WyCompoundsColumn  column)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST_ROW (self), NULL);
  g_return_val_if_fail (column < WY_COMPOUNDS_N_COLUMNS, NULL);

  return self->texts[column] != NULL ? self->texts[column] : "";
}

const char *
wy_compound_list_row_get_accessible_label (WyCompoundListRow *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST_ROW (self), NULL);

  return self->accessible_label;
}

char *
wy_compound_list_row_dup_tooltip (WyCompoundListRow *self,
                                  double             x)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST_ROW (self), NULL);

  if (self->item == NULL)
    return NULL;

  for (guint position = 0; position < WY_COMPOUNDS_N_COLUMNS; position++)
    {
      int cell_x, width;
      WyCompoundsColumn column = wy_compound_list_get_column_at (self->list, position, &cell_x, &width, NULL);
      PangoLayout *layout = self->layouts[column];
      gboolean ellipsized;

      if (x < cell_x || x >= cell_x + width)
        continue;

      ellipsized = layout != NULL && pango_layout_is_ellipsized (layout);
      if (column == WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE && self->light != WY_LIGHT_NONE)
        return g_strdup_printf ("%s, %s", self->texts[column], wy_light_to_label (self->light));
      if (ellipsized)
        return g_strdup (self->texts[column]);
      return NULL;
    }

  return NULL;
}

void
wy_compound_list_row_columns_changed (WyCompoundListRow *self)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST_ROW (self));

  gtk_widget_queue_resize (GTK_WIDGET (self));
}
