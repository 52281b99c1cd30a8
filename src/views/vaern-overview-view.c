/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-view.h"
#include "core/vaern-catalogue.h"
#include "core/vaern-date.h"
#include "store/vaern-figures.h"
#include "vaern-documents-view.h"  /* the filters a row links to */
#include "vaern-overview-view.h"
#include "vaern-wheel-view.h"

/* The overview (overblik): the ISMS's key figures and what needs
 * attention, one row each, and each row a link to the view and filter it
 * concerns, so the row's count is what that view then lists. The findings
 * (a system without a systemejer, a treatment not decided, …) go first,
 * in a group of their own, while there are any.
 *
 * The figures are counted from the document's lists
 * (vaern_key_figures_compute): once when the view is first shown, and
 * again after a change, in an idle, so that a change told in many parts
 * (or a large document's twenty thousand risks) is counted once. */

/* Where a row leads. */
typedef enum
{
  LINK_REGISTER,         /* arg: VaernFindings */
  LINK_SYSTEMS,          /* the IT systems not retired */
  LINK_RISKS,
  LINK_RISKS_UNDECIDED,
  LINK_RISKS_OVERDUE,
  LINK_RISKS_BAND,       /* arg: band, after treatment */
  LINK_SOA,              /* arg: theme (0 all) */
  LINK_SOA_MISSING,
  LINK_WHEEL,            /* arg: VaernWheelMarkState */
  LINK_DOCUMENTS,        /* arg: VaernDocumentsFilter */
  LINK_APPROVALS,
} Link;

typedef enum
{
  FIG_SYSTEMS,
  FIG_NO_OWNER,
  FIG_DPA_MISSING,
  FIG_SYSTEMS_REVIEW,
  FIG_SYSTEMS_ASSESSED,
  FIG_RISKS,
  FIG_RISKS_UNDECIDED,
  FIG_RISKS_REVIEW,
  FIG_BAND_1,
  FIG_BAND_LAST = FIG_BAND_1 + VAERN_FIGURES_MAX_BANDS - 1,
  FIG_SOA_VERSION,
  FIG_SOA_IMPLEMENTED,
  FIG_SOA_THEME_5,
  FIG_SOA_THEME_8 = FIG_SOA_THEME_5 + VAERN_FIGURES_N_THEMES - 1,
  FIG_SOA_MISSING,
  FIG_ACTIVITIES_OVERDUE,
  FIG_ACTIVITIES_UPCOMING,
  FIG_DOCUMENTS,
  FIG_DOCUMENTS_REVIEW,
  FIG_PENDING_APPROVALS,
  FIG_LAST_REPORT,
  N_FIGURES
} Figure;

/* The findings, in the order the "Needs attention" group lists them. */
static const Figure findings[] = {
  FIG_NO_OWNER, FIG_DPA_MISSING, FIG_SYSTEMS_REVIEW, FIG_RISKS_UNDECIDED, FIG_RISKS_REVIEW,
  FIG_ACTIVITIES_OVERDUE, FIG_SOA_MISSING, FIG_PENDING_APPROVALS,
};

typedef struct
{
  AdwActionRow *row;         /* in its own group */
  GtkLabel     *count;
  AdwActionRow *attention;   /* in "Needs attention", for a finding */
  GtkLabel     *attention_count;
  Link          link;
  guint         arg;
} FigureRow;

struct _VaernOverviewView
{
  GtkWidget            parent_instance;

  VaernDocument       *document;
  gboolean             attached;    /* counting the document (once mapped) */
  gboolean             stale;       /* changed while hidden */
  guint                refresh_idle;

  GtkStack            *stack;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *attention_group;
  AdwActionRow        *all_well_row;
  AdwPreferencesGroup *bands_group;
  AdwStatusPage       *empty_page;
  FigureRow            rows[N_FIGURES];
};

static void vaern_overview_view_iface_init (VaernViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VaernOverviewView, vaern_overview_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VAERN_TYPE_VIEW,
                                                      vaern_overview_view_iface_init))

