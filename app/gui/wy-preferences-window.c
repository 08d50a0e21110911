/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-gui.h"
#include "wy-preferences-window.h"
#include "wy-window.h"

#define WARNING_DAYS_DELAY_MS 400

struct _WyPreferencesWindow
{
  GtkWindow       parent_instance;

  WyStore        *store;
  GtkWindow      *parent;        /* weak */
  guint           warning_timeout;
  gboolean        loading;

  /* Template widgets */
  GtkEntry       *operator_entry;
  GtkSpinButton  *warning_spin;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (WyPreferencesWindow, wy_preferences_window, GTK_TYPE_WINDOW)

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "operator-name"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static char *
account_name (void)
{
  const char *real_name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no real name. */
  if (real_name != NULL && *real_name != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}

char *
wy_preferences_dup_operator_name (void)
{
  g_autoptr(GSettings) settings = create_settings ();
  g_autofree char *name = NULL;

  if (settings != NULL)
    name = g_strstrip (g_settings_get_string (settings, "operator-name"));

  if (name != NULL && *name != '\0')
    return g_steal_pointer (&name);

  return account_name ();
}

void
wy_preferences_set_operator_name (GtkApplication *application,
                                  const char     *name)
{
  g_autoptr(GSettings) settings = create_settings ();
  g_autofree char *effective = NULL;

  if (settings != NULL)
    g_settings_set_string (settings, "operator-name", name != NULL ? name : "");

  effective = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*effective == '\0')
    {
      g_free (effective);
      effective = account_name ();
    }

  if (application == NULL)
    return;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (WY_IS_WINDOW (l->data) && wy_window_get_store (l->data) != NULL)
      wy_store_set_operator (wy_window_get_store (l->data), effective);
}

/* Asking for the operator's name, once ---------------------------------- */

typedef struct {
  GtkWidget           *dialog;
  GtkWidget           *entry;
  WyStore             *store;
  GtkApplication      *application;
  WyOperatorReadyFunc  ready;
  gpointer             user_data;
  GDestroyNotify       destroy;
  gboolean             answered;
} OperatorQuestion;

static void
operator_question_free (OperatorQuestion *question)
{
  g_clear_object (&question->store);
  g_clear_object (&question->application);
  if (question->destroy != NULL)
    question->destroy (question->user_data);
  g_free (question);
}

/* Either answer counts: the question is not asked again. */
static void
answer_operator_question (OperatorQuestion *question,
                          gboolean          use_name)
{
  g_autoptr(GSettings) settings = create_settings ();
  g_autofree char *name = NULL;

  if (question->answered)
    return;
  question->answered = TRUE;

  if (settings != NULL)
    g_settings_set_boolean (settings, "operator-name-asked", TRUE);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (question->entry))));
  if (use_name && *name != '\0')
    {
      wy_preferences_set_operator_name (question->application, name);
      wy_store_set_operator (question->store, name);
    }

  question->ready (question->user_data);
  gtk_window_destroy (GTK_WINDOW (question->dialog));
}

static void
on_operator_use_clicked_cb (GtkButton        *button,
                            OperatorQuestion *question)
{
  answer_operator_question (question, TRUE);
}

static void
on_operator_later_clicked_cb (GtkButton        *button,
                              OperatorQuestion *question)
{
  answer_operator_question (question, FALSE);
}

static gboolean
on_operator_close_request_cb (GtkWindow        *window,
                              OperatorQuestion *question)
{
  answer_operator_question (question, FALSE);
  return TRUE;   /* destroyed already */
}

