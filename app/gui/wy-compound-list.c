/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-compound-list"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-compound-list.h"
#include "wy-compound-list-row.h"

/* Space between a cell's edge and its text (as in wy-compound-list-row.c),
 * and above and below the text of a row (GtkColumnView's cell padding). */
#define CELL_PADDING     10
#define ROW_PADDING      8
/* Room for the light's dot before a deadline. */
#define DEADLINE_EXTRA   14

/* The column header: a "header" node of buttons, as GtkColumnView's, so
 * the theme draws it the same. Laid out by the list. */
#define WY_TYPE_COMPOUND_LIST_HEADER (wy_compound_list_header_get_type ())
G_DECLARE_FINAL_TYPE (WyCompoundListHeader, wy_compound_list_header, WY, COMPOUND_LIST_HEADER, GtkWidget)

struct _WyCompoundListHeader
{
  GtkWidget       parent_instance;

  WyCompoundList *list;
};

struct _WyCompoundList
{
  GtkWidget          parent_instance;

  GtkWidget         *header;
  GtkWidget         *buttons[WY_COMPOUNDS_N_COLUMNS];     /* by column */
  GtkWidget         *titles[WY_COMPOUNDS_N_COLUMNS];
  GtkWidget         *indicators[WY_COMPOUNDS_N_COLUMNS];
  GtkListView       *list_view;
  GtkSelectionModel *model;
  GtkAdjustment     *hadjustment;
  gulong             hadjustment_id;
  guint              hscroll_policy : 1;
  guint              vscroll_policy : 1;

  WyCompoundsColumn  sort_column;
  GtkSortType        sort_order;

  /* The columns, by display position, in content coordinates. */
  int                min_widths[WY_COMPOUNDS_N_COLUMNS];
  int                nat_widths[WY_COMPOUNDS_N_COLUMNS];
  int                x[WY_COMPOUNDS_N_COLUMNS];
  int                widths[WY_COMPOUNDS_N_COLUMNS];
  int                min_content_width;
  int                content_width;
  int                row_height;
  int                baseline;
  gboolean           metrics_valid;
  char              *metrics_font;   /* the font the metrics were measured in */
};

G_DEFINE_FINAL_TYPE (WyCompoundListHeader, wy_compound_list_header, GTK_TYPE_WIDGET)
G_DEFINE_FINAL_TYPE_WITH_CODE (WyCompoundList, wy_compound_list, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  /* GtkScrollable */
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  SORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *title;      /* N_() */
  float       xalign;
  guint       min_chars;
  guint       nat_chars;
  gboolean    expand;
} columns[WY_COMPOUNDS_N_COLUMNS] = {
  [WY_COMPOUNDS_COLUMN_NAME]             = { N_("Name"), 0.0f, 14, 20, TRUE },
  [WY_COMPOUNDS_COLUMN_COMMUNITY]        = { N_("Community"), 0.0f, 8, 10, TRUE },
  [WY_COMPOUNDS_COLUMN_CATEGORY]         = { N_("Category"), 0.0f, 6, 10, FALSE },
  [WY_COMPOUNDS_COLUMN_PILOT]            = { N_("Pilot"), 0.5f, 2, 2, FALSE },
  [WY_COMPOUNDS_COLUMN_GOVERNANCE_MODE]  = { N_("Governance Mode"), 0.0f, 12, 14, TRUE },
  [WY_COMPOUNDS_COLUMN_HOUSEHOLDS]       = { N_("Households"), 1.0f, 4, 5, FALSE },
  [WY_COMPOUNDS_COLUMN_TARGETS]          = { N_("Targets"), 0.0f, 13, 13, FALSE },
  [WY_COMPOUNDS_COLUMN_OPEN_PROBLEMS]    = { N_("Open Problems"), 1.0f, 3, 3, FALSE },
  [WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE] = { N_("Next Deadline"), 0.0f, 11, 11, FALSE },
};

