/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/vaern-enums.h"
#include "store/vaern-document.h"

G_BEGIN_DECLS

/* Small pieces the views and dialogs share. */

/* The translated labels of an enumeration, for a GtkDropDown or AdwComboRow. */
GtkStringList *vaern_enum_string_list      (const VaernEnum *e);
void           vaern_combo_row_set_enum    (AdwComboRow     *row,
                                            const VaernEnum *e,
                                            guint            value);

/* A searchable drop-down over records (people, units), with an optional
 * first entry for "none". The label is the record's string property. */
GtkDropDown   *vaern_record_dropdown_new   (GListModel      *records,
                                            const char      *label_property,
                                            gint64           selected_id,
                                            const char      *none_label);
gint64         vaern_record_dropdown_get_id (GtkDropDown    *dropdown);
void           vaern_record_dropdown_set_id (GtkDropDown    *dropdown,
                                             gint64          id);

/* Dates in entries: shown as 23-11-2026, read back as ISO; empty is NULL. */
void           vaern_entry_set_date        (GtkEditable     *editable,
                                            const char      *iso);
gboolean       vaern_entry_get_date        (GtkEditable     *editable,
                                            char           **iso,
                                            GError         **error);

/* Sets an entry's text; NULL is empty. */
void           vaern_entry_set_text        (GtkEditable     *editable,
                                            const char      *text);

/* Text of an entry, trimmed; NULL when empty. */
char          *vaern_entry_get_text        (GtkEditable     *editable);

/* A flow box of filters: Tab goes from filter to filter, not through the
 * flow box's own child wrappers as well. */
void           vaern_flow_box_tab_through  (GtkFlowBox      *box);

/* A list's filter bar: a search field, a "Filters" menu button, then the
 * filters (drop-downs, toggle buttons), all children of bar. The bar lays
 * them out in lines, each at its own natural width, and starts a new line
 * when the next does not fit (GtkFlowBox in GTK 4.8 gives every child of a
 * line the widest child's width, so only one long drop-down fits per line).
 * Narrower than fold_width, the filters move into the button's popover
 * (popover_box, a vertical box) and the search field takes the line; the
 * button, shown only then, counts the filters in use. Filters added later
 * go next to the others, in whichever box holds them. */
void           vaern_filter_bar_init       (GtkBox          *bar,
                                            GtkWidget       *search,
                                            GtkMenuButton   *button,
                                            GtkBox          *popover_box,
                                            int              fold_width);
/* How many filters are in use, for the button's label. */
void           vaern_filter_bar_set_n_active (GtkBox        *bar,
                                              guint          n_active);
/* Whether the filters are in the popover. */
gboolean       vaern_filter_bar_get_folded (GtkBox          *bar);
/* Puts a filter made in code among the bar's filters: in the place of old
 * (which is removed), else before the filter before, else last. */
void           vaern_filter_bar_place      (GtkBox          *bar,
                                            GtkWidget       *filter,
                                            GtkWidget       *old,
                                            GtkWidget       *before);

/* Delete (without modifiers) while the focus is inside list runs action on
 * widget. It is caught in the capture phase, before a search field's
 * type-to-search can take the key, and left alone elsewhere (in a text
 * field, Delete deletes text). */
void           vaern_add_delete_key        (GtkWidget       *widget,
                                            GtkWidget       *list,
                                            const char      *action);
/* A view's keyboard shortcuts, managed by the window: they work wherever
 * the focus is while the view is shown. bindings: trigger, action, …,
 * NULL. */
void           vaern_add_view_shortcuts    (GtkWidget       *view,
                                            const char *const *bindings);

/* A search field's text as a filter uses it: casefolded, and split into
 * words that must all be found (in any order). */
typedef struct
{
  char  *needle;   /* the casefolded text, NULL when empty */
  GStrv  words;    /* its words, NULL when empty */
} VaernSearch;

/* Reads the field into search. FALSE when the search did not change;
 * otherwise TRUE, with how the filter changes (typing on narrows, deleting
 * widens) in *change. */
gboolean       vaern_search_read           (VaernSearch     *search,
                                            GtkEditable     *entry,
                                            GtkFilterChange *change);
/* The same for a text not in a field (a search kept for a tab not shown). */
gboolean       vaern_search_set            (VaernSearch     *search,
                                            const char      *text,
                                            GtkFilterChange *change);
/* Whether a casefolded search key holds every word (TRUE with no search). */
gboolean       vaern_search_matches        (const VaernSearch *search,
                                            const char        *key);
void           vaern_search_clear          (VaernSearch     *search);

