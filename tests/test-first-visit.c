/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The first visit to each page draws the page (issue 12, point 1).
 *
 * Runs on a screen of its own, of the size given as --screen WxH (a
 * private Xvfb), where the window opens at its default size cut down to
 * the screen as on a user's 1024×768 or 1366×768 desktop. The sidebar's
 * row is clicked with a real pointer (xdotool), then what the window last
 * drew (its render node, as GtkWidgetPaintable hands it out) is rendered
 * to pixels: the page and the sidebar must be there, not one flat colour.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib-unix.h>
#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>

#include "wy-gui.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"
#include "wy-window.h"

static GSubprocess *xvfb;
static guint        snapshot_warnings;

/* Starts Xvfb with a screen of geometry ("1024x768") and points DISPLAY
 * at it. */
static gboolean
start_screen (const char  *geometry,
              GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *screen = g_strdup_printf ("%sx24", geometry);
  g_autofree char *display = NULL;
  GString *number = g_string_new (NULL);
  int fds[2];
  char c;

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, error))
    return FALSE;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_take_fd (launcher, fds[1], 3);
  xvfb = g_subprocess_launcher_spawn (launcher, error,
                                      "Xvfb", "-displayfd", "3", "-screen", "0", screen,
                                      "-nolisten", "tcp", NULL);
  g_clear_object (&launcher);
  if (xvfb == NULL)
    {
      close (fds[0]);
      return FALSE;
    }

  /* Xvfb writes the display number it took, then a newline. */
  while (read (fds[0], &c, 1) == 1 && c != '\n')
    g_string_append_c (number, c);
  close (fds[0]);

  display = g_strdup_printf (":%s", number->str);
  g_string_free (number, TRUE);
  g_setenv ("DISPLAY", display, TRUE);
  return TRUE;
}

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  /* Counted and checked by the test, so that it fails saying what was
   * not drawn rather than with an abort. */
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
          strstr (fields[i].value, "without a current allocation") != NULL)
        snapshot_warnings++;
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static GtkWidget *
find_sidebar_row (GtkWidget  *widget,
                  const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_BOX_ROW (child))
        {
          GtkWidget *label = wy_gui_find_descendant (child, GTK_TYPE_LABEL);

          if (label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) == 0)
            return child;
        }
      found = find_sidebar_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the middle of widget with the pointer of the X server. */
static void
click (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *xid = NULL, *x = NULL, *y = NULL;
  graphene_point_t point;
  double sx = 0, sy = 0;
  int status = 0;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (native, &sx, &sy);

  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  x = g_strdup_printf ("%d", (int) (point.x + sx));
  y = g_strdup_printf ("%d", (int) (point.y + sy));
  g_spawn_sync (NULL,
                (char *[]) { (char *) "xdotool", (char *) "mousemove", (char *) "--window", xid, (char *) "--sync",
                             x, y, (char *) "click", (char *) "1", NULL },
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* What the window drew last, as pixels (BGRA premultiplied, stride
 * width * 4). */
static guchar *
grab_window (GtkWindow *window,
             int       *width,
             int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GdkPaintable) image = gdk_paintable_get_current_image (paintable);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  guchar *pixels;

  *width = gtk_widget_get_width (GTK_WIDGET (window));
  *height = gtk_widget_get_height (GTK_WIDGET (window));
  pixels = g_malloc0 ((gsize) *width * *height * 4);

  gdk_paintable_snapshot (image, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return pixels;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  gdk_texture_download (texture, pixels, (gsize) *width * 4);
  return pixels;
}

/* How many colours the rectangle of widget holds, and how many of its
 * pixels are dark (text). */
static guint
count_colours (const guchar *pixels,
               int           width,
               int           height,
               GtkWidget    *widget,
               GtkWidget    *window,
               guint        *n_dark)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  graphene_rect_t bounds;
  int x0, y0, x1, y1;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  x0 = CLAMP ((int) bounds.origin.x, 0, width);
  y0 = CLAMP ((int) bounds.origin.y, 0, height);
  x1 = CLAMP ((int) (bounds.origin.x + bounds.size.width), 0, width);
  y1 = CLAMP ((int) (bounds.origin.y + bounds.size.height), 0, height);

  *n_dark = 0;
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guchar *p = pixels + ((gsize) y * width + x) * 4;
        guint32 value = p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);

        g_hash_table_add (colours, GUINT_TO_POINTER (value));
        if (p[3] > 128 && p[0] + p[1] + p[2] < 3 * 100)
          (*n_dark)++;
      }
  return g_hash_table_size (colours);
}

static guint frames_painted;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  frames_painted++;
}

static gboolean
stack_shows_compounds (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "compounds") == 0;
}

static gboolean
painted_since (gpointer data)
{
  return frames_painted > GPOINTER_TO_UINT (data);
}