/* What a supervisor looks for first comes first: on a narrow screen the
 * list scrolls sideways, and the lights should not be what scrolls away. */
static const WyCompoundsColumn display_order[WY_COMPOUNDS_N_COLUMNS] = {
  WY_COMPOUNDS_COLUMN_NAME,
  WY_COMPOUNDS_COLUMN_COMMUNITY,
  WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE,
  WY_COMPOUNDS_COLUMN_OPEN_PROBLEMS,
  WY_COMPOUNDS_COLUMN_TARGETS,
  WY_COMPOUNDS_COLUMN_CATEGORY,
  WY_COMPOUNDS_COLUMN_PILOT,
  WY_COMPOUNDS_COLUMN_GOVERNANCE_MODE,
  WY_COMPOUNDS_COLUMN_HOUSEHOLDS,
};

/* Auxiliary methods ----------------------------------------------------- */

/* Column widths in characters, row height and baseline from the fonts;
 * the header's buttons may ask for more. */
static void
ensure_metrics (WyCompoundList *self)
{
  PangoContext *context;
  PangoFontMetrics *metrics;
  g_autoptr(PangoLayout) sample = NULL;
  PangoRectangle logical;
  int char_width;

  if (self->metrics_valid)
    return;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_free (self->metrics_font);
  self->metrics_font = pango_font_description_to_string (pango_context_get_font_description (context));
  metrics = pango_context_get_metrics (context, NULL, NULL);
  char_width = PANGO_PIXELS_CEIL (MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                       pango_font_metrics_get_approximate_digit_width (metrics)));
  pango_font_metrics_unref (metrics);

  /* Latin and Chinese on one line: the taller of the two fonts sets the
   * height of every row. */
  sample = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag社区2026");
  pango_layout_get_pixel_extents (sample, NULL, &logical);
  self->row_height = logical.height + 2 * ROW_PADDING;
  self->baseline = ROW_PADDING + pango_layout_get_baseline (sample) / PANGO_SCALE;

  self->min_content_width = 0;
  for (guint position = 0; position < WY_COMPOUNDS_N_COLUMNS; position++)
    {
      WyCompoundsColumn column = display_order[position];
      int extra = 2 * CELL_PADDING + (column == WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE ? DEADLINE_EXTRA : 0);
      int header_min = 0;

      gtk_widget_measure (self->buttons[column], GTK_ORIENTATION_HORIZONTAL, -1,
                          &header_min, NULL, NULL, NULL);

      self->min_widths[position] = MAX (header_min, (int) columns[column].min_chars * char_width + extra);
      self->nat_widths[position] = MAX (self->min_widths[position],
                                        (int) columns[column].nat_chars * char_width + extra);
      self->min_content_width += self->min_widths[position];
    }

  self->metrics_valid = TRUE;
}

static void
invalidate_metrics (WyCompoundList *self)
{
  self->metrics_valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Shares out width among the columns: each gets its minimum, then what
 * is left goes towards the natural widths, then to the expanding ones. */
static void
distribute_widths (WyCompoundList *self,
                   int             width)
{
  GtkRequestedSize sizes[WY_COMPOUNDS_N_COLUMNS];
  int extra, n_expand = 0, x = 0;

  ensure_metrics (self);

  extra = MAX (0, width - self->min_content_width);
  for (guint i = 0; i < WY_COMPOUNDS_N_COLUMNS; i++)
    {
      sizes[i].data = NULL;
      sizes[i].minimum_size = self->min_widths[i];
      sizes[i].natural_size = self->nat_widths[i];
      if (columns[display_order[i]].expand)
        n_expand++;
    }
  extra = gtk_distribute_natural_allocation (extra, WY_COMPOUNDS_N_COLUMNS, sizes);

  for (guint i = 0; i < WY_COMPOUNDS_N_COLUMNS; i++)
    {
      int w = sizes[i].minimum_size;

      if (columns[display_order[i]].expand && n_expand > 0)
        {
          int share = extra / n_expand;

          w += share;
          extra -= share;
          n_expand--;
        }

      self->x[i] = x;
      self->widths[i] = w;
      x += w;
    }

  self->content_width = x;
}

static void
queue_rows_draw (WyCompoundList *self)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (WY_IS_COMPOUND_LIST_ROW (row))
        gtk_widget_queue_draw (row);
    }
}