static const char *const figure_names[N_FIGURES] = {
  [FIG_SYSTEMS] = "systems",
  [FIG_NO_OWNER] = "no-owner",
  [FIG_DPA_MISSING] = "dpa-missing",
  [FIG_SYSTEMS_REVIEW] = "systems-review-overdue",
  [FIG_SYSTEMS_ASSESSED] = "systems-assessed",
  [FIG_RISKS] = "risks",
  [FIG_RISKS_UNDECIDED] = "risks-undecided",
  [FIG_RISKS_REVIEW] = "risks-review-overdue",
  [FIG_BAND_1] = "band-1", "band-2", "band-3", "band-4", "band-5", "band-6",
  [FIG_SOA_VERSION] = "soa-version",
  [FIG_SOA_IMPLEMENTED] = "soa-implemented",
  [FIG_SOA_THEME_5] = "soa-theme-5", "soa-theme-6", "soa-theme-7", "soa-theme-8",
  [FIG_SOA_MISSING] = "soa-missing-justification",
  [FIG_ACTIVITIES_OVERDUE] = "activities-overdue",
  [FIG_ACTIVITIES_UPCOMING] = "activities-upcoming",
  [FIG_DOCUMENTS] = "documents",
  [FIG_DOCUMENTS_REVIEW] = "documents-review",
  [FIG_PENDING_APPROVALS] = "pending-approvals",
  [FIG_LAST_REPORT] = "last-report",
};

G_STATIC_ASSERT (VAERN_FIGURES_MAX_BANDS == 6);
G_STATIC_ASSERT (VAERN_FIGURES_N_THEMES == 4);

static gboolean
is_finding (Figure figure)
{
  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    if (findings[i] == figure)
      return TRUE;
  return FALSE;
}

/* Following a link */

/* Shows the row's view with the filter that lists what the row counts:
 * through the window (win.go-to), which shows the view and then runs one
 * of the view's own actions. */
static void
row_activated_cb (AdwActionRow      *row,
                  VaernOverviewView *self)
{
  FigureRow *fr = g_object_get_data (G_OBJECT (row), "figure-row");
  GtkWidget *widget = GTK_WIDGET (self);

  if (fr == NULL)
    return;
  switch (fr->link)
    {
    case LINK_REGISTER:
      vaern_view_go_to (widget, "register", "register.show-findings", g_variant_new_uint32 (fr->arg));
      break;
    case LINK_SYSTEMS:
      vaern_view_go_to (widget, "register", "register.show-systems", NULL);
      break;
    case LINK_RISKS:
      vaern_view_go_to (widget, "risks", "risks.show-asset", g_variant_new_int64 (0));
      break;
    case LINK_RISKS_UNDECIDED:
      vaern_view_go_to (widget, "risks", "risks.show-undecided", NULL);
      break;
    case LINK_RISKS_OVERDUE:
      vaern_view_go_to (widget, "risks", "risks.show-overdue", NULL);
      break;
    case LINK_RISKS_BAND:
      vaern_view_go_to (widget, "risks", "risks.show-band", g_variant_new ("(ub)", fr->arg, TRUE));
      break;
    case LINK_SOA:
      vaern_view_go_to (widget, "soa", "soa.show-filtered", g_variant_new ("(ub)", fr->arg, FALSE));
      break;
    case LINK_SOA_MISSING:
      vaern_view_go_to (widget, "soa", "soa.show-filtered", g_variant_new ("(ub)", 0, TRUE));
      break;
    case LINK_WHEEL:
      vaern_view_go_to (widget, "wheel", "wheel.show-state", g_variant_new_uint32 (fr->arg));
      break;
    case LINK_DOCUMENTS:
      vaern_view_go_to (widget, "documents", "documents.show-filter", g_variant_new_uint32 (fr->arg));
      break;
    case LINK_APPROVALS:
      vaern_view_go_to (widget, "documents", "documents.show-approvals", g_variant_new_boolean (TRUE));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
empty_button_cb (VaernOverviewView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "register");
}

/* The rows */

static GtkLabel *
count_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return GTK_LABEL (label);
}

static AdwActionRow *
link_row_new (VaernOverviewView *self,
              FigureRow         *fr,
              const char        *title,
              GtkLabel         **count)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  *count = count_label_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*count));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "figure-row", fr);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  return ADW_ACTION_ROW (row);
}

/* A figure's row in its group, and for a finding its row in "Needs
 * attention" too; one of the two is shown. */
