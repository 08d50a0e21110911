/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wy-test-gui.h"

void
wy_test_spin_until (gboolean (*cond) (gpointer),
                    gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!cond (data) && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

gboolean
wy_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

void
wy_test_spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

void
wy_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GtkWindow *
wy_test_show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1024, 700);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  wy_test_spin_until (wy_test_is_mapped, window);
  return window;
}

void
wy_test_type_into (WyRecordForm *form,
                   const char   *field,
                   const char   *text)
{
  GtkWidget *widget = wy_record_form_get_field_widget (form, field);

  g_assert_nonnull (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}