static void
update_indicators (WyCompoundList *self)
{
  for (guint column = 0; column < WY_COMPOUNDS_N_COLUMNS; column++)
    {
      gboolean sorted = column == self->sort_column;
      gboolean descending = sorted && self->sort_order == GTK_SORT_DESCENDING;

      gtk_image_set_from_icon_name (GTK_IMAGE (self->indicators[column]),
                                    !sorted ? NULL : descending ? "pan-down-symbolic" : "pan-up-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->buttons[column]),
                                      GTK_ACCESSIBLE_PROPERTY_SORT,
                                      !sorted ? GTK_ACCESSIBLE_SORT_NONE
                                              : descending ? GTK_ACCESSIBLE_SORT_DESCENDING
                                                           : GTK_ACCESSIBLE_SORT_ASCENDING,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      !sorted ? ""
                                              : descending ? _("Sorted in descending order")
                                                           : _("Sorted in ascending order"),
                                      -1);
    }
}

static GtkWidget *
create_header_button (WyCompoundList    *self,
                      WyCompoundsColumn  column);

/* Callbacks ------------------------------------------------------------- */

static void
on_header_button_clicked_cb (GtkButton      *button,
                             WyCompoundList *self)
{
  WyCompoundsColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "wy-column"));
  GtkSortType order = GTK_SORT_ASCENDING;

  /* A second click on the sorted column turns the order round. */
  if (column == self->sort_column && self->sort_order == GTK_SORT_ASCENDING)
    order = GTK_SORT_DESCENDING;

  wy_compound_list_set_sort (self, column, order);
  g_signal_emit (self, signals[SORT_CHANGED], 0, column, order);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 WyCompoundList           *self)
{
  gtk_list_item_set_child (list_item, wy_compound_list_row_new (self));
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                WyCompoundList           *self)
{
  wy_compound_list_row_set_item (WY_COMPOUND_LIST_ROW (gtk_list_item_get_child (list_item)),
                                 gtk_list_item_get_item (list_item));
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  WyCompoundList           *self)
{
  wy_compound_list_row_set_item (WY_COMPOUND_LIST_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static gboolean
on_list_view_query_tooltip_cb (GtkWidget      *widget,
                               int             x,
                               int             y,
                               gboolean        keyboard_mode,
                               GtkTooltip     *tooltip,
                               WyCompoundList *self)
{
  g_autofree char *text = NULL;
  GtkWidget *picked;
  graphene_point_t point;

  if (keyboard_mode)
    return FALSE;

  picked = gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);
  while (picked != NULL && picked != widget && !WY_IS_COMPOUND_LIST_ROW (picked))
    picked = gtk_widget_get_parent (picked);
  if (picked == NULL || !WY_IS_COMPOUND_LIST_ROW (picked))
    return FALSE;

  if (!gtk_widget_compute_point (widget, picked, &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;

  text = wy_compound_list_row_dup_tooltip (WY_COMPOUND_LIST_ROW (picked), point.x);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_hadjustment_value_changed_cb (GtkAdjustment  *adjustment,
                                 WyCompoundList *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The header ------------------------------------------------------------ */

static void
wy_compound_list_header_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  *minimum = *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
}

static void
wy_compound_list_header_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  WyCompoundListHeader *self = WY_COMPOUND_LIST_HEADER (widget);
  WyCompoundList *list = self->list;

  for (guint position = 0; position < WY_COMPOUNDS_N_COLUMNS; position++)
    {
      WyCompoundsColumn column = display_order[position];

      gtk_widget_size_allocate (list->buttons[column],
                                &(GtkAllocation) { list->x[position], 0, list->widths[position], height },
                                -1);
    }
}

static void
wy_compound_list_header_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (wy_compound_list_header_parent_class)->dispose (object);
}

static void
wy_compound_list_header_class_init (WyCompoundListHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_compound_list_header_dispose;
  widget_class->measure = wy_compound_list_header_measure;
  widget_class->size_allocate = wy_compound_list_header_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "header");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wy_compound_list_header_init (WyCompoundListHeader *self)
{
}

static GtkWidget *
create_header_button (WyCompoundList    *self,
                      WyCompoundsColumn  column)
{
  g_autofree char *accessible_name = NULL;
  GtkWidget *button, *box;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  self->titles[column] = gtk_label_new (_(columns[column].title));
  gtk_label_set_xalign (GTK_LABEL (self->titles[column]), 0.0f);
  /* The theme pads a header button by 6 pixels, a cell's text by 10. */
  gtk_widget_set_margin_start (self->titles[column], CELL_PADDING - 6);
  gtk_widget_set_hexpand (self->titles[column], TRUE);
  gtk_box_append (GTK_BOX (box), self->titles[column]);

  /* Always there, empty when not sorted: the column keeps its width. */
  self->indicators[column] = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (self->indicators[column]), 16);
  gtk_widget_set_size_request (self->indicators[column], 16, 16);
  gtk_widget_add_css_class (self->indicators[column], "wy-sort-indicator");
  gtk_box_append (GTK_BOX (box), self->indicators[column]);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_focus_on_click (button, FALSE);
  g_object_set_data (G_OBJECT (button), "wy-column", GUINT_TO_POINTER (column));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_header_button_clicked_cb), self, 0);

  /* Translators: the accessible name of a column's header button, %s is
   * the column's title, e.g. "Sort by Name" */
  accessible_name = g_strdup_printf (_("Sort by %s"), _(columns[column].title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);

  return button;
}

