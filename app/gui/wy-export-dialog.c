/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-compound-item.h"
#include "wy-compounds-page.h"
#include "wy-export-dialog.h"
#include "wy-gui.h"

typedef struct {
  WyExportScope scope;
  gint64        id;
} Area;

struct _WyExportDialog
{
  GtkWindow         parent_instance;

  WyWindow         *window;       /* weak */
  GArray           *list_ids;     /* of gint64: what the compound list showed */
  GArray           *areas;        /* of Area, parallel to the area drop-down */
  GCancellable     *cancellable;  /* while an export runs */
  GError           *last_error;
  char             *path;         /* the file being written */
  guint             pulse_id;
  gboolean          running;
  gboolean          disposed;

  /* Template widgets */
  GtkButton        *cancel_button;
  GtkButton        *export_button;
  GtkWidget        *form_box;
  GtkCheckButton   *scope_all;
  GtkCheckButton   *scope_list;
  GtkCheckButton   *scope_area;
  GtkDropDown      *area_drop_down;
  GtkCheckButton   *format_xlsx;
  GtkCheckButton   *format_csv;
  GtkWidget        *sheets_box;
  GtkCheckButton   *sheet_compounds;
  GtkCheckButton   *sheet_problems;
  GtkCheckButton   *sheet_tasks;
  GtkCheckButton   *sheet_phases;
  GtkCheckButton   *sheet_attainment;
  GtkCheckButton   *three_lists;
  GtkWidget        *paper_label;
  GtkDropDown      *paper_drop_down;
  GtkEntry         *as_of_entry;
  GtkLabel         *as_of_error;
  GtkEntry         *unit_entry;
  GtkWidget        *progress_box;
  GtkLabel         *progress_label;
  GtkProgressBar   *progress_bar;
};

G_DEFINE_FINAL_TYPE (WyExportDialog, wy_export_dialog, GTK_TYPE_WINDOW)

/* The write, in a worker thread ------------------------------------- */

typedef struct {
  WyExportSnapshot *snapshot;
  char             *path;
  gboolean          csv;
  WyExportDialog   *self;         /* kept alive by the task */
  double            last_posted;  /* worker thread only */
} ExportJob;

typedef struct {
  WyExportDialog *self;
  double          fraction;
} Progress;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->snapshot, wy_export_snapshot_free);
  g_free (job->path);
  g_free (job);
}

static gboolean
on_progress_idle_cb (gpointer user_data)
{
  Progress *progress = user_data;

  if (progress->self->running && !progress->self->disposed)
    gtk_progress_bar_set_fraction (progress->self->progress_bar, progress->fraction);

  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->self);
  g_free (progress);
}

/* Called in the worker: hands the fraction to the main thread, at most
 * once per percent. */
static void
export_job_progress (double   fraction,
                     gpointer user_data)
{
  ExportJob *job = user_data;
  Progress *progress;

  if (fraction < 1.0 && fraction - job->last_posted < 0.01)
    return;
  job->last_posted = fraction;

  progress = g_new0 (Progress, 1);
  progress->self = g_object_ref (job->self);
  progress->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, on_progress_idle_cb,
                              progress, (GDestroyNotify) progress_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->csv)
    ok = wy_export_snapshot_write_problems_csv (job->snapshot, job->path, cancellable, &error);
  else
    ok = wy_export_snapshot_write_xlsx (job->snapshot, job->path,
                                        export_job_progress, job,
                                        cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Choices ------------------------------------------------------------- */

static void
set_last_error (WyExportDialog *self,
                const GError   *error)
{
  g_clear_error (&self->last_error);
  if (error != NULL)
    self->last_error = g_error_copy (error);
}

static gboolean
read_as_of (WyExportDialog *self,
            GDate          *as_of)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->as_of_entry))));

  g_date_clear (as_of, 1);
  if (wy_date_parse (text, as_of) && g_date_valid (as_of))
    return TRUE;

  gtk_label_set_text (self->as_of_error, _("Enter the date as YYYY-MM-DD, for example 2024-06-30."));
  gtk_widget_set_visible (GTK_WIDGET (self->as_of_error), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->as_of_entry), "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->as_of_entry));

  return FALSE;
}

static void
on_as_of_entry_changed_cb (GtkEditable    *editable,
                           WyExportDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->as_of_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->as_of_error), FALSE);
}

static void
on_scope_area_active_cb (GtkCheckButton *button,
                         GParamSpec     *pspec,
                         WyExportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->area_drop_down),
                            gtk_check_button_get_active (button) && self->areas->len > 0);
}