static void
add_figure (VaernOverviewView   *self,
            AdwPreferencesGroup *group,
            Figure               figure,
            const char          *title,
            const char          *subtitle,
            Link                 link,
            guint                arg)
{
  FigureRow *fr = &self->rows[figure];

  fr->link = link;
  fr->arg = arg;
  fr->row = link_row_new (self, fr, title, &fr->count);
  gtk_widget_set_name (GTK_WIDGET (fr->row), figure_names[figure]);
  if (subtitle)
    adw_action_row_set_subtitle (fr->row, subtitle);
  adw_preferences_group_add (group, GTK_WIDGET (fr->row));
}

static void
add_attention_rows (VaernOverviewView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      FigureRow *fr = &self->rows[findings[i]];
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      fr->attention = link_row_new (self, fr,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fr->row)),
                                    &fr->attention_count);
      gtk_widget_set_name (GTK_WIDGET (fr->attention), figure_names[findings[i]]);
      adw_action_row_set_subtitle (fr->attention, adw_action_row_get_subtitle (fr->row));
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (fr->attention, icon);
      gtk_widget_add_css_class (GTK_WIDGET (fr->attention_count), "warning");
      gtk_widget_set_visible (GTK_WIDGET (fr->attention), FALSE);
      adw_preferences_group_add (self->attention_group, GTK_WIDGET (fr->attention));
    }

  self->all_well_row = ADW_ACTION_ROW (adw_action_row_new ());
  /* Translators: the overview, when there are no findings */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->all_well_row), _("Nothing needs attention"));
  adw_action_row_set_subtitle (self->all_well_row,
                               /* Translators: the overview, when there are no findings */
                               _("Every system has a systemejer, every risk a treatment, and "
                                 "nothing is overdue or waiting for approval"));
  adw_action_row_add_prefix (self->all_well_row,
                             gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->all_well_row), FALSE);
  adw_preferences_group_add (self->attention_group, GTK_WIDGET (self->all_well_row));
}

