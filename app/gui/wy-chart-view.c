/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-chart-view.h"

#define MIN_WIDTH   280
#define MIN_HEIGHT  200
#define NAT_HEIGHT  340

struct _WyChartView
{
  GtkWidget     parent_instance;

  WyChartKind   kind;
  WyChart      *chart;
  gboolean      has_data;
  int           focus_item;     /* index in the chart's items, or -1 */
  int           hover_item;
  PangoLayout  *loading_layout;
};

G_DEFINE_FINAL_TYPE (WyChartView, wy_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- Items ---------------------------------------------------------------- */

static gboolean
item_is_target (const WyChartItem *item)
{
  return item != NULL && item->target != WY_CHART_TARGET_NONE;
}

static int
index_of_item (WyChartView       *self,
               const WyChartItem *item)
{
  guint n = wy_chart_get_n_items (self->chart);

  for (guint i = 0; item != NULL && i < n; i++)
    if (wy_chart_get_item (self->chart, i) == item)
      return (int) i;
  return -1;
}

static const WyChartItem *
focused_item (WyChartView *self)
{
  if (self->focus_item < 0 || (guint) self->focus_item >= wy_chart_get_n_items (self->chart))
    return NULL;
  return wy_chart_get_item (self->chart, self->focus_item);
}

/* The chart's title as its accessible name; the focused item's tooltip
 * (its exact values) as the description, which a screen reader reads
 * when the arrow keys move. GTK 4.8 has no announcement API. */
static void
update_accessible (WyChartView *self)
{
  const WyChartItem *item = focused_item (self);
  const WyChartData *data = wy_chart_get_data (self->chart);
  const char *title = data != NULL ? wy_chart_data_get_title (data) : NULL;
  const char *description;

  if (item != NULL && item->tooltip != NULL)
    description = item->tooltip;
  else if (!self->has_data)
    description = _("Loading…");
  else
    description = _("Use the arrow keys to move between the bars, Enter to open the list behind one.");

  /* The drawn title says what is ranked ("Communities ranked by
   * attainment rate"); the kind's title is only "Ranking". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL && *title != '\0' ? title : wy_chart_kind_to_title (self->kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
emit_activated (WyChartView       *self,
                const WyChartItem *item)
{
  g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0,
                 (int) item->target, item->id, (int) item->light, item->label);
}

/* Moves the keyboard focus by delta items, skipping items that point at
 * nothing (axis labels, legends). FALSE at either end, so the arrow key
 * can move the focus out of the chart instead. */
static gboolean
move_focus (WyChartView *self,
            int          delta)
{
  int n = (int) wy_chart_get_n_items (self->chart);
  int i = self->focus_item;

  if (n == 0)
    return FALSE;

  if (i < 0)
    i = delta > 0 ? -1 : n;

  for (i += delta; i >= 0 && i < n; i += delta)
    if (item_is_target (wy_chart_get_item (self->chart, i)))
      {
        wy_chart_view_set_focus_item (self, i);
        return TRUE;
      }

  return FALSE;
}

static gboolean
move_to_end (WyChartView *self,
             gboolean     last)
{
  int saved = self->focus_item;

  self->focus_item = -1;
  if (!move_focus (self, last ? -1 : 1))
    {
      self->focus_item = saved;
      return FALSE;
    }
  return TRUE;
}

/* --- Callbacks ------------------------------------------------------------ */

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      WyChartView     *self)
{
  if (n_press != 1)
    return;

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (wy_chart_view_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
set_hover (WyChartView *self,
           int          index)
{
  if (index == self->hover_item)
    return;

  self->hover_item = index;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              WyChartView              *self)
{
  const WyChartItem *item = self->has_data ? wy_chart_hit (self->chart, x, y) : NULL;

  set_hover (self, item_is_target (item) ? index_of_item (self, item) : -1);
}

static void
on_leave_cb (GtkEventControllerMotion *motion,
             WyChartView              *self)
{
  set_hover (self, -1);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   WyChartView           *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return move_focus (self, -1);

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return move_focus (self, 1);

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      return move_to_end (self, FALSE);

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return move_to_end (self, TRUE);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      return wy_chart_view_activate_focus (self);

    default:
      return FALSE;
    }
}

static void
on_focus_enter_cb (GtkEventControllerFocus *controller,
                   WyChartView             *self)
{
  /* Tabbing in lands on the first bar, so the first arrow key is not lost
   * and a screen reader has something to read at once. */
  if (focused_item (self) == NULL)
    move_focus (self, 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   WyChartView             *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip_cb (GtkWidget   *widget,
                     int          x,
                     int          y,
                     gboolean     keyboard_mode,
                     GtkTooltip  *tooltip,
                     WyChartView *self)
{
  const WyChartItem *item;
  GdkRectangle area;

  if (!self->has_data)
    return FALSE;

  item = keyboard_mode ? focused_item (self) : wy_chart_hit (self->chart, x, y);
  if (item == NULL || item->tooltip == NULL || item->tooltip[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, item->tooltip);
  /* Moving onto the next bar asks again instead of keeping this text. */
  area.x = (int) item->x;
  area.y = (int) item->y;
  area.width = MAX (1, (int) (item->width + 0.5));
  area.height = MAX (1, (int) (item->height + 0.5));
  gtk_tooltip_set_tip_area (tooltip, &area);

  return TRUE;
}

/* --- GtkWidget ------------------------------------------------------------ */

static void
append_item_outline (GtkSnapshot       *snapshot,
                     const WyChartItem *item,
                     const GdkRGBA     *color,
                     float              width,
                     gboolean           fill)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT ((float) item->x - 2, (float) item->y - 2,
                                               (float) item->width + 4, (float) item->height + 4);
  GskRoundedRect outline;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, &bounds, 3);
  if (fill)
    gtk_snapshot_append_color (snapshot, color, &bounds);
  else
    gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
wy_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  WyChartView *self = WY_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const WyChartItem *item;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  if (!self->has_data)
    {
      GdkRGBA color;
      int text_width, text_height;

      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
      color.alpha *= 0.55f;
      pango_layout_get_pixel_size (self->loading_layout, &text_width, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - text_width) / 2.0f,
                                                              (height - text_height) / 2.0f));
      gtk_snapshot_append_layout (snapshot, self->loading_layout, &color);
      gtk_snapshot_restore (snapshot);
      return;
    }

  /* The cairo context of a snapshot is already scaled for HiDPI. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  wy_chart_draw (self->chart, cr, width, height);
  cairo_destroy (cr);

  /* Hover and keyboard focus are drawn over the chart, not by it, so the
   * exported files never show them. */
  if (self->hover_item >= 0 && (guint) self->hover_item < wy_chart_get_n_items (self->chart))
    {
      const GdkRGBA shade = { 0.0f, 0.0f, 0.0f, 0.08f };

      append_item_outline (snapshot, wy_chart_get_item (self->chart, self->hover_item), &shade, 0, TRUE);
    }

  item = focused_item (self);
  if (item != NULL && gtk_widget_has_visible_focus (widget))
    {
      const GdkRGBA ring = { 0.208f, 0.518f, 0.894f, 1.0f };  /* the Adwaita accent, #3584e4 */

      append_item_outline (snapshot, item, &ring, 2, FALSE);
    }
}

static void
wy_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = MIN_WIDTH * 2;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NAT_HEIGHT;
    }
}

