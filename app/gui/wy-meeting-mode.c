/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-meeting-mode"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-gui.h"
#include "wy-meeting-mode.h"

/* Read from the back of a meeting room: the charts' own type at 1.8 times
 * its size. */
#define MEETING_FONT_SCALE 1.8

#define N_SCREENS (1 + WY_N_CHARTS)

struct _WyMeetingMode
{
  GtkWindow       parent_instance;

  WyOverviewPage *page;           /* weak */
  GCancellable   *cancellable;
  gboolean        loaded;
  guint           screen;
  char           *indicator;

  GtkWidget      *figure_values[WY_OVERVIEW_N_FIGURES];
  GtkWidget      *figure_captions[WY_OVERVIEW_N_FIGURES];
  GtkWidget      *figure_details[WY_OVERVIEW_N_FIGURES];
  GtkWidget      *subtitle_label;
  GtkWidget      *screens[N_SCREENS];
  WyChartView    *charts[N_SCREENS];   /* [0] unused: the figures */

  /* Template widgets */
  GtkStack       *stack;
  GtkWidget      *bottom_bar;
  GtkLabel       *indicator_label;
  GtkLabel       *as_of_label;
  GtkWidget      *previous_button;
  GtkWidget      *next_button;
};

G_DEFINE_FINAL_TYPE (WyMeetingMode, wy_meeting_mode, GTK_TYPE_WINDOW)

/* --- Auxiliary methods ---------------------------------------------------- */

static void
update_screen (WyMeetingMode *self)
{
  g_free (self->indicator);
  /* TRANSLATORS: which screen of meeting mode is shown: "2 / 6" */
  self->indicator = g_strdup_printf (_("%u / %u"), self->screen + 1, (guint) N_SCREENS);
  gtk_label_set_text (self->indicator_label, self->indicator);

  gtk_stack_set_visible_child (self->stack, self->screens[self->screen]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.previous", self->screen > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.next", self->screen + 1 < N_SCREENS);
}

static void
fill_figures (WyMeetingMode    *self,
              const WyOverview *overview,
              guint             warning_days)
{
  for (guint f = 0; f < WY_OVERVIEW_N_FIGURES; f++)
    {
      g_autofree char *value = wy_overview_figure_value (overview, f);
      g_autofree char *caption = wy_overview_figure_caption (overview, f, warning_days);
      g_autofree char *detail = wy_overview_figure_detail (overview, f);

      gtk_label_set_text (GTK_LABEL (self->figure_values[f]), value);
      gtk_label_set_text (GTK_LABEL (self->figure_captions[f]), caption);
      gtk_label_set_text (GTK_LABEL (self->figure_details[f]), detail != NULL ? detail : "");
    }

  if (overview->problems_overdue > 0)
    gtk_widget_add_css_class (self->figure_values[WY_OVERVIEW_FIGURE_OVERDUE], "wy-light-red");
  if (overview->problems_due_soon > 0)
    gtk_widget_add_css_class (self->figure_values[WY_OVERVIEW_FIGURE_DUE_SOON], "wy-light-yellow");
}

static GtkWidget *
build_figures_screen (WyMeetingMode *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 48);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (_("Overview"));
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_add_css_class (box, "wy-meeting-figures");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (heading, "wy-meeting-heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_box_append (GTK_BOX (titles), heading);
  /* Which day and which place the figures are of, under the heading. */
  self->subtitle_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->subtitle_label, "wy-meeting-subtitle");
  gtk_widget_add_css_class (self->subtitle_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->subtitle_label), 0.0f);
  gtk_box_append (GTK_BOX (titles), self->subtitle_label);
  gtk_box_append (GTK_BOX (box), titles);

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 48);

  for (guint f = 0; f < WY_OVERVIEW_N_FIGURES; f++)
    {
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *value = gtk_label_new ("…");
      GtkWidget *caption = gtk_label_new (NULL);
      GtkWidget *detail = gtk_label_new (NULL);

      gtk_widget_add_css_class (cell, "wy-meeting-figure");
      gtk_widget_add_css_class (value, "wy-figure-value");
      gtk_widget_add_css_class (caption, "wy-figure-caption");
      gtk_widget_add_css_class (detail, "wy-figure-detail");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (value), 0.0f);
      gtk_label_set_xalign (GTK_LABEL (caption), 0.0f);
      gtk_label_set_xalign (GTK_LABEL (detail), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);

      gtk_box_append (GTK_BOX (cell), value);
      gtk_box_append (GTK_BOX (cell), caption);
      gtk_box_append (GTK_BOX (cell), detail);
      gtk_grid_attach (GTK_GRID (grid), cell, f % 4, f / 4, 1, 1);

      self->figure_values[f] = value;
      self->figure_captions[f] = caption;
      self->figure_details[f] = detail;
    }

  gtk_box_append (GTK_BOX (box), grid);
  return box;
}

