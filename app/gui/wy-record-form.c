/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-record-form"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-gui.h"
#include "wy-record-form.h"

/* One field of the form. */
typedef struct
{
  WyRecordForm      *form;
  const WyFieldInfo *info;
  GtkWidget         *label;        /* NULL for a check button */
  GtkWidget         *widget;       /* entry, text view, check button, drop-down */
  GtkWidget         *frame;        /* around a text view, else NULL */
  GtkWidget         *error_label;
  GtkWidget         *hint_label;   /* the field's limits, or NULL */
  char              *hint;
  GtkWidget         *calendar;     /* for a date, else NULL */
  GtkWidget         *calendar_button;
  GtkEventController *focus;       /* owned by widget */
  GPtrArray         *values;       /* drop-down: the value of each position (NULL: none) */
  char              *unoffered;    /* enum code listed only while it is the stored value */
  char              *shown;        /* the stored value the widget started from */
  char              *error;
} Field;

struct _WyRecordForm
{
  GtkWidget                parent_instance;

  WyStore                 *store;
  WyTable                  table;
  const WyTableInfo       *info;
  GtkWidget               *grid;
  GPtrArray               *fields;           /* of Field */
  gint64                   id;
  gulong                   row_changed_id;
  guint                    loading;          /* > 0 while widgets are filled */
  guint                    refresh_refs_id;
  gboolean                 refs_dirty[WY_N_TABLES];

  WyRecordFormConfirmFunc  confirm_func;
  gpointer                 confirm_data;
  GDestroyNotify           confirm_destroy;
  GtkWindow               *confirmation;
  Field                   *pending_field;
  char                    *pending_value;
  /* The question is a conflict: someone else saved pending_current
   * into the field since it was shown. */
  gboolean                 pending_conflict;
  char                    *pending_current;
  gulong                   external_change_id;
};

G_DEFINE_FINAL_TYPE (WyRecordForm, wy_record_form, GTK_TYPE_WIDGET)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Text fields that hold a paragraph rather than a line. */
static const char * const long_text_fields[] = {
  "notes", "mode_plan", "measure", "description", "minutes", "findings",
  "building_leaders", NULL
};

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_pointer (&field->values, g_ptr_array_unref);
  g_clear_pointer (&field->unoffered, g_free);
  g_clear_pointer (&field->shown, g_free);
  g_clear_pointer (&field->error, g_free);
  g_clear_pointer (&field->hint, g_free);
  g_free (field);
}

static Field *
find_field (WyRecordForm *self,
            const char   *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (field->info->name, name) == 0)
        return field;
    }

  return NULL;
}

/* Empty means "not set", as the store takes it. */
static char *
normalize (const char *value)
{
  g_autofree char *copy = NULL;

  if (value == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (value));
  if (copy[0] == '\0')
    return NULL;

  return g_steal_pointer (&copy);
}

static char *
field_get_value (Field *field)
{
  switch (field->info->kind)
    {
    case WY_FIELD_BOOL:
      return g_strdup (gtk_check_button_get_active (GTK_CHECK_BUTTON (field->widget)) ? "1" : "0");

    case WY_FIELD_ENUM:
    case WY_FIELD_REF:
      {
        guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (field->widget));

        if (field->values == NULL || pos >= field->values->len)
          return NULL;
        return g_strdup (g_ptr_array_index (field->values, pos));
      }

    case WY_FIELD_TEXT:
      if (GTK_IS_TEXT_VIEW (field->widget))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
          GtkTextIter start, end;
          g_autofree char *text = NULL;

          gtk_text_buffer_get_bounds (buffer, &start, &end);
          text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
          return normalize (text);
        }
      G_GNUC_FALLTHROUGH;

    case WY_FIELD_INT:
    case WY_FIELD_REAL:
    case WY_FIELD_DATE:
    default:
      return normalize (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
    }
}

/* The unoffered code is the drop-down's last choice while it is the
 * stored value, and absent otherwise. */
static void
sync_unoffered_choice (Field      *field,
                       const char *value)
{
  GtkStringList *strings = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (field->widget)));
  guint last = field->values != NULL && field->values->len > 0 ? field->values->len - 1 : 0;
  gboolean listed = field->values != NULL && field->values->len > 0 &&
                    g_strcmp0 (g_ptr_array_index (field->values, last), field->unoffered) == 0;
  gboolean wanted = g_strcmp0 (value, field->unoffered) == 0;

  if (wanted && !listed)
    {
      gtk_string_list_append (strings, wy_schema_code_label (field->info, field->unoffered));
      g_ptr_array_add (field->values, g_strdup (field->unoffered));
    }
  else if (!wanted && listed)
    {
      gtk_string_list_remove (strings, last);
      g_ptr_array_remove_index (field->values, last);
    }
}