/* The colours of a widget's style, for widgets that draw themselves (GTK
 * 4.8 has no gtk_widget_get_color): its text colour, the view background
 * and the theme's error, warning and success colours. */
typedef struct
{
  GdkRGBA fg;
  GdkRGBA bg;
  GdkRGBA error;
  GdkRGBA warning;
  GdkRGBA success;
} VaernStyleColors;

void           vaern_style_colors          (GtkWidget        *widget,
                                            VaernStyleColors *colors);

/* Shows an Undo notification in overlay, whose button runs action. While
 * it is shown, further deletions share it and its text follows the newest
 * (libadwaita 1.2 crashes when a toast is replaced while it still slides
 * in; Undo undoes the newest edit either way). slot holds the shown
 * notification and is cleared when it goes. */
void           vaern_offer_undo            (AdwToastOverlay *overlay,
                                            AdwToast       **slot,
                                            const char      *action,
                                            const char      *message);

/* A question with Cancel and one answer: Cancel is what Escape does, and
 * the default unless the answer is a suggested (not a destructive) one.
 * The caller adds what else it needs, connects ::response and presents it;
 * it closes with its parent. */
AdwMessageDialog *vaern_question_new       (GtkWindow            *parent,
                                            const char           *heading,
                                            const char           *body,
                                            const char           *answer_id,
                                            const char           *answer_label,
                                            AdwResponseAppearance appearance);

/* Shows an error in the window that holds the widget. */
void           vaern_show_error            (GtkWidget       *widget,
                                            const char      *heading,
                                            const GError    *error);

/* A drop-down of strings whose button shortens a long choice (at most
 * max_chars wide, the whole text in its tooltip) while its list shows it
 * all: so a long name does not widen the window. */
void           vaern_drop_down_shorten     (GtkDropDown     *dropdown,
                                            int              max_chars);

/* Names a drop-down for a screen reader. GTK 4.8 names the drop-down but
 * not the button inside it that takes the focus, which a screen reader
 * then reads as a nameless button: that button is named after the
 * drop-down. label may be NULL when the drop-down has its name already
 * (from its .ui file). */
void           vaern_drop_down_set_accessible_label (GtkDropDown *dropdown,
                                                     const char  *label);

/* Runs a print job on A4: straight to the PDF export_path when given (for
 * tests), else through the print dialog. Units are points. begin_print
 * (may be NULL: then one page) and draw_page are GtkPrintOperation's
 * signal handlers, called with data, which free_data frees when the job
 * is done. */
gboolean       vaern_print_a4              (GtkWidget          *widget,
                                            const char         *job_name,
                                            GtkPageOrientation  orientation,
                                            GCallback           begin_print,
                                            GCallback           draw_page,
                                            gpointer            data,
                                            GDestroyNotify      free_data,
                                            const char         *export_path,
                                            GError            **error);

/* The text of a text field (the templates declare the field: a GtkFrame
 * holding a scrolled, wrapping GtkTextView). */
void           vaern_text_view_set_text    (GtkTextView     *view,
                                            const char      *text);
/* The text, trimmed; "" when empty. */
char          *vaern_text_view_get_text    (GtkTextView     *view);

/* Tab and Shift+Tab leave widget (a list) for the next or previous control
 * outside it, instead of stepping through its rows one by one as GTK 4.8's
 * lists do; the arrow keys still move within it. */
void vaern_tab_leaves (GtkWidget *widget);

/* Whether a key press is Tab (forward) or Shift+Tab (backward), and which. */
gboolean vaern_tab_direction (guint             keyval,
                              GdkModifierType   state,
                              GtkDirectionType *direction);

/* Moves the focus to the first (forward) or last control after or before
 * widget, outside it, wrapping round the window. */
gboolean vaern_focus_outside (GtkWidget        *widget,
                              GtkDirectionType  direction);

/* A paned whose handle follows its size: the view says where the handle
 * belongs at each size, unless a person has moved it; then the share of
 * the pane they chose is kept (one for each orientation). Kept in the
 * view's instance; init connects it to the paned. */
typedef struct
{
  GtkPaned *paned;
  gboolean  moved[2];
  double    share[2];
  gboolean  placing;   /* the position is being set here, not by a person */
} VaernPanedShare;

void vaern_paned_share_init  (VaernPanedShare *ps,
                              GtkPaned        *paned);
/* Puts the handle at position for a pane of width × height, or where the
 * person's share puts it. */
void vaern_paned_share_place (VaernPanedShare *ps,
                              int              width,
                              int              height,
                              int              position);

G_END_DECLS