/* --- Callbacks ------------------------------------------------------------ */

static void
on_load_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WyMeetingMode) self = user_data;
  g_autoptr(GError) error = NULL;
  WyOverviewData *data;

  data = wy_overview_page_load_finish (WY_OVERVIEW_PAGE (object), result, &error);
  if (data == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the overview: %s", error != NULL ? error->message : "?");
      return;
    }

  /* Closed while reading: nothing to show it in. */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      wy_overview_data_free (data);
      return;
    }

  fill_figures (self, &data->figures, wy_overview_page_get_warning_days (WY_OVERVIEW_PAGE (object)));
  for (guint s = 1; s < N_SCREENS; s++)
    {
      WyChartKind kind = wy_chart_view_get_kind (self->charts[s]);

      wy_chart_view_set_data (self->charts[s], g_steal_pointer (&data->charts[kind]));
    }
  wy_overview_data_free (data);
  self->loaded = TRUE;
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      WyMeetingMode   *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->stack));

  /* The left quarter goes back, like the left half of a page in a
   * presentation program; anywhere else goes on. */
  if (x < width / 4.0)
    wy_meeting_mode_set_screen (self, self->screen > 0 ? self->screen - 1 : 0);
  else
    wy_meeting_mode_set_screen (self, self->screen + 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WyMeetingMode *self = WY_MEETING_MODE (widget);

  wy_meeting_mode_set_screen (self, self->screen + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  WyMeetingMode *self = WY_MEETING_MODE (widget);

  if (self->screen > 0)
    wy_meeting_mode_set_screen (self, self->screen - 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  wy_meeting_mode_set_screen (WY_MEETING_MODE (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  wy_meeting_mode_set_screen (WY_MEETING_MODE (widget), N_SCREENS - 1);
}

/* --- GtkWidget ------------------------------------------------------------ */

static void
wy_meeting_mode_realize (GtkWidget *widget)
{
  GdkSurface *surface;
  GdkMonitor *monitor;
  GdkRectangle area;

  GTK_WIDGET_CLASS (wy_meeting_mode_parent_class)->realize (widget);

  /* Without a window manager (a bare X server in a meeting room PC's
   * kiosk session) nobody honours "full screen": cover the monitor. */
  surface = gtk_native_get_surface (GTK_NATIVE (widget));
  monitor = surface != NULL
    ? gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget), surface)
    : NULL;
  if (monitor != NULL)
    {
      gdk_monitor_get_geometry (monitor, &area);
      if (area.width > 0 && area.height > 0)
        gtk_window_set_default_size (GTK_WINDOW (widget), area.width, area.height);
    }
}

/* --- GObject -------------------------------------------------------------- */

static void
wy_meeting_mode_dispose (GObject *object)
{
  WyMeetingMode *self = (WyMeetingMode *)object;

  /* Kept until finalize: a read that ends later must see it cancelled. */
  g_cancellable_cancel (self->cancellable);
  if (self->page != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->page), (gpointer *) &self->page);
  self->page = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), WY_TYPE_MEETING_MODE);

  G_OBJECT_CLASS (wy_meeting_mode_parent_class)->dispose (object);
}