void
wy_preferences_ask_operator_name (GtkWidget           *widget,
                                  WyStore             *store,
                                  WyOperatorReadyFunc  ready,
                                  gpointer             user_data,
                                  GDestroyNotify       destroy)
{
  g_autoptr(GSettings) settings = create_settings ();
  g_autofree char *name = NULL;
  g_autofree char *account = NULL;
  OperatorQuestion *question;
  GtkRoot *root;
  GtkWidget *box, *label, *buttons, *use, *later;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (WY_IS_STORE (store));
  g_return_if_fail (ready != NULL);

  if (settings != NULL)
    name = g_strstrip (g_settings_get_string (settings, "operator-name"));

  /* Nothing to ask, or nowhere to keep the answer. */
  if (settings == NULL || (name != NULL && *name != '\0') ||
      g_settings_get_boolean (settings, "operator-name-asked"))
    {
      ready (user_data);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  question = g_new0 (OperatorQuestion, 1);
  question->store = g_object_ref (store);
  question->ready = ready;
  question->user_data = user_data;
  question->destroy = destroy;

  root = gtk_widget_get_root (widget);
  question->dialog = gtk_window_new ();
  if (GTK_IS_WINDOW (root))
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (root));

      gtk_window_set_transient_for (GTK_WINDOW (question->dialog), GTK_WINDOW (root));
      if (application != NULL)
        question->application = g_object_ref (application);
    }
  gtk_window_set_modal (GTK_WINDOW (question->dialog), TRUE);
  gtk_window_set_resizable (GTK_WINDOW (question->dialog), FALSE);
  gtk_window_set_title (GTK_WINDOW (question->dialog), _("Your Name"));
  gtk_widget_add_css_class (question->dialog, "wy-operator-question");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  label = gtk_label_new (_("Progress notes and the change log record who wrote them. "
                           "Which name should they show? You can change it later in Preferences."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  /* The account's real name when it has one; the login name (root) is no
   * one's name and only shown as the placeholder. */
  account = account_name ();
  question->entry = gtk_entry_new ();
  if (g_strcmp0 (account, g_get_user_name ()) != 0)
    gtk_editable_set_text (GTK_EDITABLE (question->entry), account);
  gtk_entry_set_placeholder_text (GTK_ENTRY (question->entry), _("Your name"));
  gtk_entry_set_activates_default (GTK_ENTRY (question->entry), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (question->entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), question->entry);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  later = gtk_button_new_with_mnemonic (_("_Not Now"));
  use = gtk_button_new_with_mnemonic (_("_Use This Name"));
  gtk_widget_add_css_class (use, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), later);
  gtk_box_append (GTK_BOX (buttons), use);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_window_set_child (GTK_WINDOW (question->dialog), box);
  gtk_window_set_default_widget (GTK_WINDOW (question->dialog), use);

  g_signal_connect (use, "clicked", G_CALLBACK (on_operator_use_clicked_cb), question);
  g_signal_connect (later, "clicked", G_CALLBACK (on_operator_later_clicked_cb), question);
  g_signal_connect (question->dialog, "close-request", G_CALLBACK (on_operator_close_request_cb), question);
  g_object_set_data_full (G_OBJECT (question->dialog), "wy-operator-question", question,
                          (GDestroyNotify) operator_question_free);

  gtk_window_present (GTK_WINDOW (question->dialog));
  gtk_widget_grab_focus (question->entry);
}

static void
on_operator_entry_changed_cb (GtkEditable         *editable,
                              WyPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (editable);
  GtkApplication *app;

  if (self->loading)
    return;

  app = self->parent != NULL ? gtk_window_get_application (self->parent) : NULL;
  wy_preferences_set_operator_name (app, text);

  /* Without an application (tests) the ledger of this window still
   * records the new name. */
  if (app == NULL && self->store != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (text));

      if (*name == '\0')
        {
          g_free (name);
          name = account_name ();
        }
      wy_store_set_operator (self->store, name);
    }
}

static gboolean
on_warning_timeout_cb (gpointer user_data)
{
  WyPreferencesWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  self->warning_timeout = 0;

  value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->warning_spin));
  if (!wy_store_set_setting (self->store, WY_SETTING_WARNING_DAYS, value, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return G_SOURCE_REMOVE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  /* The lights depend on the window. */
  if (self->parent != NULL && WY_IS_WINDOW (self->parent))
    wy_window_reload (WY_WINDOW (self->parent));

  return G_SOURCE_REMOVE;
}

static void
on_warning_spin_value_changed_cb (GtkSpinButton       *spin,
                                  WyPreferencesWindow *self)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->warning_timeout, g_source_remove);
  self->warning_timeout = g_timeout_add (WARNING_DAYS_DELAY_MS, on_warning_timeout_cb, self);
}

static gboolean
wy_preferences_window_close_request (GtkWindow *window)
{
  WyPreferencesWindow *self = WY_PREFERENCES_WINDOW (window);

  /* A change still waiting is written now. */
  if (self->warning_timeout != 0)
    {
      g_clear_handle_id (&self->warning_timeout, g_source_remove);
      on_warning_timeout_cb (self);
    }

  return GTK_WINDOW_CLASS (wy_preferences_window_parent_class)->close_request (window);
}

static void
wy_preferences_window_dispose (GObject *object)
{
  WyPreferencesWindow *self = (WyPreferencesWindow *)object;

  g_clear_handle_id (&self->warning_timeout, g_source_remove);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_preferences_window_parent_class)->dispose (object);
}

static void
wy_preferences_window_class_init (WyPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wy_preferences_window_dispose;
  window_class->close_request = wy_preferences_window_close_request;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WyPreferencesWindow, operator_entry);
  gtk_widget_class_bind_template_child (widget_class, WyPreferencesWindow, warning_spin);
  gtk_widget_class_bind_template_child (widget_class, WyPreferencesWindow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_operator_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_warning_spin_value_changed_cb);
}

static void
wy_preferences_window_init (WyPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
wy_preferences_window_new (GtkWindow *parent,
                           WyStore   *store)
{
  WyPreferencesWindow *self;
  g_autoptr(GSettings) settings = create_settings ();
  g_autofree char *account = account_name ();

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_PREFERENCES_WINDOW, NULL);
  self->store = g_object_ref (store);
  g_set_weak_pointer (&self->parent, parent);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);

  self->loading = TRUE;
  gtk_entry_set_placeholder_text (self->operator_entry, account);
  if (settings != NULL)
    {
      g_autofree char *name = g_settings_get_string (settings, "operator-name");

      gtk_editable_set_text (GTK_EDITABLE (self->operator_entry), name);
    }
  gtk_spin_button_set_value (self->warning_spin, wy_store_get_warning_days (store));
  self->loading = FALSE;

  return GTK_WINDOW (self);
}