static void fill_choices (Field *field);

static void
field_show_value (Field      *field,
                  const char *value)
{
  WyRecordForm *self = field->form;

  self->loading++;

  switch (field->info->kind)
    {
    case WY_FIELD_BOOL:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (field->widget),
                                   value != NULL && g_strcmp0 (value, "0") != 0);
      break;

    case WY_FIELD_ENUM:
    case WY_FIELD_REF:
      {
        guint pos = GTK_INVALID_LIST_POSITION;

        if (field->unoffered != NULL)
          sync_unoffered_choice (field, value);
        for (guint i = 0; field->values != NULL && i < field->values->len; i++)
          if (g_strcmp0 (g_ptr_array_index (field->values, i), value) == 0)
            {
              pos = i;
              break;
            }
        /* A row added since the choices were listed (a compound put in a
         * community created a moment ago): list them again now, not
         * "(none)" until the idle refresh. */
        if (pos == GTK_INVALID_LIST_POSITION && value != NULL && field->info->kind == WY_FIELD_REF)
          {
            fill_choices (field);
            for (guint i = 0; field->values != NULL && i < field->values->len; i++)
              if (g_strcmp0 (g_ptr_array_index (field->values, i), value) == 0)
                {
                  pos = i;
                  break;
                }
          }
        gtk_drop_down_set_selected (GTK_DROP_DOWN (field->widget), pos);
      }
      break;

    case WY_FIELD_TEXT:
      if (GTK_IS_TEXT_VIEW (field->widget))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));

          /* What the ledger holds is where the field's own undo stops. */
          gtk_text_buffer_begin_irreversible_action (buffer);
          gtk_text_buffer_set_text (buffer, value != NULL ? value : "", -1);
          gtk_text_buffer_end_irreversible_action (buffer);
          break;
        }
      G_GNUC_FALLTHROUGH;

    case WY_FIELD_INT:
    case WY_FIELD_REAL:
    case WY_FIELD_DATE:
    default:
      /* Ctrl+Z in the field undoes typing, never the showing of the
       * stored value. */
      wy_gui_editable_show_text (GTK_EDITABLE (field->widget), value);
      break;
    }

  self->loading--;
}

/* Once saved, the typing is the ledger's to undo (the window's Undo),
 * no longer the field's: Ctrl+Z in it cannot bring back a value that
 * leaving the field would then save. */
static void
forget_typing (Field *field)
{
  if (GTK_IS_TEXT_VIEW (field->widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));

      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_end_irreversible_action (buffer);
    }
  else if (GTK_IS_EDITABLE (field->widget))
    {
      gtk_editable_set_enable_undo (GTK_EDITABLE (field->widget), FALSE);
      gtk_editable_set_enable_undo (GTK_EDITABLE (field->widget), TRUE);
    }
}