/* GtkWidget ------------------------------------------------------------- */

static void
wy_compound_list_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  WyCompoundList *self = WY_COMPOUND_LIST (widget);
  int header_min = 0, header_nat = 0, list_min = 0, list_nat = 0;

  ensure_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int sum_nat = 0;

      for (guint i = 0; i < WY_COMPOUNDS_N_COLUMNS; i++)
        sum_nat += self->nat_widths[i];
      *minimum = self->min_content_width;
      *natural = sum_nat;
      return;
    }

  gtk_widget_measure (self->header, orientation, -1, &header_min, &header_nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->list_view), orientation, -1, &list_min, &list_nat, NULL, NULL);
  *minimum = header_min + list_min;
  *natural = header_nat + list_nat;
}

static void
wy_compound_list_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  WyCompoundList *self = WY_COMPOUND_LIST (widget);
  int old_x[WY_COMPOUNDS_N_COLUMNS], old_widths[WY_COMPOUNDS_N_COLUMNS];
  int header_height = 0, offset = 0, content_width;

  memcpy (old_x, self->x, sizeof old_x);
  memcpy (old_widths, self->widths, sizeof old_widths);

  distribute_widths (self, width);
  content_width = self->content_width;

  if (self->hadjustment != NULL)
    {
      double value = gtk_adjustment_get_value (self->hadjustment);

      value = CLAMP (value, 0, MAX (0, content_width - width));
      g_signal_handler_block (self->hadjustment, self->hadjustment_id);
      gtk_adjustment_configure (self->hadjustment, value, 0, content_width,
                                width * 0.1, width * 0.9, width);
      g_signal_handler_unblock (self->hadjustment, self->hadjustment_id);
      offset = (int) value;
    }

  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, -1, &header_height, NULL, NULL, NULL);
  gtk_widget_allocate (self->header, content_width, header_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (-offset, 0)));
  gtk_widget_allocate (GTK_WIDGET (self->list_view), content_width, MAX (0, height - header_height), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (-offset, header_height)));

  /* Rows of the same width are not allocated again: draw them anew when
   * their columns moved. */
  if (memcmp (old_x, self->x, sizeof old_x) != 0 || memcmp (old_widths, self->widths, sizeof old_widths) != 0)
    queue_rows_draw (self);
}

