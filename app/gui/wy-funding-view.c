/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-funding-view"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-funding-view.h"
#include "wy-gui.h"

/* --- The "new row" dialog ------------------------------------------------ */

#define ROW_DIALOG_KEY "wy-row-dialog-state"

typedef struct
{
  GtkWindow            *window;   /* not owned */
  WyStore              *store;
  WyTable               table;
  GStrv                 fields;
  GStrv                 fixed;
  WyRecordForm         *form;
  GtkWidget            *error_label;
  char                 *error_text;
  WyRowDialogCheckFunc  check;
  WyRowDialogDoneFunc   done;
  GObject              *owner;
} RowDialog;

static void
row_dialog_free (gpointer data)
{
  RowDialog *state = data;

  g_clear_object (&state->store);
  g_clear_object (&state->owner);
  g_strfreev (state->fields);
  g_strfreev (state->fixed);
  g_free (state->error_text);
  g_free (state);
}

static RowDialog *
get_row_dialog (GtkWindow *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), ROW_DIALOG_KEY);
}

static void
row_dialog_set_error (RowDialog  *state,
                      const char *message)
{
  g_free (state->error_text);
  state->error_text = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (state->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (state->error_label, message != NULL);
}

gint64
wy_row_dialog_add (GtkWindow *dialog)
{
  RowDialog *state;
  g_autoptr(WyRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refusal = NULL;
  GtkWidget *first_invalid = NULL;
  gint64 id;

  g_return_val_if_fail (GTK_IS_WINDOW (dialog), 0);
  state = get_row_dialog (dialog);
  g_return_val_if_fail (state != NULL, 0);

  row_dialog_set_error (state, NULL);

  /* Every field is checked, so every message shows at once. */
  for (guint i = 0; state->fields[i] != NULL; i++)
    if (!wy_record_form_commit_field (state->form, state->fields[i]) && first_invalid == NULL)
      first_invalid = wy_record_form_get_field_widget (state->form, state->fields[i]);

  if (first_invalid != NULL)
    {
      gtk_widget_grab_focus (first_invalid);
      row_dialog_set_error (state, _("Correct the marked fields first."));
      return 0;
    }

  record = wy_record_new (state->table);
  for (guint i = 0; state->fixed != NULL && state->fixed[i] != NULL && state->fixed[i + 1] != NULL; i += 2)
    wy_record_set (record, state->fixed[i], state->fixed[i + 1]);
  for (guint i = 0; state->fields[i] != NULL; i++)
    {
      g_autofree char *value = wy_record_form_get_value (state->form, state->fields[i]);

      wy_record_set (record, state->fields[i], value);
    }

  if (state->check != NULL && (refusal = state->check (record, state->owner)) != NULL)
    {
      row_dialog_set_error (state, refusal);
      return 0;
    }

  id = wy_store_insert (state->store, record, &error);
  if (id <= 0)
    {
      row_dialog_set_error (state, error != NULL ? error->message : _("The row could not be added."));
      return 0;
    }

  if (state->done != NULL)
    state->done (id, state->owner);

  gtk_window_destroy (dialog);
  return id;
}

static void
on_row_dialog_add_clicked_cb (GtkButton *button,
                              GtkWindow *dialog)
{
  wy_row_dialog_add (dialog);
}

static void
on_row_dialog_cancel_clicked_cb (GtkButton *button,
                                 GtkWindow *dialog)
{
  gtk_window_destroy (dialog);
}

GtkWindow *
wy_row_dialog_new (GtkWidget            *parent,
                   WyStore              *store,
                   WyTable               table,
                   const char           *title,
                   const char * const   *fields,
                   const char * const   *defaults,
                   const char * const   *fixed,
                   WyRowDialogCheckFunc  check,
                   WyRowDialogDoneFunc   done,
                   gpointer              user_data)
{
  RowDialog *state;
  GtkWidget *window;
  GtkWidget *header;
  GtkWidget *cancel;
  GtkWidget *add;
  GtkWidget *inner;
  GtkWidget *scrolled;
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkEventController *shortcuts;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);
  g_return_val_if_fail (fields != NULL && fields[0] != NULL, NULL);

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, -1);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  state = g_new0 (RowDialog, 1);
  state->window = GTK_WINDOW (window);
  state->store = g_object_ref (store);
  state->table = table;
  state->fields = g_strdupv ((char **) fields);
  state->fixed = fixed != NULL ? g_strdupv ((char **) fixed) : NULL;
  state->check = check;
  state->done = done;
  state->owner = user_data != NULL ? g_object_ref (G_OBJECT (user_data)) : NULL;
  g_object_set_data_full (G_OBJECT (window), ROW_DIALOG_KEY, state, row_dialog_free);

  header = gtk_header_bar_new ();
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_window_set_titlebar (GTK_WINDOW (window), header);

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_row_dialog_cancel_clicked_cb), window);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);

  add = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (add, "suggested-action");
  g_signal_connect (add, "clicked", G_CALLBACK (on_row_dialog_add_clicked_cb), window);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), add);

  inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (inner, 12);
  gtk_widget_set_margin_bottom (inner, 12);
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);

  state->form = wy_record_form_new (store, table, fields);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (state->form));
  for (guint i = 0; defaults != NULL && defaults[i] != NULL && defaults[i + 1] != NULL; i += 2)
    wy_record_form_set_value (state->form, defaults[i], defaults[i + 1]);

  state->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (state->error_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (state->error_label), TRUE);
  gtk_widget_add_css_class (state->error_label, "error");
  gtk_widget_set_visible (state->error_label, FALSE);
  gtk_box_append (GTK_BOX (inner), state->error_label);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 560);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), inner);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);

  /* Escape closes: the window's own close action. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  gtk_window_set_focus (GTK_WINDOW (window), wy_record_form_get_field_widget (state->form, fields[0]));

  return GTK_WINDOW (window);
}

WyRecordForm *
wy_row_dialog_get_form (GtkWindow *dialog)
{
  RowDialog *state = get_row_dialog (dialog);

  g_return_val_if_fail (state != NULL, NULL);
  return state->form;
}

const char *
wy_row_dialog_get_error (GtkWindow *dialog)
{
  RowDialog *state = get_row_dialog (dialog);

  g_return_val_if_fail (state != NULL, NULL);
  return state->error_text;
}

/* --- Confirming a delete ------------------------------------------------- */