static void
field_set_error (Field      *field,
                 const char *message)
{
  GtkWidget *marked = field->frame != NULL ? field->frame : field->widget;

  if (message != NULL && message[0] == '\0')
    message = NULL;

  g_free (field->error);
  field->error = g_strdup (message);

  gtk_label_set_text (GTK_LABEL (field->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (field->error_label, message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (marked, "error");
      gtk_widget_add_css_class (field->widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field->widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (marked, "error");
      gtk_widget_remove_css_class (field->widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_STATE_INVALID);
      if (field->hint != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, field->hint,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (field->widget),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* The limits of a new value (wy_schema_check_limits), after the checks of
 * its form; a year is bounded by today. */
static gboolean
value_keeps_limits (Field       *field,
                    const char  *value,
                    GError     **error)
{
  GDate today;

  if (!wy_schema_validate_value (field->info, value, error))
    return FALSE;

  g_date_clear (&today, 1);
  wy_clock_get_today (&today);
  return wy_schema_check_limits (field->info, value, &today, error);
}

/* A field the user changed and did not save yet (or that was refused)
 * keeps what was typed when the row changes under it. */
static gboolean
field_is_dirty (Field *field)
{
  g_autofree char *value = field_get_value (field);
  g_autofree char *shown = normalize (field->shown);

  if (field->error != NULL)
    return TRUE;

  if (field->info->kind == WY_FIELD_BOOL)
    return g_strcmp0 (value, shown != NULL && g_strcmp0 (shown, "0") != 0 ? "1" : "0") != 0;

  return g_strcmp0 (value, shown) != 0;
}

static void
reload_record (WyRecordForm *self)
{
  g_autoptr(WyRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && self->id > 0)
    {
      record = wy_store_get (self->store, self->table, self->id, &error);
      if (record == NULL)
        g_debug ("Row %" G_GINT64_FORMAT " of %s is gone: %s",
                 self->id, self->info->name, error->message);
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      const char *value = record != NULL ? wy_record_get (record, field->info->name) : NULL;

      if (record != NULL && self->id > 0 && field_is_dirty (field))
        {
          g_autofree char *typed = field_get_value (field);
          g_autofree char *now = normalize (value);

          /* Keep what was typed. Its base stays what the user saw, so
           * saving it over someone else's new value asks first (write_field);
           * only when the ledger already holds what was typed is there
           * nothing left to save. */
          if (g_strcmp0 (typed, now) == 0)
            {
              g_free (field->shown);
              field->shown = g_strdup (value);
            }
          continue;
        }

      g_free (field->shown);
      field->shown = g_strdup (value);
      field_show_value (field, value);
    }

  gtk_widget_set_sensitive (self->grid, self->id <= 0 || record != NULL);
}

static void ask_conflict (WyRecordForm *self,
                          Field        *field,
                          const char   *value,
                          const char   *current,
                          const char   *message);

static gboolean
write_field (WyRecordForm *self,
             Field        *field,
             const char   *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (field->info->name);
  g_autofree char *current = NULL;

  /* Saved only over the value the user saw: another window or program
   * may have saved this field since. */
  if (!wy_store_update_field_if_unchanged (self->store, self->table, self->id,
                                           field->info->name, field->shown, value,
                                           &current, &error))
    {
      if (g_error_matches (error, WY_STORE_ERROR, WY_STORE_ERROR_CHANGED))
        ask_conflict (self, field, value, current, error->message);
      else
        field_set_error (field, error->message);
      return FALSE;
    }

  field_set_error (field, NULL);
  g_free (field->shown);
  field->shown = g_strdup (value);
  forget_typing (field);

  g_signal_emit (self, signals[SAVED], 0, name);
  return TRUE;
}

static void
end_confirmation (WyRecordForm *self)
{
  GtkWindow *dialog = g_steal_pointer (&self->confirmation);

  self->pending_field = NULL;
  g_clear_pointer (&self->pending_value, g_free);
  g_clear_pointer (&self->pending_current, g_free);
  self->pending_conflict = FALSE;
  if (dialog != NULL)
    gtk_window_destroy (dialog);
}

static void
on_confirmation_response_cb (GtkDialog    *dialog,
                             int           response,
                             WyRecordForm *self)
{
  wy_record_form_answer_confirmation (self, response == GTK_RESPONSE_ACCEPT);
}

static void
ask_confirmation (WyRecordForm *self,
                  Field        *field,
                  const char   *value,
                  const char   *question)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  end_confirmation (self);

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION,
                                   GTK_BUTTONS_NONE,
                                   "%s", question);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Keep"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirmation_response_cb), self);

  self->confirmation = GTK_WINDOW (dialog);
  self->pending_field = field;
  self->pending_value = g_strdup (value);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* How a stored value reads in the conflict question: a drop-down's
 * label rather than its code, "(empty)" rather than nothing. */
static char *
describe_value (Field      *field,
                const char *value)
{
  if (value == NULL || value[0] == '\0')
    return g_strdup (_("(empty)"));

  if (GTK_IS_DROP_DOWN (field->widget) && field->values != NULL)
    {
      GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (field->widget));

      for (guint i = 0; i < field->values->len; i++)
        if (g_strcmp0 (g_ptr_array_index (field->values, i), value) == 0 &&
            GTK_IS_STRING_LIST (labels))
          return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (labels), i));
    }
  if (GTK_IS_CHECK_BUTTON (field->widget))
    return g_strdup (g_strcmp0 (value, "0") != 0 ? _("Yes") : _("No"));

  return g_strdup (value);
}

static void
ask_conflict (WyRecordForm *self,
              Field        *field,
              const char   *value,
              const char   *current,
              const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *theirs = describe_value (field, current);
  g_autofree char *mine = describe_value (field, value);
  GtkWidget *dialog;

  end_confirmation (self);

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING,
                                   GTK_BUTTONS_NONE,
                                   "%s", message);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            /* Translators: the two values of a field two
                                             * people saved; which one to keep */
                                            _("In the ledger now: %s\nWhat you entered: %s\n\nWhich one should the ledger keep?"),
                                            theirs, mine);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("Keep the _Ledger’s"), GTK_RESPONSE_REJECT,
                          _("Use _Mine"), GTK_RESPONSE_ACCEPT,
                          NULL);
  /* Return keeps what is saved: nobody's edit is lost by a key press. */
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirmation_response_cb), self);

  self->confirmation = GTK_WINDOW (dialog);
  self->pending_field = field;
  self->pending_value = g_strdup (value);
  self->pending_current = g_strdup (current);
  self->pending_conflict = TRUE;

  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