static gboolean
wy_compound_list_grab_focus (GtkWidget *widget)
{
  WyCompoundList *self = WY_COMPOUND_LIST (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
wy_compound_list_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  WyCompoundList *self = WY_COMPOUND_LIST (widget);
  g_autofree char *font = NULL;

  GTK_WIDGET_CLASS (wy_compound_list_parent_class)->css_changed (widget, change);

  /* A new font or text size: new widths and row heights. (Not for every
   * change of state, such as the window losing the focus.) */
  font = pango_font_description_to_string (pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
  if (g_strcmp0 (font, self->metrics_font) != 0)
    invalidate_metrics (self);
}

/* GObject --------------------------------------------------------------- */

static void
set_hadjustment (WyCompoundList *self,
                 GtkAdjustment  *adjustment)
{
  if (adjustment == self->hadjustment)
    return;

  if (self->hadjustment != NULL)
    g_clear_signal_handler (&self->hadjustment_id, self->hadjustment);
  g_set_object (&self->hadjustment, adjustment);
  if (adjustment != NULL)
    self->hadjustment_id = g_signal_connect (adjustment, "value-changed",
                                             G_CALLBACK (on_hadjustment_value_changed_cb), self);

  g_object_notify (G_OBJECT (self), "hadjustment");
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
wy_compound_list_dispose (GObject *object)
{
  WyCompoundList *self = (WyCompoundList *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_pointer ((GtkWidget **) &self->list_view, gtk_widget_unparent);
  g_clear_pointer (&self->header, gtk_widget_unparent);
  set_hadjustment (self, NULL);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (wy_compound_list_parent_class)->dispose (object);
}

static void
wy_compound_list_finalize (GObject *object)
{
  WyCompoundList *self = (WyCompoundList *)object;

  g_free (self->metrics_font);

  G_OBJECT_CLASS (wy_compound_list_parent_class)->finalize (object);
}

static void
wy_compound_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WyCompoundList *self = WY_COMPOUND_LIST (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->list_view != NULL
                                   ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view))
                                   : NULL);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wy_compound_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WyCompoundList *self = WY_COMPOUND_LIST (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_hadjustment (self, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      /* The list view scrolls itself up and down. */
      if (self->list_view != NULL)
        {
          gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (self->list_view), g_value_get_object (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_scrollable_set_vscroll_policy (GTK_SCROLLABLE (self->list_view), self->vscroll_policy);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wy_compound_list_class_init (WyCompoundListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_compound_list_dispose;
  object_class->finalize = wy_compound_list_finalize;
  object_class->get_property = wy_compound_list_get_property;
  object_class->set_property = wy_compound_list_set_property;

  widget_class->measure = wy_compound_list_measure;
  widget_class->size_allocate = wy_compound_list_size_allocate;
  widget_class->grab_focus = wy_compound_list_grab_focus;
  widget_class->css_changed = wy_compound_list_css_changed;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[SORT_CHANGED] =
    g_signal_new ("sort-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, GTK_TYPE_SORT_TYPE);

  /* Styled as the theme styles a column view (header buttons, row
   * padding, selection). */
  gtk_widget_class_set_css_name (widget_class, "columnview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wy_compound_list_init (WyCompoundList *self)
{
  GtkListItemFactory *factory;

  self->sort_column = WY_COMPOUNDS_N_COLUMNS;
  self->sort_order = GTK_SORT_ASCENDING;

  gtk_widget_add_css_class (GTK_WIDGET (self), "view");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->header = g_object_new (WY_TYPE_COMPOUND_LIST_HEADER, NULL);
  WY_COMPOUND_LIST_HEADER (self->header)->list = self;
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));
  for (guint position = 0; position < WY_COMPOUNDS_N_COLUMNS; position++)
    {
      WyCompoundsColumn column = display_order[position];

      self->buttons[column] = create_header_button (self, column);
      gtk_widget_set_parent (self->buttons[column], self->header);
    }

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_row_unbind_cb), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_show_separators (self->list_view, FALSE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->list_view), TRUE);
  g_signal_connect (self->list_view, "query-tooltip", G_CALLBACK (on_list_view_query_tooltip_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Compounds"),
                                  -1);
  gtk_widget_set_parent (GTK_WIDGET (self->list_view), GTK_WIDGET (self));

  update_indicators (self);
}

/* Public API ------------------------------------------------------------ */

WyCompoundList *
wy_compound_list_new (void)
{
  return g_object_new (WY_TYPE_COMPOUND_LIST, NULL);
}

void
wy_compound_list_set_model (WyCompoundList    *self,
                            GtkSelectionModel *model)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST (self));
  g_return_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model));

  if (g_set_object (&self->model, model))
    gtk_list_view_set_model (self->list_view, model);
}

GtkSelectionModel *
wy_compound_list_get_model (WyCompoundList *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST (self), NULL);

  return self->model;
}

GtkListView *
wy_compound_list_get_list_view (WyCompoundList *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST (self), NULL);

  return self->list_view;
}