static AdwPreferencesGroup *
group_new (VaernOverviewView *self,
           const char        *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
build (VaernOverviewView *self)
{
  AdwPreferencesGroup *group;
  GtkWidget *button;

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->page), "figures");

  /* Translators: heading in the overview: the findings that need attention */
  self->attention_group = group_new (self, _("Needs Attention"));

  /* Translators: heading in the overview: the register of systems (as the sidebar calls it) */
  group = group_new (self, _("Systems"));
  /* Translators: a row of the overview; its count is the number of IT systems */
  add_figure (self, group, FIG_SYSTEMS, _("IT systems"), NULL, LINK_SYSTEMS, 0);
  /* Translators: a row of the overview; keep "systemejer" as in the register */
  add_figure (self, group, FIG_NO_OWNER, _("Systems without a systemejer"),
              /* Translators: the explanation of a row of the overview */
              _("Every IT system in use needs one"), LINK_REGISTER, VAERN_FINDING_NO_OWNER);
  /* Translators: a row of the overview */
  add_figure (self, group, FIG_DPA_MISSING, _("Data processor agreements missing"),
              /* Translators: the explanation of a row of the overview */
              _("Personal data processed without a signed agreement"), LINK_REGISTER,
              VAERN_FINDING_DPA_MISSING);
  /* Translators: a row of the overview */
  add_figure (self, group, FIG_SYSTEMS_REVIEW, _("Overdue system reviews"),
              /* Translators: the explanation of a row of the overview */
              _("Systems and other assets past their next review"), LINK_REGISTER,
              VAERN_FINDING_REVIEW_OVERDUE);
  /* Translators: a row of the overview; its count is a share in per cent */
  add_figure (self, group, FIG_SYSTEMS_ASSESSED, _("Systems with a risk assessment"), NULL,
              LINK_RISKS, 0);

  /* Translators: heading in the overview */
  group = group_new (self, _("Risks"));
  /* Translators: a row of the overview */
  add_figure (self, group, FIG_RISKS, _("Risks"), NULL, LINK_RISKS, 0);
  /* Translators: a row of the overview */
  add_figure (self, group, FIG_RISKS_UNDECIDED, _("Treatment not decided"),
              /* Translators: the explanation of a row of the overview */
              _("Assessed risks with no treatment chosen"), LINK_RISKS_UNDECIDED, 0);
  /* Translators: a row of the overview */
  add_figure (self, group, FIG_RISKS_REVIEW, _("Overdue risk reviews"),
              /* Translators: the explanation of a row of the overview */
              _("Risks past their review date"), LINK_RISKS_OVERDUE, 0);

  /* Translators: heading in the overview: the risks by level (Lav, Middel, Høj) */
  self->bands_group = group_new (self, _("Risk Levels After Treatment"));
  adw_preferences_group_set_description (self->bands_group,
                                         /* Translators: the description of a group in the overview */
                                         _("Assessed risks at each level once treated, and before"));
  /* The highest level first: what management looks at. */
  for (guint b = VAERN_FIGURES_MAX_BANDS; b >= 1; b--)
    add_figure (self, self->bands_group, FIG_BAND_1 + b - 1, "", NULL, LINK_RISKS_BAND, b);

  /* Translators: heading in the overview */
  group = group_new (self, _("Statement of Applicability"));
  /* Translators: a row of the overview; its count is the SoA's version number */
  add_figure (self, group, FIG_SOA_VERSION, _("Newest version"), NULL, LINK_SOA, 0);
  /* Translators: a row of the overview; its count is a share in per cent */
  add_figure (self, group, FIG_SOA_IMPLEMENTED, _("Applicable controls implemented"), NULL,
              LINK_SOA, 0);
  for (guint t = 5; t <= 8; t++)
    {
      /* Translators: a row of the overview: an Annex A theme's number and name */
      g_autofree char *title = g_strdup_printf (_("%u %s"), t, vaern_control_theme_label (t));

      add_figure (self, group, FIG_SOA_THEME_5 + t - 5, title, NULL, LINK_SOA, t);
    }
  /* Translators: a row of the overview */
  add_figure (self, group, FIG_SOA_MISSING, _("Controls without a justification"),
              /* Translators: the explanation of a row of the overview */
              _("Every control needs a reason to be included or left out"), LINK_SOA_MISSING, 0);

  /* Translators: heading in the overview */
  group = group_new (self, _("Annual Wheel"));
  /* Translators: a row of the overview */
  add_figure (self, group, FIG_ACTIVITIES_OVERDUE, _("Overdue activities"),
              /* Translators: the explanation of a row of the overview */
              _("An occurrence before today is not done"), LINK_WHEEL, VAERN_WHEEL_MARK_OVERDUE);
  {
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           /* Translators: a row of the overview */
                                                           "Activities due in the next %u day",
                                                           "Activities due in the next %u days",
                                                           VAERN_FIGURES_SOON_DAYS),
                                              VAERN_FIGURES_SOON_DAYS);

    add_figure (self, group, FIG_ACTIVITIES_UPCOMING, title, NULL, LINK_WHEEL,
                VAERN_WHEEL_MARK_UPCOMING);
  }

  /* Translators: heading in the overview */
  group = group_new (self, _("Documents and Approvals"));
  /* Translators: a row of the overview: the ISMS's documents (policy, guidelines, …) */
  add_figure (self, group, FIG_DOCUMENTS, _("Documents"), NULL, LINK_DOCUMENTS, 0);
  {
    g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              /* Translators: the explanation of a row of the overview */
                                                              "Overdue, or due within %u day",
                                                              "Overdue, or due within %u days",
                                                              VAERN_FIGURES_SOON_DAYS),
                                                 VAERN_FIGURES_SOON_DAYS);

    /* Translators: a row of the overview */
    add_figure (self, group, FIG_DOCUMENTS_REVIEW, _("Documents due for review"), subtitle,
                LINK_DOCUMENTS, VAERN_DOCUMENTS_REVIEW_DUE);
  }
  /* Translators: a row of the overview: documents that management has not approved yet */
  add_figure (self, group, FIG_PENDING_APPROVALS, _("Documents waiting for approval"), NULL,
              LINK_DOCUMENTS, VAERN_DOCUMENTS_IN_REVIEW);
  /* Translators: a row of the overview; its value is a date */
  add_figure (self, group, FIG_LAST_REPORT, _("Last approved management report"), NULL,
              LINK_APPROVALS, 0);

  add_attention_rows (self);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "view-list-symbolic");
  /* Translators: title of the overview of a document without systems */
  adw_status_page_set_title (self->empty_page, _("No Systems Yet"));
  adw_status_page_set_description (self->empty_page,
                                   /* Translators: text of the overview of a document without systems */
                                   _("Start with the register: add the organisation’s IT systems "
                                     "one by one, or import a list of them. The overview then "
                                     "shows the key figures and what needs attention."));
  /* Translators: button of the overview of a document without systems */
  button = gtk_button_new_with_mnemonic (_("_Go to Systems"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (empty_button_cb), self);
  adw_status_page_set_child (self->empty_page, button);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
}

