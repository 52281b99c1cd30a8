/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/vaern-document.h"
#include "vaern-soa-view.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"

G_BEGIN_DECLS

/* The themes of Annex A: 5 Organisational … 8 Technological. */
#define VAERN_SOA_N_THEMES 4

/* Shared by the view (vaern-soa-view.c: versions, filters, progress and
 * state), its actions (vaern-soa-view-actions.c) and its printing and
 * export (vaern-soa-view-output.c). */
struct _VaernSoaView
{
  GtkWidget           parent_instance;

  VaernDocument      *document;
  gint64              version_id;    /* the version shown */
  GArray             *version_ids;   /* gint64, in the version dropdown's order */
  GtkStringList      *version_names;
  guint               filling;

  /* The filters' values */
  guint               only_theme;    /* 0 or 5–8 */
  guint               only_applicable; /* 0 all, 1 applies, 2 does not */
  guint               only_status;   /* 0 all, else status + 1 */
  gint64              only_owner;
  gboolean            only_missing;
  VaernSearch         search;
  GtkCustomFilter    *filter;

  GtkWidget          *version_dropdown;
  GtkLabel           *state_label;
  GtkWidget          *approve_button;
  GtkWidget          *draft_button;
  GtkFlowBox         *filter_box;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *theme_filter;
  GtkDropDown        *applicable_filter;
  GtkDropDown        *status_filter;
  GtkWidget          *owner_filter_box;
  GtkDropDown        *owner_filter;
  GtkToggleButton    *missing_filter;
  GtkWidget          *progress_box;
  GtkWidget          *progress_buttons[VAERN_SOA_N_THEMES + 1];
  GtkLabel           *progress_headings[VAERN_SOA_N_THEMES + 1];
  GtkLevelBar        *progress_bars[VAERN_SOA_N_THEMES + 1];
  GtkLabel           *progress_labels[VAERN_SOA_N_THEMES + 1];
  GtkStack           *content_stack;
  VaernTable         *table;
  GtkLabel           *count_label;
  gboolean            attached;     /* showing the document (once mapped) */
};

/* Shows a version, the filters kept (after a new draft). */
void           vaern_soa_view_show_version      (VaernSoaView   *self,
                                                 gint64          version_id);
void           vaern_soa_view_reset_filters     (VaernSoaView   *self);

/* The actions (vaern-soa-view-actions.c): soa.edit, .approve, .new-draft,
 * .compare, .clear-filters and .show-filtered. */
void           vaern_soa_view_class_init_actions (GtkWidgetClass *widget_class);

/* Printing and export (vaern-soa-view-output.c): installs soa.print,
 * soa.export-pdf and soa.export-xml. */
void           vaern_soa_view_class_init_output (GtkWidgetClass *widget_class);
/* Prints the version shown; with export_path, straight to that PDF
 * without the print dialog (for tests). */
gboolean       vaern_soa_view_print             (VaernSoaView   *self,
                                                 const char     *export_path,
                                                 GError        **error);

/* For tests */
VaernTable    *vaern_soa_view_get_table         (VaernSoaView   *self);
gint64         vaern_soa_view_get_version       (VaernSoaView   *self);
VaernDocument *vaern_soa_view_get_document      (VaernSoaView   *self);
void           vaern_soa_view_set_search        (VaernSoaView   *self,
                                                 const char     *text);
/* Opens the comparison of two versions (the one shown and the one before). */
GtkWindow     *vaern_soa_view_compare           (VaernSoaView   *self);

G_END_DECLS