void
wy_compound_list_set_sort (WyCompoundList    *self,
                           WyCompoundsColumn  column,
                           GtkSortType        order)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST (self));
  g_return_if_fail (column <= WY_COMPOUNDS_N_COLUMNS);

  self->sort_column = column;
  self->sort_order = order;
  update_indicators (self);
}

WyCompoundsColumn
wy_compound_list_get_sort_column (WyCompoundList *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST (self), WY_COMPOUNDS_N_COLUMNS);

  return self->sort_column;
}

GtkSortType
wy_compound_list_get_sort_order (WyCompoundList *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST (self), GTK_SORT_ASCENDING);

  return self->sort_order;
}

GtkWidget *
wy_compound_list_get_header_button (WyCompoundList    *self,
                                    WyCompoundsColumn  column)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST (self), NULL);
  g_return_val_if_fail (column < WY_COMPOUNDS_N_COLUMNS, NULL);

  return self->buttons[column];
}

void
wy_compound_list_scroll_to (WyCompoundList *self,
                            guint           position)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST (self));

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

WyCompoundsColumn
wy_compound_list_get_column_at (WyCompoundList *self,
                                guint           display_position,
                                int            *x,
                                int            *width,
                                float          *xalign)
{
  WyCompoundsColumn column;

  g_return_val_if_fail (display_position < WY_COMPOUNDS_N_COLUMNS, WY_COMPOUNDS_COLUMN_NAME);

  column = display_order[display_position];
  if (x != NULL)
    *x = self->x[display_position];
  if (width != NULL)
    *width = self->widths[display_position];
  if (xalign != NULL)
    *xalign = columns[column].xalign;

  return column;
}

int
wy_compound_list_get_row_height (WyCompoundList *self)
{
  ensure_metrics (self);

  return self->row_height;
}

int
wy_compound_list_get_baseline (WyCompoundList *self)
{
  ensure_metrics (self);

  return self->baseline;
}

int
wy_compound_list_get_content_width (WyCompoundList *self)
{
  ensure_metrics (self);

  return self->min_content_width;
}

const char *
wy_compound_list_get_column_title (WyCompoundsColumn column)
{
  static const char *titles[WY_COMPOUNDS_N_COLUMNS];

  g_return_val_if_fail (column < WY_COMPOUNDS_N_COLUMNS, "");

  /* Asked for by every row bound: look the translation up once. */
  if (titles[column] == NULL)
    titles[column] = _(columns[column].title);

  return titles[column];
}
