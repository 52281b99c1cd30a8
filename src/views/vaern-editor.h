/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The base of every editor dialog: a modal window with Cancel and Save in
 * its header bar, a line for what went wrong, and the page of fields the
 * subclass provides (in its template, as a <child>). Save (the button, the
 * default widget's Enter or Ctrl+S) calls the subclass's save(); when the
 * document refuses, the message is shown, the field at fault is marked and
 * focused, and everything typed stays. Escape cancels.
 *
 * Fields are registered by name ("name", "email", "next_review", …), the
 * same names the store puts in its errors (vaern_store_error_get_field). */

#define VAERN_TYPE_EDITOR (vaern_editor_get_type ())
G_DECLARE_DERIVABLE_TYPE (VaernEditor, vaern_editor, VAERN, EDITOR, AdwWindow)

struct _VaernEditorClass
{
  AdwWindowClass parent_class;

  /* Writes the fields to the document: returns the id of the saved row, or
   * 0 with an error. */
  gint64 (*save) (VaernEditor *self,
                  GError     **error);
};

void        vaern_editor_set_heading  (VaernEditor *self,
                                       const char  *title,
                                       const char  *subtitle);
/* What the Save button says when saving is more than saving ("_Approve"). */
void        vaern_editor_set_save_label (VaernEditor *self,
                                         const char  *label);
/* The page of fields, for editors built in code (templates use <child>). */
void        vaern_editor_add_page     (VaernEditor *self,
                                       GtkWidget   *page);
void        vaern_editor_add_field    (VaernEditor *self,
                                       const char  *field,
                                       GtkWidget   *row);
void        vaern_editor_set_editable (VaernEditor *self,
                                       gboolean     editable);
/* Reads a date field (23-11-2026 → ISO; empty → NULL); a date that is not
 * one fails, and the field is marked when the save fails. */
gboolean    vaern_editor_read_date    (VaernEditor *self,
                                       const char  *field,
                                       char       **iso,
                                       GError     **error);
gboolean    vaern_editor_save         (VaernEditor *self,
                                       GError     **error);
/* The message shown, or NULL: for tests. */
const char *vaern_editor_get_error    (VaernEditor *self);

G_END_DECLS