/* The figures */

/* A screen reader reads the row's title with its count ("Systems
 * without a systemejer: 4"), as the eye does. */
static void
update_accessible_label (AdwActionRow *row,
                         const char   *count)
{
  g_autofree char *label = g_strdup_printf ("%s: %s",
                                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                            count);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
set_count (FigureRow  *fr,
           const char *text,
           gboolean    warning)
{
  gtk_label_set_text (fr->count, text);
  update_accessible_label (fr->row, text);
  if (fr->attention)
    {
      gtk_label_set_text (fr->attention_count, text);
      update_accessible_label (fr->attention, text);
      /* A finding is listed in one place: with the others while there is one. */
      gtk_widget_set_visible (GTK_WIDGET (fr->attention), warning);
      gtk_widget_set_visible (GTK_WIDGET (fr->row), !warning);
    }
  if (warning)
    gtk_widget_add_css_class (GTK_WIDGET (fr->count), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (fr->count), "warning");
}

static void
set_number (VaernOverviewView *self,
            Figure             figure,
            guint              n)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", n);
  set_count (&self->rows[figure], text, is_finding (figure) && n > 0);
}

static void
set_share (VaernOverviewView *self,
           Figure             figure,
           guint              part,
           guint              whole,
           const char        *subtitle)
{
  /* Translators: a share in per cent in the overview; keep %% (a per cent sign) */
  g_autofree char *text = g_strdup_printf (_("%u %%"), vaern_key_figures_percent (part, whole));

  set_count (&self->rows[figure], text, FALSE);
  adw_action_row_set_subtitle (self->rows[figure].row, subtitle);
}

static void
set_subtitle (VaernOverviewView *self,
              Figure             figure,
              const char        *subtitle)
{
  adw_action_row_set_subtitle (self->rows[figure].row, subtitle);
  if (self->rows[figure].attention)
    adw_action_row_set_subtitle (self->rows[figure].attention, subtitle);
}

static void
show_register (VaernOverviewView     *self,
               const VaernKeyFigures *f)
{
  g_autofree char *others = NULL;
  g_autofree char *assessed = NULL;

  set_number (self, FIG_SYSTEMS, f->n_systems);
  others = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: the explanation of the overview's count of IT systems */
                                         "And %u other asset",
                                         "And %u other assets", f->n_assets - f->n_systems),
                            f->n_assets - f->n_systems);
  set_subtitle (self, FIG_SYSTEMS, others);
  set_number (self, FIG_NO_OWNER, f->n_systems_no_owner);
  set_number (self, FIG_DPA_MISSING, f->n_dpa_missing);
  set_number (self, FIG_SYSTEMS_REVIEW, f->n_asset_review_overdue);
  assessed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: the explanation of a share in the overview */
                                           "%u of %u system", "%u of %u systems", f->n_systems),
                              f->n_systems_assessed, f->n_systems);
  set_share (self, FIG_SYSTEMS_ASSESSED, f->n_systems_assessed, f->n_systems, assessed);
}