static void
wy_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  WyChartView *self = WY_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (wy_chart_view_parent_class)->css_changed (widget, change);

  g_clear_object (&self->loading_layout);
  self->loading_layout = gtk_widget_create_pango_layout (widget, _("Loading…"));
}

/* --- GObject -------------------------------------------------------------- */

static void
wy_chart_view_finalize (GObject *object)
{
  WyChartView *self = (WyChartView *)object;

  g_clear_pointer (&self->chart, wy_chart_free);
  g_clear_object (&self->loading_layout);

  G_OBJECT_CLASS (wy_chart_view_parent_class)->finalize (object);
}

static void
wy_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WyChartView *self = WY_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wy_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WyChartView *self = WY_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = (WyChartKind) g_value_get_int (value);
      update_accessible (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wy_chart_view_class_init (WyChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = wy_chart_view_finalize;
  object_class->get_property = wy_chart_view_get_property;
  object_class->set_property = wy_chart_view_set_property;

  widget_class->snapshot = wy_chart_view_snapshot;
  widget_class->measure = wy_chart_view_measure;
  widget_class->css_changed = wy_chart_view_css_changed;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, WY_N_CHARTS - 1, WY_CHART_ATTAINMENT,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_INT, G_TYPE_INT64, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "wy-chart-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wy_chart_view_init (WyChartView *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->chart = wy_chart_new ();
  self->focus_item = -1;
  self->hover_item = -1;
  self->loading_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), _("Loading…"));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_accessible (self);
}