commit (Field *field)
{
  WyRecordForm *self = field->form;
  g_autofree char *value = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *question = NULL;

  if (self->store == NULL || self->loading > 0)
    return FALSE;

  /* A question is open: its answer decides. */
  if (self->confirmation != NULL)
    return FALSE;

  value = field_get_value (field);

  if (self->id <= 0)
    {
      g_autoptr(GError) error = NULL;

      if (!value_keeps_limits (field, value, &error))
        {
          field_set_error (field, error->message);
          return FALSE;
        }
      field_set_error (field, NULL);
      return TRUE;
    }

  /* Nothing changed: nothing to write (and no audit entry). */
  shown = normalize (field->shown);
  if (field->info->kind == WY_FIELD_BOOL && shown == NULL)
    shown = g_strdup ("0");
  if (g_strcmp0 (value, shown) == 0)
    {
      field_set_error (field, NULL);
      return TRUE;
    }

  /* A changed value keeps the limits; an old one that breaks them stays
   * until it is changed. */
  {
    g_autoptr(GError) error = NULL;

    if (!value_keeps_limits (field, value, &error))
      {
        field_set_error (field, error->message);
        return FALSE;
      }
  }

  if (self->confirm_func != NULL)
    question = self->confirm_func (self, field->info->name, value, self->confirm_data);

  if (question != NULL)
    {
      ask_confirmation (self, field, value, question);
      return FALSE;
    }

  return write_field (self, field, value);
}

static void
on_entry_activate_cb (GtkEntry *entry,
                      Field    *field)
{
  commit (field);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   Field                   *field)
{
  commit (field);
}

static void
on_check_toggled_cb (GtkCheckButton *button,
                     Field          *field)
{
  commit (field);
}

static void
on_drop_down_selected_cb (GtkDropDown *drop_down,
                          GParamSpec  *pspec,
                          Field       *field)
{
  commit (field);
}

static void
on_calendar_popover_show_cb (GtkPopover *popover,
                             Field      *field)
{
  g_autofree char *value = field_get_value (field);
  GDate date;

  g_date_clear (&date, 1);
  if (value != NULL && wy_date_parse (value, &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date),
                                                       0, 0, 0);
      field->form->loading++;
      gtk_calendar_select_day (GTK_CALENDAR (field->calendar), dt);
      field->form->loading--;
    }
}

static void
on_calendar_day_selected_cb (GtkCalendar *calendar,
                             Field       *field)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (field->form->loading > 0)
    return;

  dt = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (dt, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (field->widget), iso);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (field->calendar_button));
  commit (field);
}

static char *
ref_title (const WyTableInfo *ref_info,
           WyRecord          *record,
           GHashTable        *street_names)
{
  const char *title = wy_record_get (record, ref_info->title_field);

  if (street_names != NULL)
    {
      const char *street = g_hash_table_lookup (street_names,
                                                GINT_TO_POINTER ((int) wy_record_get_int (record, "street_id", 0)));

      if (street != NULL)
        /* TRANSLATORS: a community shown with its street office */
        return g_strdup_printf (_("%s · %s"), street, title != NULL ? title : "");
    }

  if (title == NULL || title[0] == '\0')
    return g_strdup_printf ("#%" G_GINT64_FORMAT, wy_record_get_id (record));

  return g_strdup (title);
}

/* Fills a drop-down with the codes of an enum or the rows of a table. */
static void
fill_choices (Field *field)
{
  WyRecordForm *self = field->form;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  gboolean required = (field->info->flags & WY_FIELD_FLAG_REQUIRED) != 0;

  if (!required)
    {
      gtk_string_list_append (strings, "—");
      g_ptr_array_add (values, NULL);
    }

  if (field->info->kind == WY_FIELD_ENUM)
    {
      for (guint i = 0; field->info->codes != NULL && field->info->codes[i] != NULL; i++)
        {
          if (g_strcmp0 (field->info->codes[i], field->unoffered) == 0)
            continue;
          gtk_string_list_append (strings, wy_schema_code_label (field->info, field->info->codes[i]));
          g_ptr_array_add (values, g_strdup (field->info->codes[i]));
        }
    }
  else
    {
      const WyTableInfo *ref_info = wy_schema_table (field->info->ref_table);
      g_autoptr(GHashTable) street_names = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;

      if (field->info->ref_table == WY_TABLE_COMMUNITY)
        {
          g_autoptr(GPtrArray) streets = wy_store_list (self->store, WY_TABLE_STREET, 0, NULL);

          street_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
          for (guint i = 0; streets != NULL && i < streets->len; i++)
            {
              WyRecord *street = g_ptr_array_index (streets, i);

              g_hash_table_insert (street_names,
                                   GINT_TO_POINTER ((int) wy_record_get_id (street)),
                                   g_strdup (wy_record_get (street, "name")));
            }
        }

      rows = wy_store_list (self->store, field->info->ref_table, 0, &error);
      if (rows == NULL)
        g_warning ("Could not list %s: %s", ref_info->name, error->message);

      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          WyRecord *row = g_ptr_array_index (rows, i);
          g_autofree char *title = ref_title (ref_info, row, street_names);

          gtk_string_list_append (strings, title);
          g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, wy_record_get_id (row)));
        }
    }

  self->loading++;
  g_clear_pointer (&field->values, g_ptr_array_unref);
  field->values = g_steal_pointer (&values);
  gtk_drop_down_set_model (GTK_DROP_DOWN (field->widget), G_LIST_MODEL (strings));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (field->widget),
                                   g_list_model_get_n_items (G_LIST_MODEL (strings)) > 12);
  self->loading--;
}