static void
show_risks (VaernOverviewView     *self,
            const VaernKeyFigures *f)
{
  const VaernRiskScale *scale = vaern_document_get_scale (self->document);
  g_autofree char *all = NULL;

  set_number (self, FIG_RISKS, f->n_risks);
  all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: the explanation of the overview's count of risks */
                                      "%u of them assessed", "%u of them assessed",
                                      f->n_risks_assessed),
                         f->n_risks_assessed);
  set_subtitle (self, FIG_RISKS, all);
  set_number (self, FIG_RISKS_UNDECIDED, f->n_risks_undecided);
  set_number (self, FIG_RISKS_REVIEW, f->n_risk_review_overdue);

  for (guint b = 1; b <= VAERN_FIGURES_MAX_BANDS; b++)
    {
      FigureRow *fr = &self->rows[FIG_BAND_1 + b - 1];
      g_autofree char *before = NULL;

      gtk_widget_set_visible (GTK_WIDGET (fr->row), b <= f->n_bands);
      if (b > f->n_bands)
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fr->row), scale->bands[b - 1].label);
      before = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: the overview's count of the risks
                                              * at a level before treatment */
                                             "%u before treatment",
                                             "%u before treatment", f->inherent_by_band[b - 1]),
                                f->inherent_by_band[b - 1]);
      adw_action_row_set_subtitle (fr->row, before);
      set_number (self, FIG_BAND_1 + b - 1, f->residual_by_band[b - 1]);
    }
}

static void
show_soa (VaernOverviewView     *self,
          const VaernKeyFigures *f)
{
  guint applicable = 0, implemented = 0;
  g_autofree char *total = NULL;

  if (f->soa_version == 0)
    {
      set_count (&self->rows[FIG_SOA_VERSION], "", FALSE);
      /* Translators: the overview, when there is no Statement of Applicability */
      set_subtitle (self, FIG_SOA_VERSION, _("None yet"));
    }
  else
    {
      set_number (self, FIG_SOA_VERSION, f->soa_version);
      set_subtitle (self, FIG_SOA_VERSION, f->soa_approved
                                           /* Translators: the state of the SoA's newest version */
                                           ? _("Approved")
                                           /* Translators: the state of the SoA's newest version */
                                           : _("Draft, not approved yet"));
    }
  for (guint t = 0; t < VAERN_FIGURES_N_THEMES; t++)
    {
      g_autofree char *share = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             /* Translators: the explanation of a share in the overview */
                                                             "%u of %u applicable control",
                                                             "%u of %u applicable controls",
                                                             f->soa_applicable[t]),
                                                f->soa_implemented[t], f->soa_applicable[t]);

      set_share (self, FIG_SOA_THEME_5 + t, f->soa_implemented[t], f->soa_applicable[t], share);
      applicable += f->soa_applicable[t];
      implemented += f->soa_implemented[t];
    }
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: the explanation of a share in the overview */
                                        "%u of %u control", "%u of %u controls", applicable),
                           implemented, applicable);
  set_share (self, FIG_SOA_IMPLEMENTED, implemented, applicable, total);
  set_number (self, FIG_SOA_MISSING, f->soa_missing_justification);
}

static void
show_documents (VaernOverviewView     *self,
                const VaernKeyFigures *f)
{
  g_autofree char *pending = NULL;
  g_autofree char *last = NULL;

  set_number (self, FIG_ACTIVITIES_OVERDUE, f->n_activities_overdue);
  set_number (self, FIG_ACTIVITIES_UPCOMING, f->n_activities_upcoming);

  set_number (self, FIG_DOCUMENTS, f->n_documents);
  set_number (self, FIG_DOCUMENTS_REVIEW, f->n_documents_review_due);
  /* The documents the row opens; the SoA draft is the SoA group's. */
  set_number (self, FIG_PENDING_APPROVALS, f->n_documents_in_review);
  if (f->soa_version > 0 && !f->soa_approved)
    /* Translators: the explanation of the overview's count of documents waiting for approval */
    pending = g_strdup (_("The newest version of the SoA waits for approval too"));
  set_subtitle (self, FIG_PENDING_APPROVALS, pending);

  last = f->last_report_approved_on ? vaern_date_format (f->last_report_approved_on)
                                    /* Translators: the overview, when no management report was approved yet */
                                    : g_strdup (_("None yet"));
  set_count (&self->rows[FIG_LAST_REPORT], last, FALSE);
}

