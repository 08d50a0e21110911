/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include <wuyou/wuyou.h>

G_BEGIN_DECLS

/* Registers the GResource (templates, style sheet, icon) and names the
 * focusable parts GTK 4.8 leaves nameless for screen readers, once.
 * Every widget with a template calls it from its class_init, so the
 * tests need no set-up of their own. */
void wy_gui_ensure_resources (void);

/* A modal error message over parent: the heading, and the error's message
 * (which says why) beneath it. Closes itself. */
void wy_gui_show_error (GtkWindow    *parent,
                        const char   *heading,
                        const GError *error);

/* A column's factory whose cells are one line, min_chars wide at least
 * and nat_chars when there is room (characters as wy_gui_text_chars()
 * counts them), ellipsized at the end. The widths are worked out once,
 * for the column, not for every row; the caller connects "bind". */
GtkListItemFactory *wy_gui_cell_factory_new (guint min_chars,
                                             guint nat_chars);

/* A list cell's tooltip with its whole text (NULL or "": none). GTK
 * 4.8 wraps a plain tooltip at a width it guesses from the text's area,
 * which breaks a short Chinese name every four glyphs; this one is one
 * line up to 60 characters. The text is also the cell's accessible
 * description, as a plain tooltip's would be. */
void       wy_gui_set_cell_tooltip  (GtkWidget  *cell,
                                     const char *text);

/* What a detail pane says while nothing is selected: dim, wrapped,
 * centred, clear of the pane's edges. */
GtkWidget *wy_gui_empty_detail_label (const char *text);

/* The parts of a list page (list | detail) that builds its tree in code:
 * the undo notice (a revealer holding the label, returned in label, and
 * an Undo button), the toolbar (6 px apart and around), the paned (the
 * detail keeps its width), the list's model (a filter over items and a
 * single selection that may be empty; filter is taken, filtered is the
 * selection's), the list pane (the list scrolled, the count bar beneath,
 * returned in status_label), the detail's stack ("empty" says
 * empty_text) and a detail box (12 px apart and around) added to it
 * scrolled under name. */
GtkWidget          *wy_gui_undo_notice_new        (GtkWidget          **label,
                                                   GCallback            on_undo_clicked,
                                                   gpointer             data);
GtkWidget          *wy_gui_toolbar_new            (void);
GtkWidget          *wy_gui_list_detail_paned_new  (void);
GtkSingleSelection *wy_gui_filtered_selection_new (GListModel          *items,
                                                   GtkFilter           *filter,
                                                   GtkFilterListModel **filtered);
GtkWidget          *wy_gui_list_pane_new          (GtkWidget           *list,
                                                   GtkWidget          **status_label);
GtkWidget          *wy_gui_detail_stack_new       (const char          *empty_text);
GtkWidget          *wy_gui_detail_box_new         (void);
void                wy_gui_detail_stack_add       (GtkWidget           *stack,
                                                   GtkWidget           *detail,
                                                   const char          *name);

/* The first widget of type at or below widget's children, depth first:
 * for the parts GTK builds inside its widgets (a drop-down's button, a
 * column view's list, a sidebar's list box). */
GtkWidget *wy_gui_find_descendant   (GtkWidget  *widget,
                                     GType       type);

/* How many characters (GtkLabel and GtkInscription widths: about an
 * average Latin letter) text takes: a Han glyph counts two. */
guint wy_gui_text_chars         (const char *text);

/* How many GtkInscription characters the widest light word takes with
 * its dot ("● On schedule", "● 已完成"): a Han glyph counts two, so a
 * list's light column is as wide as its words in either language. */
guint wy_gui_light_column_chars (void);

/* A light's dot and word ("● Overdue") in a GtkLabel or a GtkInscription,
 * coloured by its class in style.css (.wy-light-red, -yellow, -green,
 * -done, -none): the palette lives in the style sheet, not in C. With
 * say_none, no light reads "● No deadline"; else only the dot. */
void  wy_gui_show_light         (GtkWidget  *widget,
                                 WyLight     light,
                                 gboolean    say_none);
/* Red or yellow text (.wy-light-red, .wy-light-yellow) on a cell that
 * needs attention (a deadline past or near), none otherwise. */
void  wy_gui_mark_urgent        (GtkWidget  *widget,
                                 WyLight     light);

/* The widest of an enumerated field's translated labels, in characters
 * (a level, a meeting's kind). */
guint wy_gui_code_labels_chars  (const WyFieldInfo *field);

/* Shows a stored value in an entry without making it a step of the
 * entry's own undo: Ctrl+Z in the entry undoes what was typed since,
 * never the showing (which emptied the entry, and leaving it then saved
 * the empty value). Its undo history starts again here. */
void  wy_gui_editable_show_text (GtkEditable       *editable,
                                 const char        *text);

#define WY_GUI_RESOURCE_PATH "/io/github/wuyou/Wuyou"

G_END_DECLS