typedef struct
{
  WyConfirmFunc func;
  GObject      *owner;
} Confirm;

static void
on_confirm_response_cb (GtkDialog *dialog,
                        int        response,
                        Confirm   *confirm)
{
  if (response == GTK_RESPONSE_ACCEPT)
    confirm->func (confirm->owner);

  g_object_unref (confirm->owner);
  g_free (confirm);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

GtkWindow *
wy_confirm_delete (GtkWidget     *parent,
                   const char    *question,
                   WyConfirmFunc  func,
                   gpointer       user_data)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog;
  GtkWidget *button;
  Confirm *confirm;

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("You can undo this right after."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);

  confirm = g_new0 (Confirm, 1);
  confirm->func = func;
  confirm->owner = g_object_ref (G_OBJECT (user_data));
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), confirm);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/* --- The funding view ---------------------------------------------------- */

struct _WyFundingView
{
  GtkWidget   parent_instance;

  WyStore    *store;
  gulong      row_changed_id;
  gint64      compound_id;
  guint       n_records;
  double      total;
  char       *total_text;

  GtkWidget  *box;
  GtkWidget  *list;
  GtkWidget  *total_label;
  GtkWidget  *community_label;
  GtkWidget  *add_button;
};

G_DEFINE_FINAL_TYPE (WyFundingView, wy_funding_view, GTK_TYPE_WIDGET)

static const char * const funding_fields[] = { "source", "amount", "date", "purpose", NULL };

static char *
format_amount (double amount)
{
  /* TRANSLATORS: an amount of money, two decimals; 元 in Chinese */
  return g_strdup_printf (_("%.2f yuan"), amount);
}

static void
on_delete_row_clicked_cb (GtkButton     *button,
                          WyFundingView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "wy-funding-id"));
  g_autoptr(GError) error = NULL;

  if (!wy_funding_view_delete (self, id, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      wy_gui_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                         _("Could not delete the funding record"), error);
    }
}