static void
refresh (VaernOverviewView *self)
{
  g_autoptr(VaernKeyFigures) f = NULL;
  gboolean any = FALSE;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  self->stale = FALSE;
  if (self->document == NULL)
    return;

  f = vaern_key_figures_compute (self->document, NULL);
  gtk_stack_set_visible_child_name (self->stack, f->n_assets == 0 ? "empty" : "figures");
  show_register (self, f);
  show_risks (self, f);
  show_soa (self, f);
  show_documents (self, f);
  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    any |= gtk_widget_get_visible (GTK_WIDGET (self->rows[findings[i]].attention));
  gtk_widget_set_visible (GTK_WIDGET (self->all_well_row), !any);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  VaernOverviewView *self = user_data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* A change is counted once it has been told in full, and only while the
 * overview is shown; a hidden overview counts again when shown. */
static void
document_changed_cb (VaernOverviewView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE - 10, refresh_idle_cb, self,
                                          NULL);
}

/* The document */

/* The overview counts the document when first shown, so a large document
 * that opens on another page does not wait for it. */
static void
attach (VaernOverviewView *self)
{
  if (self->attached || self->document == NULL)
    return;
  self->attached = TRUE;
  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* After the window's first frame: the first count reads the risks and
   * the activities, which on a large document takes a moment. */
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_LOW, refresh_idle_cb, self, NULL);
}

static void
vaern_overview_view_set_document (VaernView     *view,
                                  VaernDocument *document)
{
  VaernOverviewView *self = VAERN_OVERVIEW_VIEW (view);

  if (self->document && self->attached)
    g_signal_handlers_disconnect_by_data (self->document, self);
  self->attached = FALSE;
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_set_object (&self->document, document);
  if (document && gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach (self);
}

static void
vaern_overview_view_map (GtkWidget *widget)
{
  VaernOverviewView *self = VAERN_OVERVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (vaern_overview_view_parent_class)->map (widget);
  if (!self->attached)
    attach (self);
  else if (self->stale)
    refresh (self);
}

/* No search here: Ctrl+F goes to the first row. */
static void
vaern_overview_view_focus_search (VaernView *view)
{
  gtk_widget_child_focus (GTK_WIDGET (VAERN_OVERVIEW_VIEW (view)->stack), GTK_DIR_TAB_FORWARD);
}

static void
vaern_overview_view_iface_init (VaernViewInterface *iface)
{
  iface->set_document = vaern_overview_view_set_document;
  iface->focus_search = vaern_overview_view_focus_search;
}

static void
vaern_overview_view_dispose (GObject *object)
{
  VaernOverviewView *self = VAERN_OVERVIEW_VIEW (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->document)
    vaern_overview_view_set_document (VAERN_VIEW (self), NULL);
  if (self->stack)
    gtk_widget_unparent (GTK_WIDGET (self->stack));
  self->stack = NULL;
  G_OBJECT_CLASS (vaern_overview_view_parent_class)->dispose (object);
}

static void
vaern_overview_view_class_init (VaernOverviewViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vaern_overview_view_dispose;
  widget_class->map = vaern_overview_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vaern_overview_view_init (VaernOverviewView *self)
{
  build (self);
}

/* For tests */

AdwActionRow *
vaern_overview_view_get_row (VaernOverviewView *self,
                             const char        *name)
{
  g_return_val_if_fail (VAERN_IS_OVERVIEW_VIEW (self), NULL);

  for (guint i = 0; i < N_FIGURES; i++)
    if (g_strcmp0 (figure_names[i], name) == 0)
      {
        FigureRow *fr = &self->rows[i];

        if (fr->attention && gtk_widget_get_visible (GTK_WIDGET (fr->attention)))
          return fr->attention;
        return gtk_widget_get_visible (GTK_WIDGET (fr->row)) ? fr->row : NULL;
      }
  return NULL;
}

const char *
vaern_overview_view_get_count (VaernOverviewView *self,
                               const char        *name)
{
  AdwActionRow *row = vaern_overview_view_get_row (self, name);
  FigureRow *fr = row ? g_object_get_data (G_OBJECT (row), "figure-row") : NULL;

  if (fr == NULL)
    return NULL;
  return gtk_label_get_text (row == fr->attention ? fr->attention_count : fr->count);
}

gboolean
vaern_overview_view_is_empty (VaernOverviewView *self)
{
  g_return_val_if_fail (VAERN_IS_OVERVIEW_VIEW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}