static void
update_sensitivity (WyExportDialog *self)
{
  gboolean xlsx = gtk_check_button_get_active (self->format_xlsx);

  /* The CSV is the problem ledger only: no sheets, no paper. */
  gtk_widget_set_sensitive (self->sheets_box, xlsx);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_drop_down), xlsx);
  gtk_widget_set_sensitive (self->paper_label, xlsx);
  gtk_widget_set_sensitive (GTK_WIDGET (self->three_lists),
                            xlsx && gtk_check_button_get_active (self->sheet_problems));
}

static void
on_format_xlsx_active_cb (GtkCheckButton *button,
                          GParamSpec     *pspec,
                          WyExportDialog *self)
{
  update_sensitivity (self);
}

static void
on_sheet_problems_active_cb (GtkCheckButton *button,
                             GParamSpec     *pspec,
                             WyExportDialog *self)
{
  update_sensitivity (self);
}

static gboolean
is_csv (WyExportDialog *self)
{
  return gtk_check_button_get_active (self->format_csv);
}

/* Fills options from the choices; unit holds the reporting unit's text. */
static gboolean
collect_options (WyExportDialog  *self,
                 WyExportOptions *options,
                 char           **unit)
{
  GDate today, as_of;
  WyExportSheets sheets = 0;

  if (!read_as_of (self, &as_of))
    return FALSE;

  g_date_clear (&today, 1);
  wy_clock_get_today (&today);
  wy_export_options_init_defaults (options, &today);
  options->as_of = as_of;
  options->paper = gtk_drop_down_get_selected (self->paper_drop_down) == 1
                   ? WY_EXPORT_PAPER_A3 : WY_EXPORT_PAPER_A4;

  if (gtk_check_button_get_active (self->sheet_compounds))
    sheets |= WY_EXPORT_SHEET_COMPOUNDS;
  if (gtk_check_button_get_active (self->sheet_problems))
    sheets |= WY_EXPORT_SHEET_PROBLEMS;
  if (gtk_check_button_get_active (self->sheet_tasks))
    sheets |= WY_EXPORT_SHEET_TASKS;
  if (gtk_check_button_get_active (self->sheet_phases))
    sheets |= WY_EXPORT_SHEET_PHASES;
  if (gtk_check_button_get_active (self->sheet_attainment))
    sheets |= WY_EXPORT_SHEET_ATTAINMENT;
  options->sheets = is_csv (self) ? WY_EXPORT_SHEET_PROBLEMS : sheets;
  options->three_lists = !is_csv (self) && gtk_check_button_get_active (self->three_lists);

  if (gtk_check_button_get_active (self->scope_list))
    {
      options->scope = WY_EXPORT_SCOPE_COMPOUNDS;
      options->compound_ids = self->list_ids;
    }
  else if (gtk_check_button_get_active (self->scope_area))
    {
      guint selected = gtk_drop_down_get_selected (self->area_drop_down);

      if (selected != GTK_INVALID_LIST_POSITION && selected < self->areas->len)
        {
          Area *area = &g_array_index (self->areas, Area, selected);

          options->scope = area->scope;
          options->scope_id = area->id;
        }
    }

  *unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_entry))));
  options->reporting_unit = **unit != '\0' ? *unit : NULL;

  return TRUE;
}

/* Running -------------------------------------------------------------- */

