/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wy-test-gui.h"

#define SPIN_SECONDS 10

gboolean
wy_test_try_spin_until (gboolean (*cond) (gpointer),
                        gpointer   data)
{
  gint64 end = g_get_monotonic_time () + SPIN_SECONDS * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () >= end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

void
wy_test_spin_until_at (gboolean  (*cond) (gpointer),
                       gpointer    data,
                       const char *what,
                       const char *file,
                       int         line)
{
  if (!wy_test_try_spin_until (cond, data))
    g_error ("%s:%d: still not %s after %d s", file, line, what, SPIN_SECONDS);
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

/* Whether a shortcut of controller fires for keyval + modifiers. */
static gboolean
shortcut_fires (GtkEventController *controller,
                GtkWidget          *widget,
                guint               keyval,
                GdkModifierType     modifiers)
{
  GListModel *shortcuts = G_LIST_MODEL (controller);

  for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
      GtkShortcutTrigger *triggers[2] = { trigger, NULL };

      if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
        {
          triggers[0] = gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger));
          triggers[1] = gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger));
        }

      for (guint t = 0; t < G_N_ELEMENTS (triggers); t++)
        {
          if (!GTK_IS_KEYVAL_TRIGGER (triggers[t]))
            continue;
          if (gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (triggers[t]))) != gdk_keyval_to_lower (keyval) ||
              (gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (triggers[t])) & gtk_accelerator_get_default_mod_mask ()) != modifiers)
            continue;
          if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                            GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
phase_fires (GtkWidget           *widget,
             GtkPropagationPhase  phase,
             guint                keyval,
             GdkModifierType      modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == phase &&
          shortcut_fires (controller, widget, keyval, modifiers))
        return TRUE;
    }
  return FALSE;
}

gboolean
wy_test_press_key (GtkWindow       *window,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GtkWidget *focus = gtk_window_get_focus (window);
  gboolean done = FALSE;

  for (GtkWidget *w = focus != NULL ? focus : GTK_WIDGET (window); w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);

  /* Capture from the window down, then bubble back up from the focus. */
  for (guint i = 0; !done && i < path->len; i++)
    done = phase_fires (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, modifiers);
  for (guint i = path->len; !done && i > 0; i--)
    done = phase_fires (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, keyval, modifiers);

  wy_test_spin ();
  return done;
}