static gboolean
refresh_refs_cb (gpointer user_data)
{
  WyRecordForm *self = user_data;

  self->refresh_refs_id = 0;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->info->kind != WY_FIELD_REF || !self->refs_dirty[field->info->ref_table])
        continue;

      {
        g_autofree char *value = field_get_value (field);

        fill_choices (field);
        field_show_value (field, value);
      }
    }

  memset (self->refs_dirty, 0, sizeof self->refs_dirty);
  return G_SOURCE_REMOVE;
}

static void
on_store_row_changed_cb (WyStore      *store,
                         int           table,
                         gint64        id,
                         WyRecordForm *self)
{
  if (table == (int) self->table && id == self->id && self->id > 0)
    reload_record (self);

  /* A row a drop-down offers was added, renamed or removed. Streets name
   * the communities too. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->info->kind != WY_FIELD_REF)
        continue;
      if ((int) field->info->ref_table == table ||
          (field->info->ref_table == WY_TABLE_COMMUNITY && table == WY_TABLE_STREET))
        {
          self->refs_dirty[field->info->ref_table] = TRUE;
          if (self->refresh_refs_id == 0)
            self->refresh_refs_id = g_idle_add (refresh_refs_cb, self);
        }
    }
}

/* Another program saved to the ledger: the row, and what the drop-downs
 * offer, may have changed. */
static void
on_store_external_change_cb (WyStore      *store,
                             WyRecordForm *self)
{
  if (self->id > 0)
    reload_record (self);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->info->kind == WY_FIELD_REF)
        self->refs_dirty[field->info->ref_table] = TRUE;
    }
  if (self->refresh_refs_id == 0)
    self->refresh_refs_id = g_idle_add (refresh_refs_cb, self);
}

static gboolean
is_long_text (const WyFieldInfo *info)
{
  return info->kind == WY_FIELD_TEXT && g_strv_contains (long_text_fields, info->name);
}

/* The label, with the field's limits under it ("At most 60 characters",
 * "1900 to this year (2026)"); a screen reader reads them as the field's
 * description. */
