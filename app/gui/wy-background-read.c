/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-background-read"

#include "config.h"

#include "wy-background-read.h"

typedef struct {
  char                 *path;
  WyBackgroundReadFunc  read;
  gpointer              request;
  GDestroyNotify        request_free;
  GDestroyNotify        result_free;
  WyBackgroundDoneFunc  done;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->request_free != NULL)
    g_clear_pointer (&job->request, job->request_free);
  g_free (job->path);
  /* The owner is released in on_read_done_cb, on the main thread. */
  g_free (job);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(WyStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result;

  /* Its own connection: a WyStore is used by one thread at a time. */
  reader = wy_store_open_readonly (job->path, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  wy_store_set_cancellable (reader, cancellable);

  result = job->read (reader, job->request, cancellable, &error);
  if (result == NULL)
    {
      /* Stopped by the cancellable, SQLite only says "interrupted". */
      if (!g_task_return_error_if_cancelled (task))
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      job->result_free (result);
      return;
    }

  g_task_return_pointer (task, result, job->result_free);
}

static void
on_read_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  g_autoptr(GObject) owner = user_data;
  GTask *task = G_TASK (res);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gpointer result;

  result = g_task_propagate_pointer (task, &error);

  /* Cancelled: the owner went away, or a newer read replaced this one. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (result != NULL)
        job->result_free (result);
      return;
    }

  job->done (owner, result, error);
}

GCancellable *
wy_background_read (const char           *path,
                    WyBackgroundReadFunc  read,
                    gpointer              request,
                    GDestroyNotify        request_free,
                    GDestroyNotify        result_free,
                    gpointer              owner,
                    WyBackgroundDoneFunc  done)
{
  g_autoptr(GTask) task = NULL;
  GCancellable *cancellable;
  Job *job;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (read != NULL && done != NULL && result_free != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  job = g_new0 (Job, 1);
  job->path = g_strdup (path);
  job->read = read;
  job->request = request;
  job->request_free = request_free;
  job->result_free = result_free;
  job->done = done;

  /* The owner rides as callback data, not as the task's source object:
   * the task may be freed in the worker thread, and the owner (a widget)
   * must only ever be released on the main thread (in the callback). */
  cancellable = g_cancellable_new ();
  task = g_task_new (NULL, cancellable, on_read_done_cb, g_object_ref (owner));
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, read_in_thread);

  return cancellable;
}