static void
wy_meeting_mode_finalize (GObject *object)
{
  WyMeetingMode *self = (WyMeetingMode *)object;

  g_clear_pointer (&self->indicator, g_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (wy_meeting_mode_parent_class)->finalize (object);
}

static void
wy_meeting_mode_class_init (WyMeetingModeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_meeting_mode_dispose;
  object_class->finalize = wy_meeting_mode_finalize;
  widget_class->realize = wy_meeting_mode_realize;

  gtk_widget_class_install_action (widget_class, "meeting.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "meeting.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "meeting.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "meeting.last", NULL, last_action);

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-meeting-mode.ui");
  gtk_widget_class_bind_template_child (widget_class, WyMeetingMode, stack);
  gtk_widget_class_bind_template_child (widget_class, WyMeetingMode, bottom_bar);
  gtk_widget_class_bind_template_child (widget_class, WyMeetingMode, indicator_label);
  gtk_widget_class_bind_template_child (widget_class, WyMeetingMode, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, WyMeetingMode, previous_button);
  gtk_widget_class_bind_template_child (widget_class, WyMeetingMode, next_button);
}

/* The keys of a presentation remote (they send Page Up/Down) and of a
 * keyboard. In the capture phase, so no button or arrow-key focus
 * movement gets them first. */
static void
add_shortcuts (WyMeetingMode *self)
{
  static const struct {
    guint       keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_Right,        "meeting.next" },
    { GDK_KEY_KP_Right,     "meeting.next" },
    { GDK_KEY_Down,         "meeting.next" },
    { GDK_KEY_Page_Down,    "meeting.next" },
    { GDK_KEY_KP_Page_Down, "meeting.next" },
    { GDK_KEY_space,        "meeting.next" },
    { GDK_KEY_Return,       "meeting.next" },
    { GDK_KEY_Left,         "meeting.previous" },
    { GDK_KEY_KP_Left,      "meeting.previous" },
    { GDK_KEY_Up,           "meeting.previous" },
    { GDK_KEY_Page_Up,      "meeting.previous" },
    { GDK_KEY_KP_Page_Up,   "meeting.previous" },
    { GDK_KEY_BackSpace,    "meeting.previous" },
    { GDK_KEY_Home,         "meeting.first" },
    { GDK_KEY_End,          "meeting.last" },
    { GDK_KEY_Escape,       "window.close" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "wy-meeting-keys");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
wy_meeting_mode_init (WyMeetingMode *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  self->screens[0] = build_figures_screen (self);
  gtk_stack_add_named (self->stack, self->screens[0], "figures");
  for (guint s = 1; s < N_SCREENS; s++)
    {
      WyChartKind kind = wy_overview_chart_at (s - 1);
      WyChartView *view = wy_chart_view_new (kind);

      wy_chart_view_set_font_scale (view, MEETING_FONT_SCALE);
      /* Keys move between screens here, not between bars. */
      gtk_widget_set_focusable (GTK_WIDGET (view), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (view), "wy-meeting-chart");
      self->charts[s] = view;
      self->screens[s] = GTK_WIDGET (view);
      gtk_stack_add_named (self->stack, GTK_WIDGET (view), wy_chart_kind_to_name (kind));
    }

  /* Before the charts' own gestures, so a click on a bar turns the page
   * too rather than opening a list behind the full-screen window. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->stack), GTK_EVENT_CONTROLLER (click));

  add_shortcuts (self);
  update_screen (self);
}

/* --- Public API ----------------------------------------------------------- */

WyMeetingMode *
wy_meeting_mode_new (GtkWindow      *parent,
                     WyOverviewPage *page)
{
  WyMeetingMode *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WY_IS_OVERVIEW_PAGE (page), NULL);

  self = g_object_new (WY_TYPE_MEETING_MODE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));

  self->page = page;
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &self->page);
  gtk_label_set_text (self->as_of_label, wy_overview_page_get_as_of_text (page));
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), wy_overview_page_get_as_of_text (page));

  wy_overview_page_load_async (page, self->cancellable, on_load_ready_cb, g_object_ref (self));
  gtk_window_fullscreen (GTK_WINDOW (self));

  return self;
}

guint
wy_meeting_mode_get_n_screens (WyMeetingMode *self)
{
  g_return_val_if_fail (WY_IS_MEETING_MODE (self), 0);

  return N_SCREENS;
}

guint
wy_meeting_mode_get_screen (WyMeetingMode *self)
{
  g_return_val_if_fail (WY_IS_MEETING_MODE (self), 0);

  return self->screen;
}

void
wy_meeting_mode_set_screen (WyMeetingMode *self,
                            guint          screen)
{
  g_return_if_fail (WY_IS_MEETING_MODE (self));

  self->screen = MIN (screen, N_SCREENS - 1);
  update_screen (self);
}

const char *
wy_meeting_mode_get_indicator (WyMeetingMode *self)
{
  g_return_val_if_fail (WY_IS_MEETING_MODE (self), NULL);

  return self->indicator;
}

WyChartView *
wy_meeting_mode_get_chart_view (WyMeetingMode *self,
                                guint          screen)
{
  g_return_val_if_fail (WY_IS_MEETING_MODE (self), NULL);

  return screen > 0 && screen < N_SCREENS ? self->charts[screen] : NULL;
}

gboolean
wy_meeting_mode_is_loaded (WyMeetingMode *self)
{
  g_return_val_if_fail (WY_IS_MEETING_MODE (self), FALSE);

  return self->loaded;
}
