/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-problems.h"

gint64
wy_problem_add_update (WyStore     *store,
                       gint64       problem_id,
                       const char  *date_iso,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(WyRecord) update = wy_record_new (WY_TABLE_PROBLEM_UPDATE);
  g_autoptr(WyRecord) problem = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *title = NULL;
  gint64 id;

  g_return_val_if_fail (WY_IS_STORE (store), 0);

  wy_record_set_int (update, "problem_id", problem_id);
  wy_record_set (update, "date", date_iso);
  wy_record_set (update, "text", trimmed);
  wy_record_set (update, "author", wy_store_get_operator (store));

  problem = wy_store_get (store, WY_TABLE_PROBLEM, problem_id, NULL);
  /* Translators: names an undo step, "Undo Progress Note on “…”";
   * %s is a rectification item */
  title = g_strdup_printf (_("Progress Note on “%s”"),
                           problem != NULL ? wy_record_get (problem, "description") : "");
  if (!wy_store_change_begin (store, title, error))
    return 0;

  id = wy_store_insert (store, update, error);
  if (id == 0 || !wy_store_change_end (store, error))
    {
      wy_store_change_cancel (store);
      return 0;
    }
  return id;
}

gboolean
wy_problem_sign_off (WyStore      *store,
                     gint64        problem_id,
                     const char   *date_iso,
                     const char   *verifier,
                     const GDate  *today,
                     GError      **error)
{
  g_autoptr(WyRecord) problem = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (verifier != NULL ? verifier : ""));
  g_autofree char *title = NULL;

  g_return_val_if_fail (WY_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  problem = wy_store_get (store, WY_TABLE_PROBLEM, problem_id, error);
  if (problem == NULL)
    return FALSE;

  /* Signed off meanwhile, from another window: its date and verifier
   * stand; a second sign-off would overwrite them. */
  if (g_strcmp0 (wy_record_get (problem, "status"), WY_PROBLEM_SIGNED_OFF) == 0)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CHANGED,
                   /* Translators: the first %s is a date, the second a verifier's name */
                   _("This item was already signed off on %s by %s."),
                   wy_record_get (problem, "signed_off_date"),
                   wy_record_get (problem, "verifier") != NULL ? wy_record_get (problem, "verifier") : "");
      return FALSE;
    }

  if (!wy_problem_check_sign_off_date (wy_record_get (problem, "raised_date"), date_iso, today, error))
    return FALSE;

  wy_record_set (problem, "status", WY_PROBLEM_SIGNED_OFF);
  wy_record_set (problem, "signed_off_date", date_iso);
  wy_record_set (problem, "verifier", trimmed[0] != '\0' ? trimmed : NULL);

  /* Translators: names an undo step, "Undo Sign-off of “…”";
   * %s is a rectification item */
  title = g_strdup_printf (_("Sign-off of “%s”"), wy_record_get (problem, "description"));
  if (!wy_store_change_begin (store, title, error))
    return FALSE;

  if (!wy_store_update (store, problem, error) ||
      !wy_store_change_end (store, error))
    {
      wy_store_change_cancel (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
wy_problem_reopen (WyStore      *store,
                   gint64        problem_id,
                   const GDate  *today,
                   const char   *reason,
                   GError      **error)
{
  g_autoptr(WyRecord) problem = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *note = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *title = NULL;

  g_return_val_if_fail (WY_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  problem = wy_store_get (store, WY_TABLE_PROBLEM, problem_id, error);
  if (problem == NULL)
    return FALSE;

  if (g_strcmp0 (wy_record_get (problem, "status"), WY_PROBLEM_SIGNED_OFF) != 0)
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                           _("Only a signed-off item can be reopened."));
      return FALSE;
    }

  today_iso = wy_date_to_iso (today);
  /* The old sign-off stays readable in the note and the audit log. */
  if (trimmed[0] != '\0')
    note = g_strdup_printf (_("Reopened (signed off on %s by %s): %s"),
                            wy_record_get (problem, "signed_off_date"),
                            wy_record_get (problem, "verifier"), trimmed);
  else
    note = g_strdup_printf (_("Reopened (signed off on %s by %s)."),
                            wy_record_get (problem, "signed_off_date"),
                            wy_record_get (problem, "verifier"));

  wy_record_set (problem, "status", WY_PROBLEM_IN_PROGRESS);
  wy_record_set (problem, "signed_off_date", NULL);
  wy_record_set (problem, "verifier", NULL);

  /* Translators: names an undo step, "Undo Reopening of “…”";
   * %s is a rectification item */
  title = g_strdup_printf (_("Reopening of “%s”"), wy_record_get (problem, "description"));

  if (!wy_store_begin (store, error))
    return FALSE;

  if (!wy_store_change_begin (store, title, error) ||
      !wy_store_update (store, problem, error) ||
      wy_problem_add_update (store, problem_id, today_iso, note, error) == 0 ||
      !wy_store_change_end (store, error) ||
      !wy_store_commit (store, error))
    {
      wy_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}

gboolean
wy_problem_deadline_before_raised (const char *raised_iso,
                                   const char *deadline_iso)
{
  GDate raised, deadline;

  if (!wy_date_parse (raised_iso, &raised) || !wy_date_parse (deadline_iso, &deadline))
    return FALSE;

  return g_date_compare (&deadline, &raised) < 0;
}

gboolean
wy_problem_check_sign_off_date (const char   *raised_iso,
                                const char   *date_iso,
                                const GDate  *today,
                                GError      **error)
{
  GDate date, raised;

  g_return_val_if_fail (today != NULL, FALSE);

  if (!wy_date_parse (date_iso, &date))
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                           _("The sign-off date must be a real date (YYYY-MM-DD)."));
      return FALSE;
    }

  /* Signing off records a verification that took place. */
  if (g_date_compare (&date, today) > 0)
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                           _("The sign-off date cannot be in the future."));
      return FALSE;
    }

  if (wy_date_parse (raised_iso, &raised) && g_date_compare (&date, &raised) < 0)
    {
      /* Translators: %s is the date the item was raised, YYYY-MM-DD */
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                   _("The sign-off date cannot be before the item was raised (%s)."), raised_iso);
      return FALSE;
    }

  return TRUE;
}