static void
add_hint (Field *field,
          int    row)
{
  WyRecordForm *self = field->form;
  g_autofree char *hint = NULL;
  GtkWidget *box;
  GDate today;

  g_date_clear (&today, 1);
  wy_clock_get_today (&today);
  hint = wy_schema_limit_hint (field->info, &today);
  if (hint == NULL)
    {
      gtk_grid_attach (GTK_GRID (self->grid), field->label, 0, row * 2, 1, 1);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (box, gtk_widget_get_valign (field->label));
  field->hint_label = gtk_label_new (hint);
  gtk_label_set_xalign (GTK_LABEL (field->hint_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (field->hint_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (field->hint_label), 16);
  gtk_widget_add_css_class (field->hint_label, "dim-label");
  gtk_widget_add_css_class (field->hint_label, "caption");
  gtk_widget_add_css_class (field->hint_label, "wy-field-hint");
  gtk_box_append (GTK_BOX (box), field->label);
  gtk_box_append (GTK_BOX (box), field->hint_label);
  gtk_grid_attach (GTK_GRID (self->grid), box, 0, row * 2, 1, 1);

  field->hint = g_steal_pointer (&hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, field->hint,
                                  -1);
}

static void
add_field (WyRecordForm      *self,
           const WyFieldInfo *info,
           int                row)
{
  Field *field = g_new0 (Field, 1);
  const char *label = _(info->label);
  GtkWidget *placed;
  GtkEventController *focus;

  field->form = self;
  field->info = info;

  switch (info->kind)
    {
    case WY_FIELD_BOOL:
      field->widget = gtk_check_button_new_with_label (label);
      g_signal_connect (field->widget, "toggled", G_CALLBACK (on_check_toggled_cb), field);
      placed = field->widget;
      break;

    case WY_FIELD_ENUM:
    case WY_FIELD_REF:
      {
        GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

        field->widget = gtk_drop_down_new (NULL, expression);
        gtk_widget_set_halign (field->widget, GTK_ALIGN_START);
        fill_choices (field);
        g_signal_connect (field->widget, "notify::selected",
                          G_CALLBACK (on_drop_down_selected_cb), field);
        placed = field->widget;
      }
      break;

    case WY_FIELD_TEXT:
      if (is_long_text (info))
        {
          field->widget = gtk_text_view_new ();
          gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (field->widget), GTK_WRAP_WORD_CHAR);
          gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (field->widget), FALSE);
          gtk_text_view_set_top_margin (GTK_TEXT_VIEW (field->widget), 4);
          gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (field->widget), 4);
          gtk_text_view_set_left_margin (GTK_TEXT_VIEW (field->widget), 6);
          gtk_text_view_set_right_margin (GTK_TEXT_VIEW (field->widget), 6);
          gtk_widget_set_size_request (field->widget, -1, 52);
          field->frame = gtk_frame_new (NULL);
          gtk_frame_set_child (GTK_FRAME (field->frame), field->widget);
          placed = field->frame;
          break;
        }
      G_GNUC_FALLTHROUGH;

    case WY_FIELD_INT:
    case WY_FIELD_REAL:
    case WY_FIELD_DATE:
    default:
      field->widget = gtk_entry_new ();
      gtk_widget_set_hexpand (field->widget, TRUE);
      if (info->kind == WY_FIELD_INT)
        gtk_entry_set_input_purpose (GTK_ENTRY (field->widget), GTK_INPUT_PURPOSE_DIGITS);
      else if (info->kind == WY_FIELD_REAL)
        gtk_entry_set_input_purpose (GTK_ENTRY (field->widget), GTK_INPUT_PURPOSE_NUMBER);
      g_signal_connect (field->widget, "activate", G_CALLBACK (on_entry_activate_cb), field);

      if (info->kind == WY_FIELD_DATE)
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
          GtkWidget *popover = gtk_popover_new ();
          g_autofree char *button_name = NULL;

          /* TRANSLATORS: the form of a date the user types */
          gtk_entry_set_placeholder_text (GTK_ENTRY (field->widget), _("YYYY-MM-DD"));
          gtk_editable_set_width_chars (GTK_EDITABLE (field->widget), 11);
          gtk_widget_set_hexpand (field->widget, FALSE);

          field->calendar = gtk_calendar_new ();
          gtk_popover_set_child (GTK_POPOVER (popover), field->calendar);
          g_signal_connect (popover, "show", G_CALLBACK (on_calendar_popover_show_cb), field);
          g_signal_connect (field->calendar, "day-selected",
                            G_CALLBACK (on_calendar_day_selected_cb), field);

          field->calendar_button = gtk_menu_button_new ();
          gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (field->calendar_button),
                                         "x-office-calendar-symbolic");
          gtk_menu_button_set_popover (GTK_MENU_BUTTON (field->calendar_button), popover);
          /* TRANSLATORS: %s is a field such as "Rectification deadline" */
          button_name = g_strdup_printf (_("Choose “%s” from a calendar"), label);
          gtk_widget_set_tooltip_text (field->calendar_button, button_name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (field->calendar_button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, button_name,
                                          -1);

          gtk_box_append (GTK_BOX (box), field->widget);
          gtk_box_append (GTK_BOX (box), field->calendar_button);
          placed = box;
        }
      else
        placed = field->widget;
      break;
    }

  if (info->kind != WY_FIELD_BOOL)
    {
      field->label = gtk_label_new (label);
      gtk_label_set_xalign (GTK_LABEL (field->label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (field->label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (field->label), 16);
      gtk_widget_set_valign (field->label, field->frame != NULL ? GTK_ALIGN_START : GTK_ALIGN_CENTER);
      if (field->frame != NULL)
        gtk_widget_set_margin_top (field->label, 4);
      gtk_widget_add_css_class (field->label, "dim-label");
      gtk_label_set_mnemonic_widget (GTK_LABEL (field->label), field->widget);
      add_hint (field, row);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), field);
  gtk_widget_add_controller (field->widget, focus);
  field->focus = focus;

  gtk_widget_set_hexpand (placed, TRUE);
  if (info->kind == WY_FIELD_ENUM || info->kind == WY_FIELD_REF || info->kind == WY_FIELD_BOOL)
    gtk_widget_set_hexpand (placed, FALSE);
  gtk_grid_attach (GTK_GRID (self->grid), placed, 1, row * 2, 1, 1);
  /* A label with its limits under it is taller than an entry: the entry
   * keeps its height, centred beside them. */
  if (field->hint_label != NULL && field->frame == NULL)
    gtk_widget_set_valign (placed, GTK_ALIGN_CENTER);

  field->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (field->error_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (field->error_label), TRUE);
  gtk_widget_add_css_class (field->error_label, "error");
  gtk_widget_add_css_class (field->error_label, "wy-field-error");
  gtk_widget_set_visible (field->error_label, FALSE);
  gtk_grid_attach (GTK_GRID (self->grid), field->error_label, 1, row * 2 + 1, 1, 1);

  g_ptr_array_add (self->fields, field);
}