static GtkWidget *
create_row (WyFundingView *self,
            WyRecord      *record)
{
  const WyFieldInfo *source_info = wy_schema_field (wy_schema_table (WY_TABLE_FUNDING), "source");
  g_autofree char *amount = format_amount (wy_record_get_double (record, "amount", 0));
  g_autofree char *delete_name = NULL;
  const char *source = wy_schema_code_label (source_info, wy_record_get (record, "source"));
  const char *date = wy_record_get (record, "date");
  const char *purpose = wy_record_get (record, "purpose");
  GtkWidget *row = gtk_grid_new ();
  GtkWidget *label;
  GtkWidget *button;

  gtk_grid_set_column_spacing (GTK_GRID (row), 12);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);

  label = gtk_label_new (source);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (GTK_GRID (row), label, 0, 0, 1, 1);

  label = gtk_label_new (amount);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (GTK_GRID (row), label, 1, 0, 1, 1);

  label = gtk_label_new (date != NULL ? date : "");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (row), label, 2, 0, 1, 1);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* TRANSLATORS: accessible name of a delete button; %s is a funding source */
  delete_name = g_strdup_printf (_("Delete funding: %s, %s"), source != NULL ? source : "", amount);
  gtk_widget_set_tooltip_text (button, delete_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name, -1);
  g_object_set_data (G_OBJECT (button), "wy-funding-id", GSIZE_TO_POINTER ((gsize) wy_record_get_id (record)));
  g_signal_connect (button, "clicked", G_CALLBACK (on_delete_row_clicked_cb), self);
  gtk_grid_attach (GTK_GRID (row), button, 3, 0, 1, 2);

  if (purpose != NULL && purpose[0] != '\0')
    {
      label = gtk_label_new (purpose);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (row), label, 0, 1, 3, 1);
    }

  return row;
}

/* The street office reports money per community, so the compound's
 * figure is shown next to its community's. */
static void
update_community_total (WyFundingView *self)
{
  g_autoptr(WyRecord) compound = NULL;
  g_autoptr(WyRecord) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 community_id;
  double total = 0;
  guint count = 0;

  gtk_widget_set_visible (self->community_label, FALSE);
  if (self->compound_id <= 0)
    return;

  compound = wy_store_get (self->store, WY_TABLE_COMPOUND, self->compound_id, &error);
  community_id = compound != NULL ? wy_record_get_int (compound, "community_id", 0) : 0;
  if (community_id > 0)
    community = wy_store_get (self->store, WY_TABLE_COMMUNITY, community_id, &error);
  if (community == NULL
      || !wy_store_funding_total_for_community (self->store, community_id, &total, &count, &error))
    {
      if (error != NULL)
        g_warning ("Could not total the funding of the community: %s", error->message);
      return;
    }

  /* TRANSLATORS: “Community total (East Gate): ¥1200.00 in 3 records” */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s total: ¥%.2f in %u record",
                                       "%s total: ¥%.2f in %u records", count),
                          wy_record_get (community, "name"), total, count);
  gtk_label_set_text (GTK_LABEL (self->community_label), text);
  gtk_widget_set_visible (self->community_label, TRUE);
}

static void
reload (WyFundingView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  GtkWidget *child;

  /* gtk_list_box_remove_all() is GTK 4.12 */
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  self->n_records = 0;
  self->total = 0;

  if (self->compound_id > 0)
    {
      rows = wy_store_list (self->store, WY_TABLE_FUNDING, self->compound_id, &error);
      if (rows == NULL)
        g_warning ("Could not list the funding of compound %" G_GINT64_FORMAT ": %s",
                   self->compound_id, error->message);
    }

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      WyRecord *record = g_ptr_array_index (rows, i);

      gtk_list_box_append (GTK_LIST_BOX (self->list), create_row (self, record));
      self->total += wy_record_get_double (record, "amount", 0);
      self->n_records++;
    }

  if (self->n_records == 0)
    {
      child = gtk_label_new (_("No funding recorded yet."));
      gtk_widget_add_css_class (child, "dim-label");
      gtk_widget_set_margin_top (child, 6);
      gtk_widget_set_margin_bottom (child, 6);
      gtk_list_box_append (GTK_LIST_BOX (self->list), child);
    }

  g_free (self->total_text);
  /* TRANSLATORS: the sum of a compound's funding, two decimals */
  self->total_text = g_strdup_printf (_("Total: ¥%.2f"), self->total);
  gtk_label_set_text (GTK_LABEL (self->total_label), self->total_text);
  gtk_widget_set_sensitive (self->add_button, self->compound_id > 0);
  update_community_total (self);
}

static void
on_store_row_changed_cb (WyStore       *store,
                         int            table,
                         gint64         id,
                         WyFundingView *self)
{
  if (table == WY_TABLE_FUNDING && self->compound_id > 0)
    reload (self);
}

static char *
check_funding_cb (WyRecord *record,
                  gpointer  user_data)
{
  if (wy_record_get_double (record, "amount", 0) <= 0)
    return g_strdup (_("The amount must be more than zero."));

  return NULL;
}