/* --- Public API ----------------------------------------------------------- */

WyChartView *
wy_chart_view_new (WyChartKind kind)
{
  g_return_val_if_fail (kind < WY_N_CHARTS, NULL);

  return g_object_new (WY_TYPE_CHART_VIEW, "kind", (int) kind, NULL);
}

WyChartKind
wy_chart_view_get_kind (WyChartView *self)
{
  g_return_val_if_fail (WY_IS_CHART_VIEW (self), WY_CHART_ATTAINMENT);

  return self->kind;
}

void
wy_chart_view_set_data (WyChartView *self,
                        WyChartData *data)
{
  g_return_if_fail (WY_IS_CHART_VIEW (self));

  wy_chart_set_data (self->chart, data);
  self->has_data = data != NULL;
  self->focus_item = -1;
  self->hover_item = -1;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
wy_chart_view_has_data (WyChartView *self)
{
  g_return_val_if_fail (WY_IS_CHART_VIEW (self), FALSE);

  return self->has_data;
}

void
wy_chart_view_set_font_scale (WyChartView *self,
                              double       factor)
{
  g_return_if_fail (WY_IS_CHART_VIEW (self));

  wy_chart_set_font_scale (self->chart, factor);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

WyChart *
wy_chart_view_get_chart (WyChartView *self)
{
  g_return_val_if_fail (WY_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

int
wy_chart_view_get_focus_item (WyChartView *self)
{
  g_return_val_if_fail (WY_IS_CHART_VIEW (self), -1);

  return focused_item (self) != NULL ? self->focus_item : -1;
}

void
wy_chart_view_set_focus_item (WyChartView *self,
                              int          index)
{
  g_return_if_fail (WY_IS_CHART_VIEW (self));

  if (index >= (int) wy_chart_get_n_items (self->chart))
    index = -1;
  self->focus_item = MAX (index, -1);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
wy_chart_view_activate_at (WyChartView *self,
                           double       x,
                           double       y)
{
  const WyChartItem *item;

  g_return_val_if_fail (WY_IS_CHART_VIEW (self), FALSE);

  if (!self->has_data)
    return FALSE;

  item = wy_chart_hit (self->chart, x, y);
  if (!item_is_target (item))
    return FALSE;

  wy_chart_view_set_focus_item (self, index_of_item (self, item));
  emit_activated (self, item);
  return TRUE;
}

gboolean
wy_chart_view_activate_focus (WyChartView *self)
{
  const WyChartItem *item;

  g_return_val_if_fail (WY_IS_CHART_VIEW (self), FALSE);

  item = focused_item (self);
  if (!item_is_target (item))
    return FALSE;

  emit_activated (self, item);
  return TRUE;
}

const char *
wy_chart_view_get_focus_text (WyChartView *self)
{
  const WyChartItem *item;

  g_return_val_if_fail (WY_IS_CHART_VIEW (self), NULL);

  item = focused_item (self);
  return item != NULL ? item->tooltip : NULL;
}