static gboolean
on_pulse_timeout_cb (gpointer user_data)
{
  WyExportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
set_running (WyExportDialog *self,
             gboolean        running)
{
  self->running = running;
  /* Focus must not stay in a field that turns insensitive; Cancel is
   * what can be pressed while writing. */
  if (running)
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  gtk_widget_set_sensitive (self->form_box, !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !running);
  gtk_widget_set_visible (self->progress_box, running);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (!running)
    g_clear_object (&self->cancellable);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  WyExportDialog *self = WY_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* The ledger window went while writing (the write was cancelled). */
  if (self->disposed)
    return;

  set_running (self, FALSE);

  if (!ok)
    {
      set_last_error (self, error);
      /* Cancelled: back to the choices, nothing was written. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        wy_gui_show_error (GTK_WINDOW (self), _("Could not export the ledger"), error);
      return;
    }

  set_last_error (self, NULL);
  if (self->window != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (self->path);
      g_autofree char *basename = g_path_get_basename (self->path);
      g_autofree char *display = g_filename_display_name (basename);
      g_autofree char *uri = g_file_get_uri (file);
      /* Translators: the notice after an export, with an Open button beside it */
      g_autofree char *notice = g_strdup_printf (_("Exported “%s”"), display);

      wy_window_show_file_notice (self->window, notice, uri);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
wy_export_dialog_export_to (WyExportDialog *self,
                            const char     *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  g_autofree char *status = NULL;
  WyExportOptions options;
  WyExportSnapshot *snapshot;
  ExportJob *job;

  g_return_val_if_fail (WY_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->running || self->window == NULL)
    return FALSE;

  if (!collect_options (self, &options, &unit))
    {
      g_clear_error (&self->last_error);
      g_set_error_literal (&self->last_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           gtk_label_get_text (self->as_of_error));
      return FALSE;
    }

  /* Read on the main thread (the store's), write in a worker. */
  snapshot = wy_export_snapshot_new (wy_window_get_store (self->window), &options, &error);
  if (snapshot == NULL)
    {
      set_last_error (self, error);
      wy_gui_show_error (GTK_WINDOW (self), _("Could not export the ledger"), error);
      return FALSE;
    }

  g_free (self->path);
  self->path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);

  basename = g_path_get_basename (path);
  display = g_filename_display_name (basename);
  /* Translators: shown above the progress bar; %s is a file name */
  status = g_strdup_printf (_("Writing “%s”…"), display);
  gtk_label_set_text (self->progress_label, status);
  if (is_csv (self))
    self->pulse_id = g_timeout_add (100, on_pulse_timeout_cb, self);

  job = g_new0 (ExportJob, 1);
  job->snapshot = snapshot;
  job->path = g_strdup (path);
  job->csv = is_csv (self);
  job->self = self;

  task = g_task_new (self, self->cancellable, on_export_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);

  return TRUE;
}

/* The file chooser ------------------------------------------------------- */

static void
on_file_chooser_response_cb (GtkNativeDialog *native,
                             int              response,
                             WyExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL)
    {
      const char *extension = is_csv (self) ? ".csv" : ".xlsx";
      g_autofree char *lower = g_ascii_strdown (path, -1);
      g_autofree char *full = g_str_has_suffix (lower, extension)
                              ? g_strdup (path) : g_strconcat (path, extension, NULL);

      wy_export_dialog_export_to (self, full);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
on_export_button_clicked_cb (GtkButton      *button,
                             WyExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) ledger = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  GDate date;

  if (self->running || self->window == NULL || !read_as_of (self, &date))
    return;

  native = gtk_file_chooser_native_new (_("Export Ledger"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  ledger = g_file_new_for_path (wy_store_get_path (wy_window_get_store (self->window)));
  folder = g_file_get_parent (ledger);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  as_of = wy_date_to_iso (&date);
  if (is_csv (self))
    {
      /* Translators: the proposed name of a problem-ledger CSV export;
       * the first %s is the ledger's name, the second the as-of date
       * (YYYY-MM-DD). Chinese: "%s-问题台账-%s" */
      name = g_strdup_printf (_("%s-problems-%s.csv"), wy_window_get_ledger_title (self->window), as_of);
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      /* Translators: the proposed name of an Excel export; the first %s
       * is the ledger's name, the second the as-of date (YYYY-MM-DD).
       * Chinese: "%s-台账-%s" */
      name = g_strdup_printf (_("%s-ledger-%s.xlsx"), wy_window_get_ledger_title (self->window), as_of);
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_suffix (filter, "xlsx");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (on_file_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_cancel_button_clicked_cb (GtkButton      *button,
                             WyExportDialog *self)
{
  if (self->running)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
wy_export_dialog_close_request (GtkWindow *window)
{
  WyExportDialog *self = WY_EXPORT_DIALOG (window);

  /* Closing while writing cancels; the dialog goes once the worker has
   * cleaned up. */
  if (self->running)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (wy_export_dialog_parent_class)->close_request (window);
}

/* Setting up -------------------------------------------------------------- */

static void
fill_areas (WyExportDialog *self,
            WyStore        *store)
{
  g_autoptr(GPtrArray) streets = wy_store_list (store, WY_TABLE_STREET, 0, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; streets != NULL && i < streets->len; i++)
    {
      WyRecord *street = g_ptr_array_index (streets, i);
      g_autoptr(GPtrArray) communities = wy_store_list (store, WY_TABLE_COMMUNITY, wy_record_get_id (street), NULL);
      const char *street_name = wy_record_get (street, "name");
      Area area = { WY_EXPORT_SCOPE_STREET, wy_record_get_id (street) };

      g_array_append_val (self->areas, area);
      gtk_string_list_append (names, street_name != NULL ? street_name : "");

      for (guint j = 0; communities != NULL && j < communities->len; j++)
        {
          WyRecord *community = g_ptr_array_index (communities, j);
          /* Translators: a community in the export's drop-down: street office › community */
          g_autofree char *label = g_strdup_printf (_("%s › %s"), street_name != NULL ? street_name : "",
                                                    wy_record_get (community, "name"));
          Area c = { WY_EXPORT_SCOPE_COMMUNITY, wy_record_get_id (community) };

          g_array_append_val (self->areas, c);
          gtk_string_list_append (names, label);
        }
    }

  gtk_drop_down_set_model (self->area_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_expression (self->area_drop_down,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_area), self->areas->len > 0);
}

static void
fill_list_scope (WyExportDialog *self)
{
  GListModel *model = wy_window_get_compound_model (self->window);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_autofree char *label = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WyCompoundItem) item = g_list_model_get_item (model, i);
      gint64 id = wy_compound_item_get_id (item);

      g_array_append_val (self->list_ids, id);
    }

  label = g_strdup_printf (ngettext ("What the compound _list shows (%u compound)",
                                     "What the compound _list shows (%u compounds)", n),
                           n);
  gtk_check_button_set_label (self->scope_list, label);
}

static void
wy_export_dialog_dispose (GObject *object)
{
  WyExportDialog *self = (WyExportDialog *)object;

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), WY_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (wy_export_dialog_parent_class)->dispose (object);
}

static void
wy_export_dialog_finalize (GObject *object)
{
  WyExportDialog *self = (WyExportDialog *)object;

  g_clear_pointer (&self->list_ids, g_array_unref);
  g_clear_pointer (&self->areas, g_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->last_error);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (wy_export_dialog_parent_class)->finalize (object);
}

static void
wy_export_dialog_class_init (WyExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wy_export_dialog_dispose;
  object_class->finalize = wy_export_dialog_finalize;
  window_class->close_request = wy_export_dialog_close_request;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-export-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, WyExportDialog, name)
  BIND (cancel_button);
  BIND (export_button);
  BIND (form_box);
  BIND (scope_all);
  BIND (scope_list);
  BIND (scope_area);
  BIND (area_drop_down);
  BIND (format_xlsx);
  BIND (format_csv);
  BIND (sheets_box);
  BIND (sheet_compounds);
  BIND (sheet_problems);
  BIND (sheet_tasks);
  BIND (sheet_phases);
  BIND (sheet_attainment);
  BIND (three_lists);
  BIND (paper_label);
  BIND (paper_drop_down);
  BIND (as_of_entry);
  BIND (as_of_error);
  BIND (unit_entry);
  BIND (progress_box);
  BIND (progress_label);
  BIND (progress_bar);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_area_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_format_xlsx_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_problems_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_entry_changed_cb);
}

static void
wy_export_dialog_init (WyExportDialog *self)
{
  self->list_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->areas = g_array_new (FALSE, FALSE, sizeof (Area));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
}

WyExportDialog *
wy_export_dialog_new (WyWindow *window)
{
  WyExportDialog *self;
  GDate today;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (WY_IS_WINDOW (window), NULL);

  self = g_object_new (WY_TYPE_EXPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);

  g_date_clear (&today, 1);
  wy_clock_get_today (&today);
  iso = wy_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry), iso);

  fill_list_scope (self);
  fill_areas (self, wy_window_get_store (window));
  update_sensitivity (self);

  return self;
}

void
wy_export_dialog_set_scope (WyExportDialog      *self,
                            WyExportDialogScope  scope)
{
  g_return_if_fail (WY_IS_EXPORT_DIALOG (self));

  switch (scope)
    {
    case WY_EXPORT_DIALOG_SCOPE_LIST:
      gtk_check_button_set_active (self->scope_list, TRUE);
      break;
    case WY_EXPORT_DIALOG_SCOPE_AREA:
      gtk_check_button_set_active (self->scope_area, TRUE);
      break;
    case WY_EXPORT_DIALOG_SCOPE_ALL:
    default:
      gtk_check_button_set_active (self->scope_all, TRUE);
      break;
    }
}

void
wy_export_dialog_set_csv (WyExportDialog *self,
                          gboolean        csv)
{
  g_return_if_fail (WY_IS_EXPORT_DIALOG (self));

  gtk_check_button_set_active (csv ? self->format_csv : self->format_xlsx, TRUE);
}

GtkEditable *
wy_export_dialog_get_as_of_entry (WyExportDialog *self)
{
  g_return_val_if_fail (WY_IS_EXPORT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->as_of_entry);
}

gboolean
wy_export_dialog_is_running (WyExportDialog *self)
{
  g_return_val_if_fail (WY_IS_EXPORT_DIALOG (self), FALSE);

  return self->running;
}

const GError *
wy_export_dialog_get_last_error (WyExportDialog *self)
{
  g_return_val_if_fail (WY_IS_EXPORT_DIALOG (self), NULL);

  return self->last_error;
}