static void
wy_record_form_dispose (GObject *object)
{
  WyRecordForm *self = (WyRecordForm *)object;

  end_confirmation (self);
  g_clear_handle_id (&self->refresh_refs_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->row_changed_id, self->store);
  if (self->store != NULL)
    g_clear_signal_handler (&self->external_change_id, self->store);

  /* A widget can outlive the form (the window keeps its focus widget
   * until it goes too): nothing of it may call back into freed fields. */
  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      g_signal_handlers_disconnect_by_data (field->widget, field);
      if (field->calendar != NULL)
        {
          g_signal_handlers_disconnect_by_data (field->calendar, field);
          g_signal_handlers_disconnect_by_data (gtk_menu_button_get_popover (GTK_MENU_BUTTON (field->calendar_button)),
                                                field);
        }
      if (field->focus != NULL)
        {
          g_signal_handlers_disconnect_by_data (field->focus, field);
          field->focus = NULL;
        }
    }

  /* Leaving a field while the form goes away writes nothing. */
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), WY_TYPE_RECORD_FORM);
  self->grid = NULL;

  if (self->confirm_destroy != NULL)
    g_clear_pointer (&self->confirm_data, self->confirm_destroy);
  self->confirm_func = NULL;

  G_OBJECT_CLASS (wy_record_form_parent_class)->dispose (object);
}

static void
wy_record_form_finalize (GObject *object)
{
  WyRecordForm *self = (WyRecordForm *)object;

  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (wy_record_form_parent_class)->finalize (object);
}