GtkWindow *
wy_funding_view_add_funding (WyFundingView *self)
{
  g_autofree char *compound = NULL;
  g_autofree char *today_iso = NULL;
  GtkWindow *dialog;
  GDate today;

  g_return_val_if_fail (WY_IS_FUNDING_VIEW (self), NULL);
  g_return_val_if_fail (self->compound_id > 0, NULL);

  g_date_clear (&today, 1);
  wy_clock_get_today (&today);
  today_iso = wy_date_to_iso (&today);
  compound = g_strdup_printf ("%" G_GINT64_FORMAT, self->compound_id);

  {
    const char *defaults[] = { "source", "residents", "date", today_iso, NULL };
    const char *fixed[] = { "compound_id", compound, NULL };

    dialog = wy_row_dialog_new (GTK_WIDGET (self), self->store, WY_TABLE_FUNDING,
                                _("Add Funding"), funding_fields, defaults, fixed,
                                check_funding_cb, NULL, self);
  }
  gtk_window_present (dialog);
  return dialog;
}

static void
on_add_clicked_cb (GtkButton     *button,
                   WyFundingView *self)
{
  wy_funding_view_add_funding (self);
}

static void
wy_funding_view_dispose (GObject *object)
{
  WyFundingView *self = (WyFundingView *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->row_changed_id, self->store);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_funding_view_parent_class)->dispose (object);
}

static void
wy_funding_view_finalize (GObject *object)
{
  WyFundingView *self = (WyFundingView *)object;

  g_free (self->total_text);

  G_OBJECT_CLASS (wy_funding_view_parent_class)->finalize (object);
}

static void
wy_funding_view_class_init (WyFundingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_funding_view_dispose;
  object_class->finalize = wy_funding_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wy-funding-view");
}

static void
wy_funding_view_init (WyFundingView *self)
{
  GtkWidget *heading;
  GtkWidget *bottom;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  heading = gtk_label_new (_("Funding"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "wy-section-heading");
  gtk_box_append (GTK_BOX (self->box), heading);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Funding records"), -1);
  gtk_box_append (GTK_BOX (self->box), self->list);

  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->total_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->total_label), 0.0f);
  gtk_widget_set_hexpand (self->total_label, TRUE);
  gtk_box_append (GTK_BOX (bottom), self->total_label);
  self->add_button = gtk_button_new_with_mnemonic (_("Add _Funding…"));
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self);
  gtk_box_append (GTK_BOX (bottom), self->add_button);
  gtk_box_append (GTK_BOX (self->box), bottom);

  self->community_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->community_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (self->community_label), TRUE);
  gtk_widget_add_css_class (self->community_label, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->community_label);
}

WyFundingView *
wy_funding_view_new (WyStore *store)
{
  WyFundingView *self;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_FUNDING_VIEW, NULL);
  self->store = g_object_ref (store);
  self->row_changed_id = g_signal_connect (store, WY_STORE_SIGNAL_ROW_CHANGED,
                                           G_CALLBACK (on_store_row_changed_cb), self);
  reload (self);
  return self;
}

void
wy_funding_view_set_compound (WyFundingView *self,
                              gint64         compound_id)
{
  g_return_if_fail (WY_IS_FUNDING_VIEW (self));

  self->compound_id = compound_id;
  reload (self);
}

gint64
wy_funding_view_get_compound (WyFundingView *self)
{
  g_return_val_if_fail (WY_IS_FUNDING_VIEW (self), 0);
  return self->compound_id;
}

guint
wy_funding_view_get_n_records (WyFundingView *self)
{
  g_return_val_if_fail (WY_IS_FUNDING_VIEW (self), 0);
  return self->n_records;
}

double
wy_funding_view_get_total (WyFundingView *self)
{
  g_return_val_if_fail (WY_IS_FUNDING_VIEW (self), 0);
  return self->total;
}

const char *
wy_funding_view_get_total_text (WyFundingView *self)
{
  g_return_val_if_fail (WY_IS_FUNDING_VIEW (self), NULL);
  return self->total_text;
}

gboolean
wy_funding_view_delete (WyFundingView  *self,
                        gint64          funding_id,
                        GError        **error)
{
  g_return_val_if_fail (WY_IS_FUNDING_VIEW (self), FALSE);

  return wy_store_delete (self->store, WY_TABLE_FUNDING, funding_id, error);
}

const char *
wy_funding_view_get_community_total_text (WyFundingView *self)
{
  g_return_val_if_fail (WY_IS_FUNDING_VIEW (self), NULL);

  if (!gtk_widget_get_visible (self->community_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->community_label));
}