/* The page and the sidebar are in what the window drew last. */
static void
assert_drawn (WyWindow   *window,
              GtkWidget  *page,
              GtkWidget  *sidebar,
              const char *when)
{
  g_autofree guchar *pixels = NULL;
  guint n_colours, n_dark;
  int width, height;

  pixels = grab_window (GTK_WINDOW (window), &width, &height);

  /* The page: a list and a detail, many colours and text. */
  n_colours = count_colours (pixels, width, height, page, GTK_WIDGET (window), &n_dark);
  g_test_message ("%s: page %u colours, %u dark pixels", when, n_colours, n_dark);
  g_assert_cmpuint (n_colours, >, 8);
  g_assert_cmpuint (n_dark, >, 200);

  /* The sidebar: its names are drawn. */
  n_colours = count_colours (pixels, width, height, sidebar, GTK_WIDGET (window), &n_dark);
  g_test_message ("%s: sidebar %u colours, %u dark pixels", when, n_colours, n_dark);
  g_assert_cmpuint (n_colours, >, 2);
  g_assert_cmpuint (n_dark, >, 50);
}

static void
test_first_visit_draws_compounds (gconstpointer data)
{
  const char *geometry = data;
  g_autoptr(WyStore) store = wy_test_open_demo ("First Visit.wuyou", 30, "2026-12-03");
  GdkMonitor *monitor;
  GdkRectangle area;
  GtkStackSidebar *sidebar;
  GtkStack *stack;
  GtkWidget *row, *page;
  WyWindow *window;
  gulong paint_handler;
  guint painted;
  int screen_width, screen_height;

  g_assert_cmpint (sscanf (geometry, "%dx%d", &screen_width, &screen_height), ==, 2);

  window = wy_window_new (NULL, store);
  wy_window_show_page (window, "overview");
  gtk_window_present (GTK_WINDOW (window));
  wy_test_spin_until (wy_test_is_mapped, window);
  wy_test_spin_for (800);

  /* The default size (1400×880) was cut down to this screen. */
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (window)),
                                                gtk_native_get_surface (GTK_NATIVE (window)));
  gdk_monitor_get_geometry (monitor, &area);
  g_assert_cmpint (area.width, ==, screen_width);
  g_assert_cmpint (area.height, ==, screen_height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, screen_width);

  sidebar = GTK_STACK_SIDEBAR (wy_gui_find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK_SIDEBAR));
  stack = gtk_stack_sidebar_get_stack (sidebar);
  page = gtk_stack_get_child_by_name (stack, "compounds");
  row = find_sidebar_row (GTK_WIDGET (sidebar), gtk_stack_page_get_title (gtk_stack_get_page (stack, page)));
  g_assert_nonnull (row);

  paint_handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                                    G_CALLBACK (on_after_paint_cb), NULL);
  snapshot_warnings = 0;
  click (row);
  wy_test_spin_until (stack_shows_compounds, stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "compounds");

  /* The first frame drawn with the page, as the screen showed it. */
  painted = frames_painted;
  wy_test_spin_until (painted_since, GUINT_TO_POINTER (painted));
  g_assert_cmpuint (frames_painted, >, painted);
  assert_drawn (window, page, GTK_WIDGET (sidebar), "first frame");

  /* And a second later. */
  wy_test_spin_for (1000);
  assert_drawn (window, page, GTK_WIDGET (sidebar), "a second later");

  /* GTK said it skipped nothing. */
  g_assert_cmpuint (snapshot_warnings, ==, 0);

  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), paint_handler);
  gtk_window_destroy (GTK_WINDOW (window));
  wy_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *schema_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *xvfb_path = NULL;
  g_autofree char *xdotool_path = NULL;
  const char *geometry = "1024x768";
  int result;

  for (int i = 1; i + 1 < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--screen") == 0)
        {
          geometry = argv[i + 1];
          memmove (&argv[i], &argv[i + 2], (argc - i - 1) * sizeof (char *));
          argc -= 2;
          break;
        }
    }

  g_log_set_writer_func (log_writer, NULL, NULL);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);
  /* Warnings are counted (log_writer), criticals still abort. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  schema_dir = g_test_build_filename (G_TEST_BUILT, "..", "resources", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);

  xvfb_path = g_find_program_in_path ("Xvfb");
  xdotool_path = g_find_program_in_path ("xdotool");
  if (xvfb_path == NULL || xdotool_path == NULL)
    {
      g_print ("1..0 # SKIP needs Xvfb and xdotool (build-aux/dev installs them)\n");
      return 0;
    }
  if (!start_screen (geometry, &error))
    g_error ("could not start Xvfb: %s", error->message);

  gtk_init ();

  path = g_strdup_printf ("/first-visit/compounds-%s", geometry);
  g_test_add_data_func (path, geometry, test_first_visit_draws_compounds);

  result = g_test_run ();

  g_subprocess_force_exit (xvfb);
  g_clear_object (&xvfb);
  return result;
}