static void
wy_record_form_class_init (WyRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_record_form_dispose;
  object_class->finalize = wy_record_form_finalize;

  /**
   * WyRecordForm::saved:
   * @field: the column that was written
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-record-form.ui");
  gtk_widget_class_bind_template_child (widget_class, WyRecordForm, grid);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wy-record-form");
}

static void
wy_record_form_init (WyRecordForm *self)
{
  self->fields = g_ptr_array_new_with_free_func (field_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

WyRecordForm *
wy_record_form_new (WyStore            *store,
                    WyTable             table,
                    const char * const *fields)
{
  WyRecordForm *self;
  int row = 0;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);
  g_return_val_if_fail (table < WY_N_TABLES, NULL);

  self = g_object_new (WY_TYPE_RECORD_FORM, NULL);
  self->store = g_object_ref (store);
  self->table = table;
  self->info = wy_schema_table (table);

  if (fields != NULL)
    {
      for (guint i = 0; fields[i] != NULL; i++)
        {
          const WyFieldInfo *info = wy_schema_field (self->info, fields[i]);

          if (info == NULL)
            {
              g_critical ("%s has no field %s", self->info->name, fields[i]);
              continue;
            }
          add_field (self, info, row++);
        }
    }
  else
    {
      for (guint i = 0; i < self->info->n_fields; i++)
        {
          const WyFieldInfo *info = &self->info->fields[i];

          if (g_strcmp0 (info->name, self->info->parent_field) == 0)
            continue;
          add_field (self, info, row++);
        }
    }

  self->row_changed_id = g_signal_connect (store, WY_STORE_SIGNAL_ROW_CHANGED,
                                           G_CALLBACK (on_store_row_changed_cb), self);
  self->external_change_id = g_signal_connect (store, WY_STORE_SIGNAL_EXTERNAL_CHANGE,
                                               G_CALLBACK (on_store_external_change_cb), self);

  reload_record (self);

  return self;
}

void
wy_record_form_set_record_id (WyRecordForm *self,
                              gint64        id)
{
  g_return_if_fail (WY_IS_RECORD_FORM (self));

  /* The same row again (a page reloaded after another program saved):
   * read it again, but keep what the user is typing and any question
   * being asked about it. */
  if (id > 0 && id == self->id)
    {
      reload_record (self);
      return;
    }

  end_confirmation (self);
  self->id = id;

  /* A new row starts clean: no typed text or message of the last one. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      field_set_error (field, NULL);
      g_clear_pointer (&field->shown, g_free);
      field_show_value (field, NULL);
    }

  reload_record (self);
}

gint64
wy_record_form_get_record_id (WyRecordForm *self)
{
  g_return_val_if_fail (WY_IS_RECORD_FORM (self), 0);

  return self->id;
}

void
wy_record_form_set_unoffered_choice (WyRecordForm *self,
                                     const char   *field,
                                     const char   *code)
{
  Field *f;

  g_return_if_fail (WY_IS_RECORD_FORM (self));

  f = find_field (self, field);
  g_return_if_fail (f != NULL && f->info->kind == WY_FIELD_ENUM);

  g_free (f->unoffered);
  f->unoffered = g_strdup (code);
  fill_choices (f);
  field_show_value (f, f->shown);
}

GtkWidget *
wy_record_form_get_field_widget (WyRecordForm *self,
                                 const char   *field)
{
  Field *f;

  g_return_val_if_fail (WY_IS_RECORD_FORM (self), NULL);

  f = find_field (self, field);
  return f != NULL ? f->widget : NULL;
}

const char *
wy_record_form_get_field_error (WyRecordForm *self,
                                const char   *field)
{
  Field *f;

  g_return_val_if_fail (WY_IS_RECORD_FORM (self), NULL);

  f = find_field (self, field);
  return f != NULL ? f->error : NULL;
}

const char *
wy_record_form_get_field_hint (WyRecordForm *self,
                               const char   *field)
{
  Field *f;

  g_return_val_if_fail (WY_IS_RECORD_FORM (self), NULL);

  f = find_field (self, field);
  if (f == NULL || f->hint_label == NULL || !gtk_widget_get_visible (f->hint_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (f->hint_label));
}

char *
wy_record_form_get_value (WyRecordForm *self,
                          const char   *field)
{
  Field *f;

  g_return_val_if_fail (WY_IS_RECORD_FORM (self), NULL);

  f = find_field (self, field);
  return f != NULL ? field_get_value (f) : NULL;
}

void
wy_record_form_set_value (WyRecordForm *self,
                          const char   *field,
                          const char   *value)
{
  Field *f;

  g_return_if_fail (WY_IS_RECORD_FORM (self));

  f = find_field (self, field);
  g_return_if_fail (f != NULL);

  field_show_value (f, value);
}

void
wy_record_form_set_field_error (WyRecordForm *self,
                                const char   *field,
                                const char   *message)
{
  Field *f;

  g_return_if_fail (WY_IS_RECORD_FORM (self));

  f = find_field (self, field);
  g_return_if_fail (f != NULL);

  field_set_error (f, message);
}

gboolean
wy_record_form_commit_field (WyRecordForm *self,
                             const char   *field)
{
  Field *f;

  g_return_val_if_fail (WY_IS_RECORD_FORM (self), FALSE);

  f = find_field (self, field);
  g_return_val_if_fail (f != NULL, FALSE);

  return commit (f);
}

void
wy_record_form_set_confirm_func (WyRecordForm            *self,
                                 WyRecordFormConfirmFunc  func,
                                 gpointer                 user_data,
                                 GDestroyNotify           destroy)
{
  g_return_if_fail (WY_IS_RECORD_FORM (self));

  if (self->confirm_destroy != NULL)
    g_clear_pointer (&self->confirm_data, self->confirm_destroy);

  self->confirm_func = func;
  self->confirm_data = user_data;
  self->confirm_destroy = destroy;
}

GtkWindow *
wy_record_form_get_confirmation (WyRecordForm *self)
{
  g_return_val_if_fail (WY_IS_RECORD_FORM (self), NULL);

  return self->confirmation;
}

void
wy_record_form_answer_confirmation (WyRecordForm *self,
                                    gboolean      keep)
{
  Field *field;
  g_autofree char *value = NULL;
  g_autofree char *current = NULL;
  gboolean conflict;

  g_return_if_fail (WY_IS_RECORD_FORM (self));

  if (self->confirmation == NULL)
    return;

  field = self->pending_field;
  value = g_steal_pointer (&self->pending_value);
  conflict = self->pending_conflict;
  current = g_steal_pointer (&self->pending_current);
  end_confirmation (self);

  if (self->store == NULL || field == NULL)
    return;

  if (conflict)
    {
      /* Either way the field's base is now what the ledger holds. */
      g_free (field->shown);
      field->shown = g_steal_pointer (&current);
      if (keep)
        write_field (self, field, value);
      else
        {
          field_set_error (field, NULL);
          field_show_value (field, field->shown);
        }
      return;
    }

  if (keep)
    write_field (self, field, value);
  else
    {
      /* Not kept: the field shows the stored value again. */
      field_set_error (field, NULL);
      field_show_value (field, field->shown);
    }
}
